import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { listSchemaFiles, renderConfigTypes, SCHEMA_ID_BASE } from '../scripts/configTypes.js';
import type { AppConfig } from '../src/generated/config/index.js';

const specRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const APP_CONFIG_ID = `${SCHEMA_ID_BASE}app-config.schema.json`;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface SchemaFile {
  file: string;
  id: string;
  root: JsonObject;
}

/** A subschema, with the JSON pointer that locates it in its file. */
interface Located {
  file: SchemaFile;
  pointer: string;
  node: JsonObject;
  /** How the parent holds it: `root`, `$defs`, `properties`, `items`, `oneOf`, ... */
  via: string;
  /** Whether it sits inside `if`, `then` or `else`, which only add validation rules. */
  conditional: boolean;
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Every subschema of a schema file, found through the keywords that hold schemas. */
function subschemas(file: SchemaFile): Located[] {
  const found: Located[] = [];
  const visit = (node: Json, pointer: string, via: string, conditional = false): void => {
    if (!isObject(node)) return;
    found.push({ file, pointer, node, via, conditional });
    for (const [key, value] of Object.entries(node)) {
      const at = `${pointer}/${escapePointer(key)}`;
      if (['properties', 'patternProperties', '$defs', 'dependentSchemas'].includes(key)) {
        if (isObject(value)) {
          for (const [name, child] of Object.entries(value)) {
            visit(child, `${at}/${escapePointer(name)}`, key, conditional);
          }
        }
      } else if (['anyOf', 'oneOf', 'allOf', 'prefixItems'].includes(key)) {
        if (Array.isArray(value)) {
          value.forEach((child, i) => visit(child, `${at}/${i}`, key, conditional));
        }
      } else if (
        [
          'additionalProperties',
          'items',
          'not',
          'if',
          'then',
          'else',
          'contains',
          'propertyNames',
          'unevaluatedProperties',
          'unevaluatedItems',
        ].includes(key)
      ) {
        visit(value, at, key, conditional || ['if', 'then', 'else'].includes(key));
      }
    }
  };
  visit(file.root, '', 'root');
  return found;
}

function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  // Openstage marks secret values like Backstage does; `secret` is the only value our schemas
  // use, the other two are accepted for compatibility with Backstage's config schemas.
  ajv.addKeyword({
    keyword: 'visibility',
    schemaType: 'string',
    metaSchema: { enum: ['frontend', 'backend', 'secret'] },
  });
  return ajv;
}

let files: SchemaFile[] = [];
let ajv: Ajv2020;

beforeAll(async () => {
  files = [];
  for (const file of await listSchemaFiles(specRoot)) {
    const root = JSON.parse(await readFile(join(specRoot, file), 'utf8')) as Json;
    if (!isObject(root)) throw new Error(`${file} is not an object`);
    files.push({ file, id: String(root['$id']), root });
  }
  ajv = createAjv();
  for (const f of files) ajv.addSchema(f.root);
});

function validate(config: unknown): ErrorObject[] {
  const check = ajv.getSchema(APP_CONFIG_ID);
  if (!check) throw new Error('app-config schema is not registered');
  return check(config) ? [] : [...(check.errors ?? [])];
}

function expectValid(config: unknown): void {
  const errors = validate(config);
  expect(errors.map((e) => `${e.instancePath} ${e.keyword} ${e.message ?? ''}`)).toEqual([]);
}

/** Asserts that validation fails with an error of `keyword` at `instancePath`. */
function expectError(config: unknown, instancePath: string, keyword: string): ErrorObject {
  const errors = validate(config);
  const hit = errors.find((e) => e.instancePath === instancePath && e.keyword === keyword);
  expect(
    hit,
    `expected a '${keyword}' error at '${instancePath}', got:\n${errors
      .map((e) => `  ${e.instancePath} ${e.keyword} ${e.message ?? ''}`)
      .join('\n')}`,
  ).toBeDefined();
  return hit as ErrorObject;
}

