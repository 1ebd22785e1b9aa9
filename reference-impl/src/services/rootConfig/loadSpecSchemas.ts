import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ConfigSchema } from './ConfigSchemaValidator.js';
import type { JsonObject } from './jsonValues.js';

const ROOT_SCHEMA = 'app-config.schema.json';
let cached: Promise<ConfigSchema> | undefined;

/**
 * The JSON Schemas published in `@openstage/spec/schemas` (CONF-055), as one schema rooted at
 * `app-config.schema.json` with the others as its references. Read once per process.
 */
export function loadSpecSchemas(): Promise<ConfigSchema> {
  cached ??= readSpecSchemas().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function readSpecSchemas(): Promise<ConfigSchema> {
  const specDir = dirname(createRequire(import.meta.url).resolve('@openstage/spec/package.json'));
  const schemaDir = join(specDir, 'schemas');
  const files = (await readdir(schemaDir)).filter((file) => file.endsWith('.schema.json')).sort();
  const schemas = new Map<string, JsonObject>();
  for (const file of files) {
    schemas.set(file, JSON.parse(await readFile(join(schemaDir, file), 'utf8')) as JsonObject);
  }
  const root = schemas.get(ROOT_SCHEMA);
  if (!root) throw new Error(`${join(schemaDir, ROOT_SCHEMA)} is missing from @openstage/spec`);
  schemas.delete(ROOT_SCHEMA);
  return {
    schema: root,
    location: join(schemaDir, ROOT_SCHEMA),
    references: [...schemas.values()],
  };
}
