import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  AuthorizePermissionRequest,
  BackstageCredentials,
  BasicPermission,
  ResourcePermission,
} from '@openstage/spec';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DefaultPermissionsService } from '../../src/services/permissions/DefaultPermissionsService.js';
import { MemoryConfig } from '../../src/services/rootLogger/testing/MemoryConfig.js';

const user = {
  $$type: '@backstage/BackstageCredentials',
  principal: { type: 'user', userEntityRef: 'user:default/jane' },
} as BackstageCredentials;

const read: BasicPermission = { type: 'basic', name: 'catalog.entity.read', attributes: {} };
const resource = (name: string): ResourcePermission => ({
  type: 'resource',
  name,
  attributes: { action: 'update' },
  resourceType: 'catalog-entity',
});

type Item = { id: string; permission: { name: string }; resourceRef?: string };
const bodies: unknown[] = [];
let answer: (items: Item[]) => unknown = () => ({ items: [] });
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => {
      const body = JSON.parse(data) as { items: Item[] };
      bodies.push(body);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer(body.items)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/permission`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  bodies.length = 0;
});

function permissions() {
  return DefaultPermissionsService.fromConfig(new MemoryConfig({ permission: { enabled: true } }), {
    discovery: { getBaseUrl: async () => baseUrl },
    auth: { getPluginRequestToken: async () => ({ token: 'obo' }) },
  });
}

const conditional = (conditions: unknown) => ({
  result: 'CONDITIONAL',
  pluginId: 'catalog',
  resourceType: 'catalog-entity',
  conditions,
});
const isOwner = { rule: 'IS_OWNER', resourceType: 'catalog-entity', params: { owners: ['me'] } };

/** Answers every item with `decision`. */
const every = (decision: unknown) => (items: Item[]) => ({
  items: items.map((i) => ({ id: i.id, ...(decision as object) })),
});

describe('authorizeConditional', () => {
  it('PERM-006: item i of the result is the decision for query i, whatever the answer order', async () => {
    const names = ['p.a', 'p.b', 'p.c', 'p.d', 'p.e'];
    const decisions: Record<string, unknown> = {
      'p.a': { result: 'ALLOW' },
      'p.b': { result: 'DENY' },
      'p.c': conditional(isOwner),
      'p.d': { result: 'DENY' },
      'p.e': { result: 'ALLOW' },
    };
    answer = (items) => ({
      items: [...items]
        .reverse()
        .map((i) => ({ id: i.id, ...(decisions[i.permission.name] as object) })),
    });
    const result = await permissions().authorizeConditional(
      names.map((name) => ({ permission: resource(name) })),
      { credentials: user },
    );
    expect(result).toEqual(names.map((name) => decisions[name]));
  });

  it('PERM-007: each item is ALLOW, DENY, or CONDITIONAL with pluginId, resourceType and conditions', async () => {
    for (const decision of [{ result: 'ALLOW' }, { result: 'DENY' }, conditional(isOwner)]) {
      answer = every(decision);
      await expect(
        permissions().authorizeConditional([{ permission: resource('p.x') }], {
          credentials: user,
        }),
      ).resolves.toEqual([decision]);
    }
    const { pluginId: _p, ...noPlugin } = conditional(isOwner);
    const { resourceType: _r, ...noType } = conditional(isOwner);
    for (const bad of [{ result: 'MAYBE' }, {}, noPlugin, noType, { result: 'CONDITIONAL' }]) {
      answer = every(bad);
      await expect(
        permissions().authorizeConditional([{ permission: resource('p.x') }], {
          credentials: user,
        }),
        JSON.stringify(bad),
      ).rejects.toMatchObject({ code: 'PERM_INVALID_RESPONSE' });
    }
  });

  it('PERM-008: conditions must be a criteria tree of conditions, non-empty allOf/anyOf and single-child not', async () => {
    const valid = {
      allOf: [
        isOwner,
        { anyOf: [{ not: isOwner }, { rule: 'HAS_TAG', resourceType: 'catalog-entity' }] },
      ],
    };
    answer = every(conditional(valid));
    await expect(
      permissions().authorizeConditional([{ permission: resource('p.x') }], { credentials: user }),
    ).resolves.toEqual([conditional(valid)]);
    const invalid = [
      { allOf: [] },
      { anyOf: [] },
      { not: [isOwner, isOwner] },
      { rule: 'IS_OWNER' },
      { resourceType: 'catalog-entity' },
      { allOf: [isOwner, { anyOf: [] }] },
      { rule: 'IS_OWNER', resourceType: 'catalog-entity', params: 'owners=me' },
      'IS_OWNER',
    ];
    for (const conditions of invalid) {
      answer = every(conditional(conditions));
      await expect(
        permissions().authorizeConditional([{ permission: resource('p.x') }], {
          credentials: user,
        }),
        JSON.stringify(conditions),
      ).rejects.toMatchObject({ code: 'PERM_INVALID_RESPONSE' });
    }
  });
});

describe('the authorize request', () => {
  it('PERM-051: the body is { items: [{ id, permission, resourceRef? }] }, one per request, in input order', async () => {
    answer = every({ result: 'ALLOW' });
    const requests: AuthorizePermissionRequest[] = [
      { permission: read },
      { permission: resource('p.one'), resourceRef: 'component:default/one' },
      { permission: { ...read, name: 'p.two' } },
    ];
    await permissions().authorize(requests, { credentials: user });
    expect(bodies).toHaveLength(1);
    const body = bodies[0] as { items: Array<Record<string, unknown>> };
    expect(Object.keys(body)).toEqual(['items']);
    expect(body.items.map((i) => Object.keys(i).sort())).toEqual([
      ['id', 'permission'],
      ['id', 'permission', 'resourceRef'],
      ['id', 'permission'],
    ]);
    expect(body.items.map((i) => i['permission'])).toEqual(requests.map((r) => r.permission));
    expect(body.items[1]!['resourceRef']).toBe('component:default/one');
  });

  it('PERM-052: item ids are unique within a request, also for repeated queries', async () => {
    answer = every({ result: 'ALLOW' });
    await permissions().authorize(
      Array.from({ length: 50 }, () => ({ permission: read })),
      { credentials: user },
    );
    const ids = (bodies[0] as { items: Item[] }).items.map((i) => i.id);
    expect(ids).toHaveLength(50);
    expect(new Set(ids).size).toBe(50);
    for (const id of ids) expect(typeof id).toBe('string');
  });
});
