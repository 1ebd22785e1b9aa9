import { existsSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CliError } from '../CliError.js';

/** A feature as `backend.add()` takes it: a feature object or a module promise. */
export type EntryFeature = object;

/**
 * Loads an entry file: an ES or CommonJS module whose default export is a feature or an array of
 * features (objects or `import()` promises), such as
 *
 * ```js
 * export default [import('@internal/plugin-todo-backend'), myServiceFactory];
 * ```
 *
 * Refuses a missing file, a TypeScript file this Node.js cannot load, a module that throws and a
 * default export of another shape, each naming the file.
 */
export async function loadEntryFeatures(entry: string, cwd: string): Promise<EntryFeature[]> {
  const file = resolve(cwd, entry);
  if (!existsSync(file)) {
    throw new CliError(
      `Entry file '${entry}' does not exist (looked for ${file}). Pass the path of a module whose ` +
        `default export is an array of features.`,
    );
  }
  let namespace: { default?: unknown };
  try {
    namespace = (await import(pathToFileURL(file).href)) as { default?: unknown };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ERR_UNKNOWN_FILE_EXTENSION' && /^\.[cm]?tsx?$/.test(extname(file))) {
      throw new CliError(
        `Entry file '${entry}' is TypeScript, which Node.js ${process.version} does not load; ` +
          `compile it and pass the .js file.`,
        { cause: error },
      );
    }
    throw new CliError(
      `Entry file '${entry}' failed to load: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  let value = namespace.default;
  // CommonJS compiled from ESM nests the default export once more.
  if (isPlainModule(value)) value = (value as { default: unknown }).default;
  const features = Array.isArray(value) ? value : [value];
  const bad = features.findIndex((f) => typeof f !== 'object' || f === null);
  if (value === undefined || bad !== -1) {
    const found =
      value === undefined
        ? 'no default export'
        : `${Array.isArray(value) ? `default[${bad}] is ` : 'the default export is '}${describe(features[bad])}`;
    throw new CliError(
      `Entry file '${entry}' must export default a feature or an array of features; found ${found}.`,
    );
  }
  return features as EntryFeature[];
}

function isPlainModule(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !('$$type' in value) &&
    'default' in value
  );
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'function') return 'a function';
  return typeof value === 'string' ? `the string '${value}'` : `${typeof value} ${String(value)}`;
}
