import type {
  BackendFeature,
  BasicPermission,
  LifecycleService,
  PermissionResourceRef,
  PermissionRule,
  PermissionsRegistryService,
  TestBackend,
} from '@openstage/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackendPlugin } from '../../src/index.js';
import { permissionsRegistryServiceFactory } from '../../src/services/permissionsRegistry/permissionsRegistryServiceFactory.js';
import { coreServiceRefs as core } from '../../src/testing/coreServiceRefs.js';
import { mockCredentials } from '../../src/testing/mockCredentials.js';
import { mockServices } from '../../src/testing/mockServices.js';
import { startTestBackend } from '../../src/testing/startTestBackend.js';

interface Doc {
  id: string;
  owner: string;
}

const docRef = {
  $$type: '@backstage/PermissionResourceRef',
  pluginId: 'docs',
  resourceType: 'doc',
} as unknown as PermissionResourceRef<Doc, unknown, 'doc'>;

const isOwner: PermissionRule<Doc, unknown, 'doc', { owner: string }> = {
  name: 'IS_OWNER',
  description: 'the doc is owned by owner',
  resourceType: 'doc',
  apply: (doc, { owner }) => doc.owner === owner,
  toQuery: ({ owner }) => ({ owner }),
};
const hasId: PermissionRule<Doc, unknown, 'doc', { id: string }> = {
  name: 'HAS_ID',
  description: 'the doc has id',
  resourceType: 'doc',
  apply: (doc, { id }) => doc.id === id,
  toQuery: ({ id }) => ({ id }),
};
const perm = (name: string): BasicPermission => ({ type: 'basic', name, attributes: {} });

const docs: Record<string, Doc> = {
  'doc:a': { id: 'a', owner: 'jane' },
  'doc:b': { id: 'b', owner: 'joe' },
};

let backend: TestBackend;
let base: string;
const loads: string[][] = [];
const outcomes: Record<string, string> = {};

/** What a call throws, as its error code, or `ok`. */
function attempt(fn: () => void): string {
  try {
    fn();
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

beforeAll(async () => {
  const plugin = createBackendPlugin({
    pluginId: 'docs',
    register(reg) {
      reg.registerInit({
        deps: { registry: core.permissionsRegistry, lifecycle: core.lifecycle },
        async init({
          registry,
          lifecycle,
        }: {
          registry: PermissionsRegistryService;
          lifecycle: LifecycleService;
        }) {
          registry.addResourceType({
            resourceRef: docRef,
            rules: [isOwner],
            getResources: async (refs: string[]) => {
              loads.push(refs);
              return refs.map((r) => docs[r]);
            },
          });
          // Still before the startup hooks: init may take its time and keep registering.
          await new Promise((resolve) => setTimeout(resolve, 5));
          outcomes['init:addPermissions'] = attempt(() => registry.addPermissions([perm('d.a')]));
          outcomes['init:addPermissionRules'] = attempt(() => registry.addPermissionRules([hasId]));
          lifecycle.addStartupHook(() => {
            outcomes['startup:addPermissions'] = attempt(() =>
              registry.addPermissions([perm('d.b')]),
            );
            outcomes['startup:addPermissionRules'] = attempt(() =>
              registry.addPermissionRules([{ ...hasId, name: 'HAS_ID_2' }]),
            );
          });
        },
      });
    },
  }) as unknown as BackendFeature;
  backend = await startTestBackend({
    features: [
      permissionsRegistryServiceFactory,
      mockServices.httpAuth.factory({ defaultCredentials: mockCredentials.none() }),
      plugin,
    ],
  });
  base = `http://127.0.0.1:${backend.server.port()}/api/docs/.well-known/backstage/permissions`;
});
afterAll(async () => {
  await backend?.stop();
});

const owner = (o: string) => ({ rule: 'IS_OWNER', resourceType: 'doc', params: { owner: o } });

async function apply(body: unknown, authorization = mockCredentials.service.header()) {
  return fetch(`${base}/apply-conditions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify(body),
  });
}

describe('permissionsRegistry after start', () => {
  it('PREG-010, PREG-011, PREG-012: add* work during init and throw from the plugin startup hooks on', () => {
    expect(outcomes).toEqual({
      'init:addPermissions': 'ok',
      'init:addPermissionRules': 'ok',
      'startup:addPermissions': 'PREG_ADD_AFTER_START',
      'startup:addPermissionRules': 'PREG_ADD_AFTER_START',
    });
  });
});

describe('apply-conditions', () => {
  it('PREG-024, PREG-025: 200 with one { id, result } per item in request order, ALLOW when the conditions hold', async () => {
    const res = await apply({
      items: [
        { id: 'z', resourceType: 'doc', resourceRef: 'doc:b', conditions: owner('jane') },
        { id: 'y', resourceType: 'doc', resourceRef: 'doc:a', conditions: owner('jane') },
        {
          id: 'x',
          resourceType: 'doc',
          resourceRef: ['doc:b', 'doc:a'],
          conditions: { rule: 'HAS_ID', resourceType: 'doc', params: { id: 'b' } },
        },
      ],
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      items: [
        { id: 'z', result: 'DENY' },
        { id: 'y', result: 'ALLOW' },
        { id: 'x', result: ['ALLOW', 'DENY'] },
      ],
    });
  });

  it("PREG-026: resources are loaded through the resource type's getResources", async () => {
    loads.length = 0;
    const res = await apply({
      items: [{ id: '1', resourceType: 'doc', resourceRef: 'doc:a', conditions: owner('joe') }],
    });
    expect(await res.json()).toEqual({ items: [{ id: '1', result: 'DENY' }] });
    expect(loads.flat()).toEqual(['doc:a']);
  });

  it('PREG-033: the integration routes sit behind the credentials barrier', async () => {
    const body = {
      items: [{ id: '1', resourceType: 'doc', resourceRef: 'doc:a', conditions: owner('jane') }],
    };
    loads.length = 0;
    const anonymous = await fetch(`${base}/apply-conditions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(anonymous.status).toBe(401);
    expect((await fetch(`${base}/metadata`)).status).toBe(401);
    expect((await apply(body, 'Bearer not-a-valid-token')).status).toBe(401);
    expect(loads).toEqual([]);
    expect((await apply(body)).status).toBe(200);
  });
});
