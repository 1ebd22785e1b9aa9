import { OpenstageError } from '../../errors/OpenstageError.js';

/** Which dependencies package discovery considers, from `backend.packages`. */
export type PackageSelection =
  { kind: 'none' } | { kind: 'all' } | { kind: 'filter'; include?: string[]; exclude: string[] };

const CONFIG_PATH = 'backend.packages';

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/** Reads `backend.packages` (LOAD-042 to LOAD-045, LOAD-047). */
export function readBackendPackages(value: unknown): PackageSelection {
  if (value === undefined) return { kind: 'none' };
  if (value === 'all') return { kind: 'all' };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new OpenstageError('LOAD_INVALID_PACKAGES_CONFIG', {
      configPath: CONFIG_PATH,
      reason: 'expected "all" or an object',
    });
  }
  const fields = value as Record<string, unknown>;
  if (Object.keys(fields).length === 0) return { kind: 'none' };
  for (const key of ['include', 'exclude'] as const) {
    if (fields[key] !== undefined && !isStringArray(fields[key])) {
      throw new OpenstageError('LOAD_INVALID_PACKAGES_CONFIG', {
        configPath: `${CONFIG_PATH}.${key}`,
        reason: 'expected an array of strings',
      });
    }
  }
  return {
    kind: 'filter',
    ...(fields['include'] !== undefined ? { include: fields['include'] as string[] } : {}),
    exclude: (fields['exclude'] as string[] | undefined) ?? [],
  };
}

/** `*` matches any run of characters; anything else must match exactly (LOAD-046). */
function matches(pattern: string, name: string): boolean {
  if (!pattern.includes('*')) return pattern === name;
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(name);
}

/** Whether discovery considers the dependency `name`. */
export function isSelected(selection: PackageSelection, name: string): boolean {
  switch (selection.kind) {
    case 'none':
      return false;
    case 'all':
      return true;
    case 'filter':
      if (selection.exclude.some((p) => matches(p, name))) return false;
      return selection.include === undefined || selection.include.some((p) => matches(p, name));
  }
}