/** Returns a minimal valid config with `backend` extended by `backend`. */
function withBackend(backend: Record<string, unknown>): Record<string, unknown> {
  return { backend: { baseUrl: 'http://localhost:7007', ...backend } };
}

const PRODUCTION: AppConfig = {
  app: { baseUrl: 'https://backstage.example.com' },
  backend: {
    baseUrl: 'https://backstage.example.com',
    listen: { host: '0.0.0.0', port: 7007 },
    https: {
      certificate: {
        cert: '-----BEGIN CERTIFICATE-----\nMIIB...\n-----END CERTIFICATE-----',
        key: '-----BEGIN PRIVATE KEY-----\nMIIE...\n-----END PRIVATE KEY-----',
      },
    },
    trustProxy: ['loopback', '10.0.0.0/8'],
    server: {
      headersTimeout: 65_000,
      requestTimeout: '5 minutes',
      keepAliveTimeout: 'PT65S',
      timeout: { minutes: 2 },
      maxHeadersCount: 2000,
      maxRequestsPerSocket: 0,
    },
    workingDirectory: '/var/lib/backstage/work',
    lifecycle: {
      startupRequestPauseTimeout: '10s',
      serverShutdownDelay: { seconds: 15 },
      shutdownPhaseTimeout: 'PT1M',
    },
    startup: {
      default: { onPluginBootFailure: 'abort', onPluginModuleBootFailure: 'abort' },
      plugins: {
        techdocs: {
          onPluginBootFailure: 'continue',
          modules: { 'github-provider': { onPluginModuleBootFailure: 'continue' } },
        },
      },
      pendingReportInterval: 5000,
    },
    packages: {
      include: ['@backstage/plugin-catalog-backend', '@backstage/plugin-techdocs-backend'],
      exclude: ['@backstage/plugin-techdocs-backend'],
    },
    logger: {
      level: 'info',
      meta: { environment: 'production', region: 'eu-west-1' },
      overrides: [
        { matchers: { plugin: ['catalog', 'auth'] }, level: 'warn' },
        { matchers: { message: '/^Forget/' }, level: 'error' },
      ],
    },
    auditor: {
      severityLogLevelMappings: { low: 'debug', medium: 'info', high: 'warn', critical: 'error' },
    },
    auth: {
      externalAccess: [
        {
          type: 'static',
          options: { token: 'eZv5o+fW3KnR3kVabMW4ZcDNLPl8nmMW', subject: 'ci-pipeline' },
          accessRestrictions: [{ plugin: 'catalog', permission: 'catalog.entity.read' }],
        },
        {
          type: 'legacy',
          options: { secret: 'bXktc2VjcmV0LWtleS1mb3ItbGVnYWN5', subject: 'legacy-scripts' },
          accessRestrictions: [
            { plugin: 'scaffolder', permissionAttribute: { action: ['read', 'create'] } },
          ],
        },
        {
          type: 'jwks',
          options: {
            url: 'https://idp.example.com/.well-known/jwks.json',
            algorithm: ['RS256', 'ES256'],
            issuer: 'https://idp.example.com',
            audience: 'backstage',
            subjectPrefix: 'idp:',
          },
        },
      ],
      pluginKeyStore: {
        type: 'static',
        static: {
          keys: [
            {
              publicKeyFile: '/etc/backstage/keys/2025-public.pem',
              privateKeyFile: '/etc/backstage/keys/2025-private.pem',
              keyId: '2025',
            },
            {
              publicKeyFile: '/etc/backstage/keys/2024-public.pem',
              keyId: '2024',
              algorithm: 'ES256',
            },
          ],
        },
      },
      dangerouslyDisableDefaultAuthPolicy: false,
    },
    database: {
      client: 'pg',
      connection: {
        host: 'db.internal',
        port: 5432,
        user: 'backstage',
        password: 's3cr3t',
        ssl: { rejectUnauthorized: true },
      },
      prefix: 'bs_',
      pluginDivisionMode: 'schema',
      ensureExists: true,
      ensureSchemaExists: true,
      role: 'backstage_owner',
      knexConfig: { pool: { min: 0, max: 10 } },
      skipMigrations: false,
      plugin: {
        search: { knexConfig: { pool: { max: 20 } } },
        techdocs: {
          client: 'better-sqlite3',
          connection: { directory: '/var/lib/backstage/sqlite' },
        },
        catalog: { connection: { type: 'cloudsql', instance: 'project:region:instance' } },
      },
    },
    cache: {
      store: 'redis',
      connection: 'redis://backstage:pass@redis.internal:6379',
      defaultTtl: '1 hour',
      redis: { client: { namespace: 'production', keyPrefixSeparator: ':' } },
    },
    cors: {
      origin: ['https://backstage.example.com', 'https://*.example.com'],
      methods: ['GET', 'HEAD', 'PATCH', 'POST', 'PUT', 'DELETE'],
      credentials: true,
      maxAge: 600,
    },
    csp: {
      'connect-src': ["'self'", 'http:', 'https:'],
      imgSrc: ["'self'", 'data:', 'https://avatars.githubusercontent.com'],
      'upgrade-insecure-requests': false,
    },
    referrer: { policy: ['no-referrer', 'strict-origin-when-cross-origin'] },
    health: { headers: { 'x-backstage-instance': 'eu-1' } },
    rateLimit: {
      store: { type: 'redis', connection: 'redis://backstage:pass@redis.internal:6379' },
      window: '1 minute',
      incomingRequestLimit: 100,
      ipAllowList: ['127.0.0.1', '10.1.2.3'],
      skipSuccessfulRequests: false,
      plugin: { auth: { window: { seconds: 10 }, incomingRequestLimit: 20 } },
    },
    reading: {
      allow: [{ host: 'raw.githubusercontent.com' }, { host: '*.example.com', paths: ['/docs/'] }],
    },
    actions: {
      pluginSources: ['catalog', 'scaffolder'],
      filter: { include: [{ id: 'catalog:*' }], exclude: [{ attributes: { destructive: true } }] },
    },
    metrics: { plugin: { catalog: { meter: { name: 'catalog-meter', version: '1.0.0' } } } },
    tracing: { capture: { endUser: true }, plugin: { catalog: { tracer: { name: 'catalog' } } } },
    // A key owned by a plugin: `backend` itself stays open.
    myPlugin: { enabled: true },
  },
  discovery: {
    endpoints: [
      {
        target: 'https://internal.example.com/api/{{pluginId}}',
        plugins: ['catalog', 'scaffolder'],
      },
      {
        target: {
          internal: 'http+srv://backstage-{{ pluginId }}.svc.cluster.local/api/{{pluginId}}',
          external: 'https://backstage.example.com/api/{{pluginId}}',
        },
        plugins: ['search'],
      },
    ],
  },
  permission: { enabled: true, rbac: { admin: { users: [{ name: 'user:default/admin' }] } } },
  catalog: { rules: [{ allow: ['Component', 'API'] }] },
};

