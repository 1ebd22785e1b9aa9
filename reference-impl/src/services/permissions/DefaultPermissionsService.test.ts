import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BackstageCredentials, BasicPermission, ResourcePermission } from '@openstage/spec';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MemoryConfig } from '../rootLogger/testing/MemoryConfig.js';
import { DefaultPermissionsService } from './DefaultPermissionsService.js';
import { permissionsServiceFactory } from './permissionsServiceFactory.js';

const creds = (principal: unknown): BackstageCredentials => ({
  $$type: '@backstage/BackstageCredentials',
  principal,
});
const user = creds({ type: 'user', userEntityRef: 'user:default/jane' });
const none = creds({ type: 'none' });

const read: BasicPermission = {
  type: 'basic',
  name: 'catalog.entity.read',
  attributes: { action: 'read' },
};
const create: BasicPermission = {
  type: 'basic',
  name: 'catalog.entity.create',
  attributes: { action: 'create' },
};
const plain: BasicPermission = { type: 'basic', name: 'app.plain', attributes: {} };
const del: ResourcePermission = {
  type: 'resource',
  name: 'catalog.entity.delete',
  attributes: { action: 'delete' },
  resourceType: 'catalog-entity',
};

interface Received {
  headers: IncomingMessage['headers'];
  body: { items: Array<{ id: string; permission: { name: string }; resourceRef?: string }> };
}

/** A real HTTP stand-in for the permission plugin, whose answer each test sets. */
let server: Server;
let baseUrl: string;
let received: Received[] = [];
let answer: (req: Received) => { status: number; body: unknown } = () => ({
  status: 200,
  body: { items: [] },
});

