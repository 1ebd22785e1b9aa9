import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from './ConfigError.js';
import type { ConfigSchema } from './ConfigSchemaValidator.js';
import type { JsonObject } from './jsonValues.js';
import { readSchemaFile } from './readSchemaFile.js';

/** A folder of schema files as one {@link ConfigSchema}, and the content hash of the files. */
export interface SchemaFolder {
  schema: ConfigSchema;
  /** SHA-256 of every file's name and bytes, in name order; also the schema's `digest`. */
  hash: string;
}

/**
 * The `*.schema.json` files of `folder` as one schema rooted at `rootFile`, with the others as
 * its references. The files are read and hashed now, and parsed when `schema` or `references`
 * is first read: a start whose configuration passed before needs only the hash (issue 10).
 * `packageName`, the package that ships the folder, is named in errors; the schema itself carries
 * no package, so the configuration problems it finds name none.
 *
 * @throws ConfigError `CONF_SCHEMA_INVALID` naming `rootFile` when the folder lacks it; a file
 *   that is not a JSON object fails the first read of `schema` or `references` the same way,
 *   naming that file.
 */
export function readSchemaFolder(
  folder: string,
  rootFile: string,
  packageName: string,
): SchemaFolder {
  // Synchronous: a couple of dozen small files read on every start, where a round trip through
  // the thread pool per file cost several times the reading itself (issue 10).
  const files = readdirSync(folder)
    .filter((file) => file.endsWith('.schema.json'))
    .sort();
  const rootIndex = files.indexOf(rootFile);
  if (rootIndex === -1) {
    throw ConfigError.create('CONF_SCHEMA_INVALID', {
      location: join(folder, rootFile),
      packageName,
      reason: `the file is missing; reinstall ${packageName}`,
    });
  }
  const contents = files.map((file) => readFileSync(join(folder, file)));
  const digest = createHash('sha256');
  files.forEach((file, index) => {
    digest
      .update(`${file}\u0000`)
      .update(contents[index] ?? '')
      .update('\u0000');
  });
  const hash = digest.digest('hex');
  let parsed: { root: JsonObject; references: JsonObject[] } | undefined;
  const parse = (): { root: JsonObject; references: JsonObject[] } => {
    if (parsed) return parsed;
    const decoder = new TextDecoder();
    const schemas = files.map((file, index) =>
      readSchemaFile(join(folder, file), packageName, () => decoder.decode(contents[index])),
    );
    const [root] = schemas.splice(rootIndex, 1);
    // `root` is there: `rootIndex` came from the same list.
    parsed = { root: root ?? {}, references: schemas };
    contents.length = 0;
    return parsed;
  };
  return {
    schema: {
      get schema(): JsonObject {
        return parse().root;
      },
      get references(): JsonObject[] {
        return parse().references;
      },
      location: join(folder, rootFile),
      digest: hash,
    },
    hash,
  };
}
