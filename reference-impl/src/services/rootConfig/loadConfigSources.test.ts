import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isConfigError, type AnyConfigError } from './ConfigError.js';
import { loadConfigSources, type LoadConfigSourcesOptions } from './loadConfigSources.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'openstage-rootconfig-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(relative: string, text: string): Promise<string> {
  const file = join(dir, relative);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, text);
  return file;
}

function load(options: Partial<LoadConfigSourcesOptions> = {}) {
  return loadConfigSources({ argv: [], cwd: dir, env: {}, ...options });
}

async function loadError(options: Partial<LoadConfigSourcesOptions> = {}): Promise<AnyConfigError> {
  try {
    await load(options);
  } catch (error) {
    if (isConfigError(error)) return error as AnyConfigError;
    throw error;
  }
  throw new Error('expected loading to fail');
}

describe('configuration files', () => {
  it('CONF-001: loads app-config.yaml and then app-config.local.yaml from the root directory', async () => {
    await write('app-config.yaml', 'a: 1\nb: 1\n');
    await write('app-config.local.yaml', 'b: 2\n');
    const loaded = await load();
    expect(loaded.data).toEqual({ a: 1, b: 2 });
    expect(loaded.sources.map((s) => s.name)).toEqual([
      join(dir, 'app-config.yaml'),
      join(dir, 'app-config.local.yaml'),
    ]);
  });

  it('CONF-002: the root directory is the nearest ancestor whose package.json declares workspaces', async () => {
    await write('package.json', JSON.stringify({ name: 'root', workspaces: ['packages/*'] }));
    await write('packages/backend/package.json', JSON.stringify({ name: 'backend' }));
    await write('app-config.yaml', 'where: root\n');
    await write('packages/backend/app-config.yaml', 'where: package\n');
    const loaded = await load({ cwd: join(dir, 'packages', 'backend') });
    expect(loaded.data).toEqual({ where: 'root' });
  });

  it('CONF-002: without a workspace root, the working directory is the root', async () => {
    await write('packages/backend/package.json', JSON.stringify({ name: 'backend' }));
    await write('packages/backend/app-config.yaml', 'where: package\n');
    expect((await load({ cwd: join(dir, 'packages', 'backend') })).data).toEqual({
      where: 'package',
    });
  });

  it('CONF-003: a missing app-config.yaml fails with CONF_FILE_NOT_FOUND naming the absolute path', async () => {
    const error = await loadError();
    expect(error.code).toBe('CONF_FILE_NOT_FOUND');
    expect(error.code === 'CONF_FILE_NOT_FOUND' && error.file).toBe(join(dir, 'app-config.yaml'));
    expect(error.message).toContain(join(dir, 'app-config.yaml'));
  });

  it('CONF-004: a missing app-config.local.yaml is not an error', async () => {
    await write('app-config.yaml', 'a: 1\n');
    expect((await load()).data).toEqual({ a: 1 });
  });

  it('CONF-005: BACKSTAGE_ENV adds app-config.<name>.yaml and app-config.<name>.local.yaml in order', async () => {
    await write('app-config.yaml', 'order: [base]\nbase: 1\n');
    await write('app-config.production.yaml', 'order: [production]\nproduction: 1\n');
    await write('app-config.eu.yaml', 'order: [eu]\n');
    await write('app-config.local.yaml', 'order: [local]\n');
    await write('app-config.production.local.yaml', 'order: [production-local]\n');
    const loaded = await load({ env: { BACKSTAGE_ENV: 'production, eu,missing' } });
    expect(loaded.sources.map((s) => s.name.slice(dir.length + 1))).toEqual([
      'app-config.yaml',
      'app-config.production.yaml',
      'app-config.eu.yaml',
      'app-config.local.yaml',
      'app-config.production.local.yaml',
    ]);
    expect(loaded.data).toEqual({ order: ['production-local'], base: 1, production: 1 });
  });

  it('CONF-006, CONF-007: --config arguments replace the default files, in argument order, in both forms', async () => {
    await write('app-config.yaml', 'default: true\n');
    await write('app-config.local.yaml', 'local: true\n');
    await write('one.yaml', 'a: 1\nb: 1\n');
    await write('two.yaml', 'b: 2\n');
    const loaded = await load({
      argv: ['node', 'index.js', '--config', 'one.yaml', '--config=two.yaml'],
    });
    expect(loaded.data).toEqual({ a: 1, b: 2 });
  });

  it('CONF-008: a relative --config path is resolved against the working directory', async () => {
    await write('conf/base.yaml', 'a: 1\n');
    const loaded = await load({ argv: ['--config', 'conf/base.yaml'] });
    expect(loaded.sources[0]?.name).toBe(join(dir, 'conf', 'base.yaml'));
  });

  it('CONF-009: a missing --config file fails with CONF_FILE_NOT_FOUND naming the absolute path', async () => {
    const error = await loadError({ argv: ['--config', 'nope.yaml'] });
    expect(error.code).toBe('CONF_FILE_NOT_FOUND');
    expect(error.message).toContain(join(dir, 'nope.yaml'));
  });

  it('CONF-010: an unreadable file fails with CONF_FILE_READ_FAILED naming the path and the cause', async () => {
    await mkdir(join(dir, 'a-directory.yaml'));
    const error = await loadError({ argv: ['--config', 'a-directory.yaml'] });
    expect(error.code).toBe('CONF_FILE_READ_FAILED');
    expect(error.message).toContain(join(dir, 'a-directory.yaml'));
    expect(error.message).toContain('EISDIR');
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('CONF-011: every file is parsed as YAML 1.2 whatever its extension, so JSON is accepted', async () => {
    await write('config.json', '{"backend": {"listen": {"port": 7007}}, "flag": true}');
    await write('config.txt', 'text: yes\noctal: 010\n');
    const loaded = await load({ argv: ['--config', 'config.json', '--config', 'config.txt'] });
    // YAML 1.2: `yes` is a string and `010` is the decimal 10.
    expect(loaded.data).toEqual({
      backend: { listen: { port: 7007 } },
      flag: true,
      text: 'yes',
      octal: 10,
    });
  });

  it('CONF-012: malformed YAML fails with CONF_PARSE_FAILED naming the file and the line', async () => {
    await write(
      'app-config.yaml',
      'backend:\n  baseUrl: http://x\n  listen: [1,\nsecret: hunter2\n',
    );
    const error = await loadError();
    expect(error.code).toBe('CONF_PARSE_FAILED');
    if (error.code !== 'CONF_PARSE_FAILED') return;
    expect(error.file).toBe(join(dir, 'app-config.yaml'));
    expect(error.line).toBe(4);
    expect(error.message).toContain(`${join(dir, 'app-config.yaml')}' is not valid YAML at line 4`);
    // CONF-068: the excerpt of the offending line is not repeated.
    expect(error.message).not.toContain('hunter2');
  });

  it('CONF-013: an empty or comment-only file contributes nothing', async () => {
    await write('a.yaml', 'a: 1\n');
    await write('empty.yaml', '');
    await write('comments.yaml', '# nothing here\n# at all\n');
    expect(
      (
        await load({
          argv: ['--config', 'a.yaml', '--config', 'empty.yaml', '--config', 'comments.yaml'],
        })
      ).data,
    ).toEqual({ a: 1 });
  });

  it('CONF-014: a file whose top level is not a mapping fails with CONF_ROOT_NOT_OBJECT naming the file', async () => {
    await write('list.yaml', '- a\n- b\n');
    const error = await loadError({ argv: ['--config', 'list.yaml'] });
    expect(error.code).toBe('CONF_ROOT_NOT_OBJECT');
    expect(error.message).toContain(join(dir, 'list.yaml'));
  });

  it('CONF-015, CONF-016: a URL is a remote source and fails with CONF_REMOTE_DISABLED unless enabled', async () => {
    const error = await loadError({
      argv: ['--config', 'https://config.example.com/app-config.yaml'],
    });
    expect(error.code).toBe('CONF_REMOTE_DISABLED');
    expect(error.message).toContain('https://config.example.com/app-config.yaml');
  });

  it('CONF-017: an enabled remote source is fetched and merged in argument order', async () => {
    await write('base.yaml', 'a: 1\nb: 1\n');
    const loaded = await load({
      argv: ['--config', 'base.yaml', '--config', 'https://config.example.com/c.yaml'],
      remote: true,
      env: { REMOTE_B: '2' },
      fetchText: async (url) =>
        url === 'https://config.example.com/c.yaml' ? 'b: ${REMOTE_B}\n' : '',
    });
    expect(loaded.data).toEqual({ a: 1, b: '2' });
    expect(loaded.urls).toEqual(['https://config.example.com/c.yaml']);
  });

  it('CONF-015: a Windows-style path or a scheme without a host is a file path', async () => {
    const error = await loadError({ argv: ['--config', 'file:app.yaml'] });
    expect(error.code).toBe('CONF_FILE_NOT_FOUND');
  });
});

describe('environment overrides and merging', () => {
  it('CONF-046: APP_CONFIG_ variables outrank every file', async () => {
    await write('app-config.yaml', 'backend:\n  listen:\n    port: 7007\n    host: a\n');
    await write('app-config.local.yaml', 'backend:\n  listen:\n    port: 7008\n');
    const loaded = await load({ env: { APP_CONFIG_backend_listen_port: '7123' } });
    expect(loaded.data).toEqual({ backend: { listen: { port: 7123, host: 'a' } } });
    expect(loaded.envVariables).toEqual(['APP_CONFIG_backend_listen_port']);
    expect(loaded.sources.at(-1)?.name).toBe('env');
  });

  it('CONF-024: an APP_CONFIG_ null hides a file value', async () => {
    await write('app-config.yaml', 'a:\n  b: 1\n  c: 2\n');
    expect((await load({ env: { APP_CONFIG_a_b: 'null' } })).data).toEqual({ a: { c: 2 } });
  });

  it('CONF-022: a bad APP_CONFIG_ name fails loading with CONF_INVALID_ENV_KEY', async () => {
    await write('app-config.yaml', 'a: 1\n');
    const error = await loadError({ env: { APP_CONFIG_a__b: '1' } });
    expect(error.code).toBe('CONF_INVALID_ENV_KEY');
    expect(error.message).toContain('APP_CONFIG_a__b');
  });

  it('CONF-047: a value made absent by substitution lets the lower-priority value show through', async () => {
    await write('app-config.yaml', 'db:\n  host: default-host\n  port: 5432\n');
    await write('app-config.local.yaml', 'db:\n  host: ${DB_HOST}\n  port: ${DB_PORT:-}\n');
    expect((await load()).data).toEqual({ db: { host: 'default-host', port: 5432 } });
    expect((await load({ env: { DB_HOST: 'override' } })).data).toEqual({
      db: { host: 'override', port: 5432 },
    });
  });

  it('CONF-031: mapping keys are not substituted', async () => {
    await write('app-config.yaml', '"${KEY}": value\n');
    expect((await load({ env: { KEY: 'k' } })).data).toEqual({ '${KEY}': 'value' });
  });

  it('CONF-026: substitution applies to strings inside lists, and absent elements are dropped', async () => {
    await write('app-config.yaml', 'list: ["${A}", "${MISSING}", "x"]\n');
    expect((await load({ env: { A: 'a' } })).data).toEqual({ list: ['a', 'x'] });
  });
});

describe('includes', () => {
  it('CONF-032, CONF-036: $env resolves to the trimmed variable, or to absent when unset', async () => {
    await write('app-config.yaml', 'a:\n  $env: TOKEN\nb:\n  $env: UNSET\n');
    await write('app-config.local.yaml', '');
    expect((await load({ env: { TOKEN: ' t0ken \n' } })).data).toEqual({ a: 't0ken' });
  });

  it('CONF-037: $file reads a file relative to the including file, trailing whitespace removed', async () => {
    await write('conf/app-config.yaml', 'cert:\n  $file: ../certs/cert.pem\n');
    await write('certs/cert.pem', '  -----BEGIN-----\nabc\n-----END-----\n\n');
    const loaded = await load({ argv: ['--config', 'conf/app-config.yaml'] });
    expect(loaded.data).toEqual({ cert: '  -----BEGIN-----\nabc\n-----END-----' });
    expect(loaded.watchedFiles).toContain(join(dir, 'certs', 'cert.pem'));
  });

  it('CONF-038: $include parses .json as JSON and .yaml/.yml as YAML', async () => {
    await write(
      'app-config.yaml',
      'j:\n  $include: inc/a.json\ny:\n  $include: inc/b.yaml\nz:\n  $include: inc/c.yml\n',
    );
    await write('inc/a.json', '{"x": [1, 2]}');
    await write('inc/b.yaml', 'x: yes\n');
    await write('inc/c.yml', '- 1\n- 2\n');
    expect((await load()).data).toEqual({ j: { x: [1, 2] }, y: { x: 'yes' }, z: [1, 2] });
  });

  it('CONF-033: an include key next to another key fails with CONF_INCLUDE_ADJACENT_KEYS naming the path', async () => {
    await write('app-config.yaml', 'a:\n  b:\n    $file: x.txt\n    other: 1\n');
    const error = await loadError();
    expect(error.code).toBe('CONF_INCLUDE_ADJACENT_KEYS');
    expect(error.code === 'CONF_INCLUDE_ADJACENT_KEYS' && error.configPath).toBe('a.b');
  });

  it('CONF-034: a non-string include value fails with CONF_INCLUDE_NOT_STRING naming the path', async () => {
    await write('app-config.yaml', 'list:\n  - ok\n  - $include: [a.yaml]\n');
    const error = await loadError();
    expect(error.code).toBe('CONF_INCLUDE_NOT_STRING');
    expect(error.code === 'CONF_INCLUDE_NOT_STRING' && error.configPath).toBe('list[1]');
  });

  it('CONF-035: include values are substituted first', async () => {
    await write(
      'app-config.yaml',
      'a:\n  $file: ${DIR}/value.txt\nb:\n  $env: ${NAME:-FALLBACK_VAR}\n',
    );
    await write('sub/value.txt', 'from file');
    expect((await load({ env: { DIR: 'sub', FALLBACK_VAR: 'fb' } })).data).toEqual({
      a: 'from file',
      b: 'fb',
    });
  });

  it('CONF-073: an include value left absent by substitution fails with CONF_INCLUDE_UNDEFINED', async () => {
    await write('app-config.yaml', 'a:\n  deep:\n    $include: ${CONFIG_DIR}/x.yaml\n');
    const error = await loadError();
    expect(error.code).toBe('CONF_INCLUDE_UNDEFINED');
    expect(error.code === 'CONF_INCLUDE_UNDEFINED' && error.configPath).toBe('a.deep');
  });

  it('CONF-039: an unreadable include fails with CONF_INCLUDE_READ_FAILED naming the path and the absolute file', async () => {
    await write('app-config.yaml', 'a:\n  $include: missing.yaml\nb:\n  $file: missing.txt\n');
    const error = await loadError();
    expect(error.code).toBe('CONF_INCLUDE_READ_FAILED');
    if (error.code !== 'CONF_INCLUDE_READ_FAILED') return;
    expect(error.configPath).toBe('a');
    expect(error.file).toBe(join(dir, 'missing.yaml'));
    expect(error.message).toContain(join(dir, 'missing.yaml'));
  });

  it.skipIf(process.getuid?.() === 0)(
    'CONF-039: a $file without read permission fails with CONF_INCLUDE_READ_FAILED (skipped as root, who can read any file)',
    async () => {
      await write('app-config.yaml', 'a:\n  $file: locked.txt\n');
      await chmod(await write('locked.txt', 'x'), 0o000);
      const error = await loadError();
      expect(error.code).toBe('CONF_INCLUDE_READ_FAILED');
    },
  );

  it('CONF-040: an $include of another extension fails with CONF_INCLUDE_UNSUPPORTED_FORMAT', async () => {
    await write('app-config.yaml', 'a:\n  $include: data.txt\n');
    await write('data.txt', 'a: 1');
    const error = await loadError();
    expect(error.code).toBe('CONF_INCLUDE_UNSUPPORTED_FORMAT');
    expect(error.message).toContain(join(dir, 'data.txt'));
  });

  it('CONF-041: an unparseable $include fails with CONF_INCLUDE_PARSE_FAILED naming the path and file', async () => {
    await write('app-config.yaml', 'a:\n  $include: bad.json\nb:\n  $include: bad.yaml\n');
    await write('bad.json', '{"password": "hunter2",}');
    const error = await loadError();
    expect(error.code).toBe('CONF_INCLUDE_PARSE_FAILED');
    expect(error.code === 'CONF_INCLUDE_PARSE_FAILED' && error.configPath).toBe('a');
    expect(error.message).toContain(join(dir, 'bad.json'));
    expect(error.message).not.toContain('hunter2');

    await write('app-config.yaml', 'b:\n  $include: bad.yaml\n');
    await write('bad.yaml', 'a: [\n');
    const yamlError = await loadError();
    expect(yamlError.code).toBe('CONF_INCLUDE_PARSE_FAILED');
    expect(yamlError.message).toContain(join(dir, 'bad.yaml'));
  });

  it('CONF-042: a #fragment selects a value in the included file, absent when the last key is missing', async () => {
    await write(
      'app-config.yaml',
      'a:\n  $include: shared.yaml#db.connection\nb:\n  $include: shared.yaml#db.missing\n',
    );
    await write('shared.yaml', 'db:\n  connection:\n    host: h\n');
    expect((await load()).data).toEqual({ a: { host: 'h' } });
  });

  it('CONF-043: a fragment through a missing key or a non-mapping fails with CONF_INCLUDE_FRAGMENT_INVALID', async () => {
    await write('shared.yaml', 'db:\n  port: 5432\n');
    await write('app-config.yaml', 'a:\n  $include: shared.yaml#db.port.value\n');
    const error = await loadError();
    expect(error.code).toBe('CONF_INCLUDE_FRAGMENT_INVALID');
    if (error.code !== 'CONF_INCLUDE_FRAGMENT_INVALID') return;
    expect(error.configPath).toBe('a');
    expect(error.file).toBe(join(dir, 'shared.yaml'));
    expect(error.walked).toBe('db.port');

    await write('app-config.yaml', 'a:\n  $include: shared.yaml#nope.x\n');
    const missing = await loadError();
    expect(missing.code).toBe('CONF_INCLUDE_FRAGMENT_INVALID');
    expect(missing.code === 'CONF_INCLUDE_FRAGMENT_INVALID' && missing.walked).toBe('nope');
  });

  it('CONF-044: substitution and includes apply inside included files, relative to the included file', async () => {
    await write('app-config.yaml', 'a:\n  $include: nested/one.yaml\n');
    await write('nested/one.yaml', 'name: ${NAME}\ntwo:\n  $include: deeper/two.json\n');
    await write('nested/deeper/two.json', '{"text": {"$file": "three.txt"}}');
    await write('nested/deeper/three.txt', 'three\n');
    const loaded = await load({ env: { NAME: 'n' } });
    expect(loaded.data).toEqual({ a: { name: 'n', two: { text: 'three' } } });
    expect(loaded.watchedFiles).toEqual(
      expect.arrayContaining([
        join(dir, 'nested', 'one.yaml'),
        join(dir, 'nested', 'deeper', 'two.json'),
        join(dir, 'nested', 'deeper', 'three.txt'),
      ]),
    );
  });

  it('CONF-045: an include cycle fails with CONF_INCLUDE_CYCLE naming every file in the chain', async () => {
    await write('app-config.yaml', 'a:\n  $include: one.yaml\n');
    await write('one.yaml', 'b:\n  $include: two.yaml\n');
    await write('two.yaml', 'c:\n  $include: one.yaml\n');
    const error = await loadError();
    expect(error.code).toBe('CONF_INCLUDE_CYCLE');
    if (error.code !== 'CONF_INCLUDE_CYCLE') return;
    expect(error.files).toEqual([
      join(dir, 'app-config.yaml'),
      join(dir, 'one.yaml'),
      join(dir, 'two.yaml'),
      join(dir, 'one.yaml'),
    ]);
    expect(error.configPath).toBe('a.b.c');
  });

  it('CONF-045: including the same file twice side by side is not a cycle', async () => {
    await write('app-config.yaml', 'a:\n  $include: shared.yaml\nb:\n  $include: shared.yaml\n');
    await write('shared.yaml', 'x: 1\n');
    expect((await load()).data).toEqual({ a: { x: 1 }, b: { x: 1 } });
  });

  it('CONF-071: errors carry code and configPath properties', async () => {
    await write('app-config.yaml', 'a:\n  $env: 5\n');
    const error = await loadError();
    expect(error).toMatchObject({ code: 'CONF_INCLUDE_NOT_STRING', configPath: 'a' });
  });
});