beforeAll(async () => {
  server = createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => {
      const r: Received = { headers: req.headers, body: JSON.parse(data) as Received['body'] };
      received.push(r);
      const { status, body } = answer(r);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/permission`;
});

afterAll(async () => {
  await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
});

beforeEach(() => {
  received = [];
});

function service(enabled: boolean | undefined) {
  const tokens: unknown[] = [];
  const config = new MemoryConfig(enabled === undefined ? {} : { permission: { enabled } });
  const svc = DefaultPermissionsService.fromConfig(config, {
    discovery: {
      getBaseUrl: async (id: string) => (id === 'permission' ? baseUrl : 'http://wrong'),
    },
    auth: {
      getPluginRequestToken: async (options) => {
        tokens.push(options);
        return { token: 'obo-token' };
      },
    },
  });
  return { svc, tokens, config };
}

/** Answers each item by a name-based rule, in reverse order to prove matching by id. */
const byName = (decide: (name: string) => unknown) => (req: Received) => ({
  status: 200,
  body: {
    items: [...req.body.items]
      .reverse()
      .map((i) => ({ id: i.id, ...(decide(i.permission.name) as object) })),
  },
});

describe('DefaultPermissionsService', () => {
  it('PERM-001: the factory offers core.permissions with plugin scope', () => {
    expect(permissionsServiceFactory.service.id).toBe('core.permissions');
    expect(permissionsServiceFactory.service.scope).toBe('plugin');
  });

  it('PERM-020, PERM-021, PERM-022: disabled by default, users and none are allowed without a request', async () => {
    const { svc } = service(undefined);
    expect(
      await svc.authorize([{ permission: read }, { permission: create }], { credentials: user }),
    ).toEqual([{ result: 'ALLOW' }, { result: 'ALLOW' }]);
    expect(await svc.authorizeConditional([{ permission: del }], { credentials: none })).toEqual([
      { result: 'ALLOW' },
    ]);
    expect(received).toHaveLength(0);
  });

  it('PERM-030, PERM-031: service principals without restrictions are allowed locally, even when enabled', async () => {
    const { svc } = service(true);
    const result = await svc.authorize([{ permission: read }], {
      credentials: creds({ type: 'service', subject: 'plugin:x' }),
    });
    expect(result).toEqual([{ result: 'ALLOW' }]);
    expect(received).toHaveLength(0);
  });

  it('PERM-040: a permission outside permissionNames is denied', async () => {
    const { svc } = service(false);
    const ci = creds({
      type: 'service',
      subject: 'external:ci',
      accessRestrictions: { permissionNames: ['catalog.entity.read'] },
    });
    expect(
      await svc.authorize([{ permission: read }, { permission: create }], { credentials: ci }),
    ).toEqual([{ result: 'ALLOW' }, { result: 'DENY' }]);
  });

  it('PERM-041, PERM-042, PERM-043: action restrictions deny missing and other actions, allow listed ones', async () => {
    const { svc } = service(false);
    const ci = creds({
      type: 'service',
      subject: 'external:ci',
      accessRestrictions: { permissionAttributes: { action: ['read'] } },
    });
    expect(
      await svc.authorize([{ permission: plain }, { permission: create }, { permission: read }], {
        credentials: ci,
      }),
    ).toEqual([{ result: 'DENY' }, { result: 'DENY' }, { result: 'ALLOW' }]);
  });

  it('PERM-044: service principals never get conditional decisions', async () => {
    const { svc } = service(true);
    const ci = creds({
      type: 'service',
      subject: 'external:ci',
      accessRestrictions: { permissionNames: ['catalog.entity.delete'] },
    });
    expect(await svc.authorizeConditional([{ permission: del }], { credentials: ci })).toEqual([
      { result: 'ALLOW' },
    ]);
  });

  it('PERM-002, PERM-003, PERM-050 to PERM-053, PERM-055: users go to POST /authorize with an on-behalf-of token, answers matched by id', async () => {
    answer = byName((name) => ({ result: name === 'catalog.entity.read' ? 'ALLOW' : 'DENY' }));
    const { svc, tokens } = service(true);
    const result = await svc.authorize(
      [
        { permission: read },
        { permission: del, resourceRef: 'component:default/x' },
        { permission: read },
      ],
      { credentials: user },
    );
    expect(result).toEqual([{ result: 'ALLOW' }, { result: 'DENY' }, { result: 'ALLOW' }]);
    expect(received).toHaveLength(1);
    const { headers, body } = received[0]!;
    expect(headers['authorization']).toBe('Bearer obo-token');
    expect(tokens).toEqual([{ onBehalfOf: user, targetPluginId: 'permission' }]);
    expect(body.items.map((i) => i.permission.name)).toEqual([
      'catalog.entity.read',
      'catalog.entity.delete',
      'catalog.entity.read',
    ]);
    expect(body.items[1]!.resourceRef).toBe('component:default/x');
    expect(body.items[0]).not.toHaveProperty('resourceRef');
    expect(new Set(body.items.map((i) => i.id)).size).toBe(3);
  });

  it('PERM-054: none credentials are sent without an Authorization header', async () => {
    answer = byName(() => ({ result: 'DENY' }));
    const { svc, tokens } = service(true);
    expect(await svc.authorize([{ permission: read }], { credentials: none })).toEqual([
      { result: 'DENY' },
    ]);
    expect(received[0]!.headers['authorization']).toBeUndefined();
    expect(tokens).toHaveLength(0);
  });

  it('PERM-005 to PERM-009: authorizeConditional passes conditional decisions through in input order', async () => {
    const conditions = {
      anyOf: [
        { rule: 'IS_OWNER', resourceType: 'catalog-entity', params: { owners: ['me'] } },
        { not: { rule: 'HAS_TAG', resourceType: 'catalog-entity' } },
      ],
    };
    answer = byName((name) =>
      name === 'catalog.entity.delete'
        ? { result: 'CONDITIONAL', pluginId: 'catalog', resourceType: 'catalog-entity', conditions }
        : { result: 'ALLOW' },
    );
    const { svc } = service(true);
    const other: ResourcePermission = { ...del, name: 'catalog.entity.other' };
    expect(
      await svc.authorizeConditional([{ permission: del }, { permission: other }], {
        credentials: user,
      }),
    ).toEqual([
      { result: 'CONDITIONAL', pluginId: 'catalog', resourceType: 'catalog-entity', conditions },
      { result: 'ALLOW' },
    ]);
  });

  it('PERM-002: empty input gives empty output without a request', async () => {
    const { svc } = service(true);
    expect(await svc.authorize([], { credentials: user })).toEqual([]);
    expect(received).toHaveLength(0);
  });

  it('PERM-056: an error status rejects with PERM_BACKEND_ERROR carrying the status', async () => {
    answer = () => ({ status: 503, body: { error: 'down' } });
    const { svc } = service(true);
    await expect(
      svc.authorize([{ permission: read }], { credentials: user }),
    ).rejects.toMatchObject({ code: 'PERM_BACKEND_ERROR', status: 503 });
  });

  it('PERM-057: malformed, incomplete, foreign and disallowed answers reject with PERM_INVALID_RESPONSE', async () => {
    const { svc } = service(true);
    const cases: Array<(r: Received) => { status: number; body: unknown }> = [
      () => ({ status: 200, body: 'not json{' }),
      () => ({ status: 200, body: { decisions: [] } }),
      () => ({ status: 200, body: { items: [] } }),
      (r) => ({
        status: 200,
        body: {
          items: [
            { id: r.body.items[0]!.id, result: 'ALLOW' },
            { id: 'stranger', result: 'ALLOW' },
          ],
        },
      }),
      (r) => ({
        status: 200,
        body: {
          items: [
            {
              id: r.body.items[0]!.id,
              result: 'CONDITIONAL',
              pluginId: 'c',
              resourceType: 't',
              conditions: { rule: 'r', resourceType: 't' },
            },
          ],
        },
      }),
      (r) => ({ status: 200, body: { items: [{ id: r.body.items[0]!.id, result: 'MAYBE' }] } }),
    ];
    for (const c of cases) {
      answer = c;
      await expect(
        svc.authorize([{ permission: read }], { credentials: user }),
      ).rejects.toMatchObject({ code: 'PERM_INVALID_RESPONSE' });
    }
    answer = (r) => ({
      status: 200,
      body: {
        items: [
          {
            id: r.body.items[0]!.id,
            result: 'CONDITIONAL',
            pluginId: 'c',
            resourceType: 't',
            conditions: { allOf: [] },
          },
        ],
      },
    });
    await expect(
      svc.authorizeConditional([{ permission: del }], { credentials: user }),
    ).rejects.toMatchObject({ code: 'PERM_INVALID_RESPONSE' });
  });

  it('PERM-020: a configuration change that enables permissions takes effect', async () => {
    answer = byName(() => ({ result: 'DENY' }));
    const { svc, config } = service(false);
    expect(await svc.authorize([{ permission: read }], { credentials: user })).toEqual([
      { result: 'ALLOW' },
    ]);
    config.update({ permission: { enabled: true } });
    expect(await svc.authorize([{ permission: read }], { credentials: user })).toEqual([
      { result: 'DENY' },
    ]);
  });
});
