import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isConfigError } from './ConfigError.js';
import { readSchemaFolder } from './readSchemaFolder.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'openstage-schema-folder-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const ROOT = 'app.schema.json';

async function files(entries: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(entries)) await writeFile(join(dir, name), text);
}

function thrown(read: () => unknown): Error {
  try {
    read();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

describe('readSchemaFolder', () => {
  it('roots the schema at the named file, with the other schema files as its references', async () => {
    await files({
      [ROOT]: '{"$id":"root"}',
      'a.schema.json': '{"$id":"a"}',
      'notes.txt': 'not a schema',
    });
    const { schema, hash } = readSchemaFolder(dir, ROOT, '@acme/schemas');
    expect(schema).toMatchObject({ location: join(dir, ROOT), digest: hash });
    expect(schema.packageName).toBeUndefined();
    expect(schema.schema).toEqual({ $id: 'root' });
    expect(schema.references).toEqual([{ $id: 'a' }]);
    expect(schema.references).toBe(schema.references);
  });

  it('hashes names and contents, so a change to either changes the hash', async () => {
    await files({ [ROOT]: '{}', 'a.schema.json': '{"x":1}' });
    const first = readSchemaFolder(dir, ROOT, 'p').hash;
    expect(readSchemaFolder(dir, ROOT, 'p').hash).toBe(first);
    await files({ 'a.schema.json': '{"x":2}' });
    const edited = readSchemaFolder(dir, ROOT, 'p').hash;
    expect(edited).not.toBe(first);
    await rm(join(dir, 'a.schema.json'));
    await files({ 'b.schema.json': '{"x":2}' });
    expect(readSchemaFolder(dir, ROOT, 'p').hash).not.toBe(edited);
  });

  it('CONF-059: a missing root file fails naming it and its package', async () => {
    await files({ 'a.schema.json': '{}' });
    const error = thrown(() => readSchemaFolder(dir, ROOT, '@openstage/spec'));
    expect(isConfigError(error) && error.code).toBe('CONF_SCHEMA_INVALID');
    expect(error.message).toContain(join(dir, ROOT));
    expect(error.message).toContain('@openstage/spec');
    expect(error.message).toContain('reinstall @openstage/spec');
  });

  it('CONF-059: a file that is not a JSON object fails on first use, naming the file', async () => {
    await files({ [ROOT]: '{}', 'broken.schema.json': '{"type": ' });
    // Identifying the folder needs no parse, so reading it succeeds.
    const { schema } = readSchemaFolder(dir, ROOT, '@acme/schemas');
    const error = thrown(() => schema.schema);
    expect(isConfigError(error) && error.code).toBe('CONF_SCHEMA_INVALID');
    expect(error.message).toContain(join(dir, 'broken.schema.json'));
    expect(error.message).toContain('cannot be read as JSON');
    // Not remembered as parsed: the next read fails the same way.
    expect(thrown(() => schema.references).message).toBe(error.message);

    await files({ 'broken.schema.json': '[1, 2]' });
    const notObject = thrown(() => readSchemaFolder(dir, ROOT, '@acme/schemas').schema.schema);
    expect(notObject.message).toContain('the schema must be a JSON object');
  });
});
