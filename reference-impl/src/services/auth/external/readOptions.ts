import { AuthServiceError } from '../AuthServiceError.js';

function invalid(configPath: string, problem: string): AuthServiceError {
  return new AuthServiceError('AUTH_EXTERNAL_ACCESS_INVALID_OPTIONS', { configPath, problem });
}

/** Reads a required string option that must not contain white space (AUTH-161, AUTH-162). */
export function readCompactString(
  options: Record<string, unknown>,
  key: string,
  configPath: string,
): string {
  const value = options[key];
  if (typeof value !== 'string' || value === '') {
    throw invalid(`${configPath}.${key}`, 'must be a non-empty string');
  }
  if (/\s/.test(value)) {
    throw invalid(`${configPath}.${key}`, 'must not contain white space');
  }
  return value;
}

/**
 * Reads an option holding a string or a list of strings, splitting every string at commas and
 * spaces and dropping duplicates (AUTH-172, AUTH-181); `undefined` when the option is absent.
 */
export function readStringList(value: unknown, configPath: string): string[] | undefined {
  if (value === undefined) return undefined;
  const items = Array.isArray(value) ? value : [value];
  const result = new Set<string>();
  for (const [index, item] of items.entries()) {
    if (typeof item !== 'string') {
      throw invalid(
        Array.isArray(value) ? `${configPath}[${index}]` : configPath,
        'must be a string or a list of strings',
      );
    }
    for (const part of item.split(/[\s,]+/)) {
      if (part !== '') result.add(part);
    }
  }
  if (result.size === 0) throw invalid(configPath, 'must name at least one value');
  return [...result];
}

export { invalid as invalidOptionsError };