describe('config schemas', () => {
  it('are the expected files, each with a matching $id and draft 2020-12', () => {
    expect(files.map((f) => f.file)).toEqual([
      'schemas/actions.schema.json',
      'schemas/app-config.schema.json',
      'schemas/auditor.schema.json',
      'schemas/auth.schema.json',
      'schemas/backend.schema.json',
      'schemas/cache.schema.json',
      'schemas/cors.schema.json',
      'schemas/csp.schema.json',
      'schemas/database.schema.json',
      'schemas/discovery.schema.json',
      'schemas/duration.schema.json',
      'schemas/health.schema.json',
      'schemas/lifecycle.schema.json',
      'schemas/logger.schema.json',
      'schemas/metrics.schema.json',
      'schemas/packages.schema.json',
      'schemas/permission.schema.json',
      'schemas/rateLimit.schema.json',
      'schemas/reading.schema.json',
      'schemas/startup.schema.json',
      'schemas/tracing.schema.json',
    ]);
    for (const f of files) {
      expect(f.id).toBe(`${SCHEMA_ID_BASE}${f.file.slice('schemas/'.length)}`);
      expect(f.root['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    }
  });

  it('each compile with ajv in strict mode', () => {
    for (const f of files) {
      const fresh = createAjv();
      for (const other of files) if (other !== f) fresh.addSchema(other.root);
      expect(() => fresh.compile(f.root), f.file).not.toThrow();
    }
  });

  it('describe every root, definition and property', () => {
    const missing = files
      .flatMap(subschemas)
      .filter((s) => ['root', '$defs', 'properties'].includes(s.via) && !s.conditional)
      .filter((s) => typeof s.node['description'] !== 'string' || s.node['description'] === '')
      .map((s) => `${s.file.file}#${s.pointer}`);
    expect(missing).toEqual([]);
  });

  it('close every core-owned object except the open sections', () => {
    const open = files
      .flatMap(subschemas)
      .filter((s) => !s.conditional && s.node['type'] === 'object')
      .filter((s) => s.node['additionalProperties'] !== false)
      .filter((s) => !isObject(s.node['additionalProperties']))
      .map((s) => `${s.file.file}#${s.pointer}`);
    // Sections and values that belong to someone else: plugins (the `backend` and `permission`
    // sections, the whole document), Knex and the database drivers, Redis clients, logger
    // metadata and matchers.
    expect(open.sort()).toEqual(
      [
        'schemas/app-config.schema.json#',
        'schemas/backend.schema.json#',
        'schemas/cache.schema.json#/$defs/Cluster/properties/defaults',
        'schemas/cache.schema.json#/$defs/Cluster/properties/rootNodes/items',
        'schemas/cache.schema.json#/$defs/RedisConnection',
        'schemas/database.schema.json#/$defs/ConnectionAzure',
        'schemas/database.schema.json#/$defs/ConnectionCloudSql',
        'schemas/database.schema.json#/$defs/ConnectionDefault',
        'schemas/database.schema.json#/$defs/ConnectionRds',
        'schemas/database.schema.json#/properties/knexConfig',
        'schemas/database.schema.json#/properties/plugin/additionalProperties/properties/knexConfig',
        'schemas/logger.schema.json#/properties/meta',
        'schemas/logger.schema.json#/properties/overrides/items/properties/matchers',
        'schemas/permission.schema.json#',
      ].sort(),
    );
  });

  it('give defaults that validate against their own schema', () => {
    const withDefaults = files.flatMap(subschemas).filter((s) => 'default' in s.node);
    expect(withDefaults.length).toBeGreaterThan(40);
    for (const s of withDefaults) {
      const fragment = s.pointer
        .split('/')
        .map((segment) => encodeURIComponent(segment).replace(/%24/g, '$'))
        .join('/');
      const check = ajv.getSchema(`${s.file.id}#${fragment}`);
      if (!check) throw new Error(`cannot compile ${s.file.file}#${s.pointer}`);
      const where = `${s.file.file}#${s.pointer}`;
      expect(check(s.node['default']), `${where}: ${JSON.stringify(check.errors)}`).toBe(true);
    }
  });

  it('mark exactly the secret values with visibility: secret', () => {
    const secrets = files
      .flatMap(subschemas)
      .filter((s) => s.node['visibility'] !== undefined)
      .map((s) => `${s.file.file}#${s.pointer}=${String(s.node['visibility'])}`);
    expect(secrets.sort()).toEqual(
      [
        'schemas/auth.schema.json#/$defs/ExternalAccessLegacy/properties/options/properties/secret',
        'schemas/auth.schema.json#/$defs/ExternalAccessStatic/properties/options/properties/token',
        'schemas/auth.schema.json#/properties/keys/items/properties/secret',
        'schemas/backend.schema.json#/properties/https/oneOf/1/properties/certificate/properties/key',
        'schemas/cache.schema.json#/$defs/Cluster/properties/defaults',
        'schemas/cache.schema.json#/$defs/Cluster/properties/rootNodes',
        'schemas/cache.schema.json#/$defs/Infinispan/properties/authentication/properties/password',
        'schemas/cache.schema.json#/$defs/Infinispan/properties/authentication/properties/token',
        'schemas/cache.schema.json#/$defs/Infinispan/properties/ssl/properties/clientAuth/properties/passphrase',
        'schemas/cache.schema.json#/$defs/Infinispan/properties/ssl/properties/cryptoStore/properties/passphrase',
        'schemas/cache.schema.json#/$defs/RedisConnection/properties/password',
        'schemas/cache.schema.json#/$defs/RedisConnection/properties/url',
        'schemas/cache.schema.json#/properties/connection/oneOf/0',
        'schemas/database.schema.json#/$defs/Connection/oneOf/0',
        'schemas/database.schema.json#/$defs/ConnectionAzure/properties/tokenCredential/properties/clientSecret',
        'schemas/database.schema.json#/$defs/ConnectionDefault/properties/password',
        'schemas/rateLimit.schema.json#/oneOf/1/properties/store/oneOf/1/properties/connection',
      ]
        .map((p) => `${p}=secret`)
        .sort(),
    );
  });
});

describe('app-config schema', () => {
  it('accepts a production-like config', () => {
    expectValid(PRODUCTION);
  });

  it('accepts the smallest config: only backend.baseUrl', () => {
    expectValid({ backend: { baseUrl: 'http://localhost:7007' } });
  });

  it('accepts every duration form', () => {
    for (const duration of [
      0,
      5000,
      1.5,
      '5s',
      '5 s',
      '1 minute',
      '2 Hours',
      '1.5h',
      '.5d',
      '10ms',
      'PT5S',
      'PT1M30S',
      'P2DT6H',
      'PT0.5S',
      'P1Y2M3W4D',
      { seconds: 5 },
      { days: 1, hours: 2, milliseconds: 3 },
    ]) {
      expectValid(
        withBackend({
          lifecycle: {
            startupRequestPauseTimeout: duration,
            serverShutdownDelay: duration,
            shutdownPhaseTimeout: duration,
          },
          cache: { defaultTtl: duration },
          server: { requestTimeout: duration },
        }),
      );
    }
  });

  it('accepts the short forms', () => {
    expectValid(
      withBackend({
        listen: '0.0.0.0:7007',
        https: true,
        rateLimit: true,
        packages: 'all',
        trustProxy: true,
        referrer: { policy: 'same-origin' },
        cors: { origin: 'https://backstage.example.com', methods: 'GET,POST' },
      }),
    );
    expectValid(withBackend({ listen: '7007', trustProxy: 1 }));
    expectValid(withBackend({ listen: { port: '7007' } }));
  });

  it('accepts every cache store with its connection', () => {
    expectValid(withBackend({ cache: { store: 'memory' } }));
    expectValid(withBackend({ cache: { defaultTtl: { minutes: 5 } } }));
    expectValid(
      withBackend({
        cache: {
          store: 'redis',
          connection: { url: 'redis://redis:6379', pingInterval: 60_000 },
          redis: { cluster: { rootNodes: [{ url: 'redis://node-1:6379' }], useReplicas: true } },
        },
      }),
    );
    expectValid(
      withBackend({
        cache: {
          store: 'valkey',
          connection: 'redis://valkey:6379',
          valkey: { client: { keyPrefix: 'bs:' } },
        },
      }),
    );
    expectValid(
      withBackend({ cache: { store: 'memcache', connection: 'user:pass@memcache:11211' } }),
    );
    expectValid(
      withBackend({
        cache: {
          store: 'infinispan',
          infinispan: {
            cacheName: 'backstage',
            servers: [{ host: 'ispn-1', port: 11222 }, { host: 'ispn-2' }],
            authentication: { enabled: true, saslMechanism: 'PLAIN', userName: 'u', password: 'p' },
          },
        },
      }),
    );
  });

  it('accepts every database connection form', () => {
    for (const connection of [
      ':memory:',
      'postgresql://user:pass@db:5432/backstage',
      { filename: ':memory:' },
      { directory: '/var/lib/backstage/sqlite' },
      { type: 'default', host: 'db', port: '5432', user: 'u', password: 'p' },
      {
        type: 'azure',
        host: 'db.postgres.database.azure.com',
        user: 'u',
        tokenCredential: { clientId: 'c', tenantId: 't', tokenRenewableOffsetTime: '5m' },
      },
      { type: 'cloudsql', instance: 'p:r:i', ipAddressType: 'PRIVATE', user: 'u' },
      {
        type: 'rds',
        host: 'db.rds.amazonaws.com',
        port: 5432,
        user: 'iam_user',
        region: 'eu-west-1',
      },
    ]) {
      expectValid(withBackend({ database: { client: 'pg', connection } }));
    }
    expectValid(withBackend({ database: { client: 'better-sqlite3' } }));
  });

  it('rejects a listen value that is neither a string nor an object', () => {
    expectError(withBackend({ listen: 7007 }), '/backend/listen', 'oneOf');
    expectError(withBackend({ listen: 'localhost:http' }), '/backend/listen', 'pattern');
    expectError(withBackend({ listen: { port: 70070 } }), '/backend/listen/port', 'maximum');
  });

  it('rejects an unknown cache store', () => {
    const error = expectError(
      withBackend({ cache: { store: 'mongodb' } }),
      '/backend/cache/store',
      'enum',
    );
    expect(error.params).toEqual({
      allowedValues: ['memory', 'redis', 'valkey', 'memcache', 'infinispan'],
    });
  });

  it('rejects a shared cache store without a connection, and an object connection for other stores', () => {
    expectError(withBackend({ cache: { store: 'redis' } }), '/backend/cache', 'required');
    expectError(
      withBackend({ cache: { store: 'memcache', connection: { url: 'memcache:11211' } } }),
      '/backend/cache/store',
      'const',
    );
  });

  it("rejects the boot failure policy 'ignore'", () => {
    expectError(
      withBackend({ startup: { default: { onPluginBootFailure: 'ignore' } } }),
      '/backend/startup/default/onPluginBootFailure',
      'enum',
    );
    expectError(
      withBackend({
        startup: {
          plugins: { catalog: { modules: { github: { onPluginModuleBootFailure: 'ignore' } } } },
        },
      }),
      '/backend/startup/plugins/catalog/modules/github/onPluginModuleBootFailure',
      'enum',
    );
  });

  it('rejects an unknown externalAccess type', () => {
    const config = withBackend({
      auth: { externalAccess: [{ type: 'oauth', options: { token: 'abcdefgh', subject: 's' } }] },
    });
    expectError(config, '/backend/auth/externalAccess/0', 'oneOf');
    expectError(config, '/backend/auth/externalAccess/0/type', 'const');
  });

  it('rejects an externalAccess entry with options of another type', () => {
    expectError(
      withBackend({
        auth: { externalAccess: [{ type: 'jwks', options: { token: 'abcdefgh', subject: 's' } }] },
      }),
      '/backend/auth/externalAccess/0/options',
      'required',
    );
  });

  it('rejects bad durations', () => {
    const at = '/backend/lifecycle/startupRequestPauseTimeout';
    for (const duration of ['5 parsecs', '5000', '-5s', 'P', 'PT', '-PT5S', 'soon', -1, {}, true]) {
      expectError(
        withBackend({ lifecycle: { startupRequestPauseTimeout: duration } }),
        at,
        'anyOf',
      );
    }
    const error = expectError(
      withBackend({ lifecycle: { startupRequestPauseTimeout: { minutes: 1, secs: 30 } } }),
      at,
      'additionalProperties',
    );
    expect(error.params).toEqual({ additionalProperty: 'secs' });
  });

  it('rejects a typo inside a closed object', () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ database: { client: 'pg', ensureExist: false } }, '/backend/database', 'ensureExist'],
      [{ cache: { store: 'memory', defaultTTL: 1000 } }, '/backend/cache', 'defaultTTL'],
      [{ logger: { levle: 'debug' } }, '/backend/logger', 'levle'],
      [
        { lifecycle: { serverShutdownTimeout: '10s' } },
        '/backend/lifecycle',
        'serverShutdownTimeout',
      ],
      [
        { startup: { default: { onPluginFailure: 'continue' } } },
        '/backend/startup/default',
        'onPluginFailure',
      ],
      [
        { auth: { dangerouslyDisableAuthPolicy: true } },
        '/backend/auth',
        'dangerouslyDisableAuthPolicy',
      ],
      [{ server: { keepAlive: 5000 } }, '/backend/server', 'keepAlive'],
    ];
    for (const [backend, instancePath, key] of cases) {
      const error = expectError(withBackend(backend), instancePath, 'additionalProperties');
      expect(error.params).toEqual({ additionalProperty: key });
    }
  });

  it('rejects other invalid values at their path', () => {
    expectError({ backend: {} }, '/backend', 'required');
    expectError({}, '', 'required');
    expectError(
      withBackend({ database: { connection: ':memory:' } }),
      '/backend/database',
      'required',
    );
    expectError(withBackend({ https: false }), '/backend/https', 'oneOf');
    expectError(withBackend({ rateLimit: false }), '/backend/rateLimit', 'oneOf');
    expectError(withBackend({ packages: 'some' }), '/backend/packages', 'oneOf');
    expectError(withBackend({ logger: { level: 'verbose' } }), '/backend/logger/level', 'enum');
    expectError(
      withBackend({ auditor: { severityLogLevelMappings: { critical: 'fatal' } } }),
      '/backend/auditor/severityLogLevelMappings/critical',
      'enum',
    );
    expectError(
      withBackend({ health: { headers: { 'x-a': '' } } }),
      '/backend/health/headers/x-a',
      'minLength',
    );
    expectError(
      withBackend({ reading: { allow: [{ paths: ['/'] }] } }),
      '/backend/reading/allow/0',
      'required',
    );
    expectError(withBackend({ csp: { 'script-src': true } }), '/backend/csp/script-src', 'oneOf');
    expectError(
      withBackend({ referrer: { policy: 'never' } }),
      '/backend/referrer/policy',
      'oneOf',
    );
    expectError(withBackend({ cors: { credentials: 'yes' } }), '/backend/cors/credentials', 'type');
    expectError(
      withBackend({ auth: { pluginKeyStore: { type: 'static', static: { keys: [] } } } }),
      '/backend/auth/pluginKeyStore/static/keys',
      'minItems',
    );
    expectError(
      {
        ...withBackend({}),
        discovery: { endpoints: [{ target: { external: 'https+srv://x/api' }, plugins: ['*'] }] },
      },
      '/discovery/endpoints/0/target/external',
      'pattern',
    );
    expectError(
      { ...withBackend({}), permission: { enabled: 'yes' } },
      '/permission/enabled',
      'type',
    );
  });
});

describe('renderConfigTypes', () => {
  it('is deterministic and matches the files on disk', async () => {
    const first = await renderConfigTypes(specRoot);
    const second = await renderConfigTypes(specRoot);
    expect([...second.entries()]).toEqual([...first.entries()]);
    for (const [file, contents] of first) {
      expect(await readFile(join(specRoot, file), 'utf8'), `${file} is stale`).toBe(contents);
    }
  });

  it('writes one file per schema with the banner, plus the index', async () => {
    const rendered = await renderConfigTypes(specRoot);
    const index = rendered.get('src/generated/config/index.ts');
    expect(index).toBeDefined();
    expect(rendered.size).toBe(files.length + 1);
    for (const f of files) {
      const title = String(f.root['title']);
      const contents = rendered.get(`src/generated/config/${title}.ts`);
      expect(
        contents?.startsWith(
          `// Generated by spec/scripts/generate.ts from spec/${f.file}. Do not edit.\n`,
        ),
      ).toBe(true);
      expect(index).toContain(`from './${title}.js';`);
    }
  });
});
