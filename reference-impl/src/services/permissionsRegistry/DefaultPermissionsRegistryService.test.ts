import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type {
  BasicPermission,
  PermissionResourceRef,
  PermissionRule,
  ResourcePermission,
} from '@openstage/spec';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { DefaultPermissionsRegistryService } from './DefaultPermissionsRegistryService.js';
import { createPermissionIntegrationRouter } from './createPermissionIntegrationRouter.js';
import { PermissionsRegistryError } from './permissionsRegistryErrors.js';
import { createErrorHandler } from '../rootHttpRouter/createErrorHandler.js';
import { createTestLogger } from '../rootLogger/createTestLogger.js';
import { permissionsRegistryServiceFactory } from './permissionsRegistryServiceFactory.js';

interface Doc {
  id: string;
  owner: string;
  tags: string[];
}

const ref = (pluginId: string, resourceType = 'doc'): PermissionResourceRef<Doc, unknown, string> =>
  ({ $$type: '@backstage/PermissionResourceRef', pluginId, resourceType }) as PermissionResourceRef<
    Doc,
    unknown,
    string
  >;

const isOwner: PermissionRule<Doc, unknown, string, { owner: string }> & { paramsSchema: object } =
  {
    name: 'IS_OWNER',
    description: 'the doc is owned by owner',
    resourceType: 'doc',
    paramsSchema: {
      type: 'object',
      properties: { owner: { type: 'string' } },
      required: ['owner'],
      additionalProperties: false,
    },
    apply: (doc, { owner }) => doc.owner === owner,
    toQuery: ({ owner }) => ({ owner }),
  };
const hasTag: PermissionRule<Doc, unknown, string, { tag: string }> = {
  name: 'HAS_TAG',
  description: 'the doc has tag',
  resourceType: 'doc',
  apply: (doc, { tag }) => doc.tags.includes(tag),
  toQuery: ({ tag }) => ({ tag }),
};

const readDoc: ResourcePermission = {
  type: 'resource',
  name: 'docs.doc.read',
  attributes: { action: 'read' },
  resourceType: 'doc',
};
const createDoc: BasicPermission = {
  type: 'basic',
  name: 'docs.doc.create',
  attributes: { action: 'create' },
};

function makeRegistry(pluginId = 'docs') {
  const hooks: Array<() => void | Promise<void>> = [];
  const registry = new DefaultPermissionsRegistryService(pluginId, {
    addStartupHook: (hook) => void hooks.push(hook),
  });
  const start = async () => {
    for (const hook of hooks) await hook();
  };
  return { registry, start };
}

function code(fn: () => unknown): PermissionsRegistryError {
  try {
    fn();
  } catch (error) {
    if (error instanceof PermissionsRegistryError) return error;
    throw error;
  }
  throw new Error('expected a PermissionsRegistryError');
}

describe('DefaultPermissionsRegistryService registration', () => {
  it('PREG-001: the factory offers core.permissionsRegistry with plugin scope', () => {
    expect(permissionsRegistryServiceFactory.service.id).toBe('core.permissionsRegistry');
    expect(permissionsRegistryServiceFactory.service.scope).toBe('plugin');
  });

  it('PREG-002, PREG-004, PREG-016: permissions register, the later of a name wins', () => {
    const { registry } = makeRegistry();
    registry.addPermissions([createDoc, { ...createDoc, attributes: {} }]);
    registry.addResourceType({ resourceRef: ref('docs'), rules: [], permissions: [readDoc] });
    expect(registry.listPermissions()).toEqual([{ ...createDoc, attributes: {} }, readDoc]);
  });

  it('PREG-003, PREG-005: rules register per resource type and are found by name', () => {
    const { registry } = makeRegistry();
    registry.addResourceType({ resourceRef: ref('docs'), rules: [isOwner] });
    registry.addPermissionRules([hasTag]);
    const ruleset = registry.getPermissionRuleset(ref('docs'));
    expect(ruleset.getRuleByName('IS_OWNER')).toMatchObject({ name: 'IS_OWNER' });
    expect(ruleset.getRuleByName('HAS_TAG')).toMatchObject({ name: 'HAS_TAG' });
  });

  it('PREG-006: an unknown rule name throws naming rule and resource type', () => {
    const { registry } = makeRegistry();
    registry.addResourceType({ resourceRef: ref('docs'), rules: [isOwner] });
    const error = code(() => registry.getPermissionRuleset(ref('docs')).getRuleByName('NOPE'));
    expect(error.code).toBe('PREG_UNKNOWN_RULE');
    expect(error.message).toContain("'NOPE'");
    expect(error.message).toContain("'doc'");
  });

  it("PREG-007: addResourceType with another plugin's ref names both plugins and the type", () => {
    const { registry } = makeRegistry('docs');
    const error = code(() =>
      registry.addResourceType({ resourceRef: ref('catalog', 'catalog-entity'), rules: [] }),
    );
    expect(error.code).toBe('PREG_RESOURCE_PLUGIN_MISMATCH');
    expect(error.message).toContain("'catalog'");
    expect(error.message).toContain("'docs'");
    expect(error.message).toContain("'catalog-entity'");
  });

  it("PREG-008: getPermissionRuleset with another plugin's ref throws the same error", () => {
    const { registry } = makeRegistry('docs');
    const error = code(() => registry.getPermissionRuleset(ref('catalog')));
    expect(error.code).toBe('PREG_RESOURCE_PLUGIN_MISMATCH');
    expect(error.message).toMatch(/catalog.*docs/);
  });

  it('PREG-009 to PREG-013: add* throw once startup hooks ran; getPermissionRuleset keeps working', async () => {
    const { registry, start } = makeRegistry();
    registry.addResourceType({ resourceRef: ref('docs'), rules: [isOwner] });
    registry.addPermissions([createDoc]);
    await start();
    expect(code(() => registry.addPermissions([readDoc])).code).toBe('PREG_ADD_AFTER_START');
    expect(code(() => registry.addPermissionRules([hasTag])).code).toBe('PREG_ADD_AFTER_START');
    expect(
      code(() => registry.addResourceType({ resourceRef: ref('docs', 'other'), rules: [] }))
        .message,
    ).toContain('addResourceType');
    expect(registry.getPermissionRuleset(ref('docs')).getRuleByName('IS_OWNER').name).toBe(
      'IS_OWNER',
    );
  });

  it('PREG-014: a resource type registered twice is rejected naming it', () => {
    const { registry } = makeRegistry();
    registry.addResourceType({ resourceRef: ref('docs'), rules: [] });
    const error = code(() => registry.addResourceType({ resourceRef: ref('docs'), rules: [] }));
    expect(error.code).toBe('PREG_DUPLICATE_RESOURCE_TYPE');
    expect(error.message).toContain("'doc'");
  });

  it('PREG-015: a duplicate rule name for a type is rejected by both add methods, registering nothing', () => {
    const { registry } = makeRegistry();
    registry.addResourceType({ resourceRef: ref('docs'), rules: [isOwner] });
    const viaRules = code(() => registry.addPermissionRules([hasTag, isOwner]));
    expect(viaRules.code).toBe('PREG_DUPLICATE_RULE');
    expect(viaRules.message).toContain("'IS_OWNER'");
    expect(() => registry.getPermissionRuleset(ref('docs')).getRuleByName('HAS_TAG')).toThrow();
    const { registry: r2 } = makeRegistry();
    expect(
      code(() => r2.addResourceType({ resourceRef: ref('docs'), rules: [hasTag, hasTag] })).code,
    ).toBe('PREG_DUPLICATE_RULE');
  });
});

describe('permission integration routes', () => {
  let server: Server | undefined;
  afterEach(async () => {
    if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
  });

  async function serve(registry: DefaultPermissionsRegistryService) {
    const app = express();
    app.use('/api/docs', createPermissionIntegrationRouter(registry));
    // The default HTTP error handler: status from the error's catalog name, body with the code.
    app.use(createErrorHandler({ logger: createTestLogger().logger }));
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/docs/.well-known/backstage/permissions`;
    const apply = async (body: unknown) =>
      fetch(`${base}/apply-conditions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    return {
      metadata: async () => fetch(`${base}/metadata`),
      apply,
      /** Applies `conditions` in one item with id '1', on `doc:a` of type `doc` unless `item` says. */
      applyOne: async (
        conditions: unknown,
        item: { resourceType?: string; resourceRef?: string } = {},
      ) =>
        apply({
          items: [{ id: '1', resourceType: 'doc', resourceRef: 'doc:a', ...item, conditions }],
        }),
    };
  }

  /** The status of a failed response and the code and message of its error body. */
  async function failureOf(
    res: Response,
  ): Promise<{ status: number; code: string; message: string }> {
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    return { status: res.status, code: error.code, message: error.message };
  }

  const docs: Record<string, Doc> = {
    'doc:a': { id: 'a', owner: 'jane', tags: ['x'] },
    'doc:b': { id: 'b', owner: 'joe', tags: [] },
  };

  function loaded() {
    const { registry } = makeRegistry();
    const calls: string[][] = [];
    registry.addResourceType({
      resourceRef: ref('docs'),
      rules: [isOwner, hasTag],
      permissions: [readDoc],
      getResources: async (refs) => {
        calls.push(refs);
        return refs.map((r) => docs[r]);
      },
    });
    return { registry, calls };
  }

  it('PREG-020, PREG-021, PREG-022: metadata lists permissions and rules with their params schema', async () => {
    const { registry } = loaded();
    registry.addPermissions([createDoc]);
    const res = await (await serve(registry)).metadata();
    expect(res.status).toBe(200);
    const body = (await res.json()) as { permissions: unknown[]; rules: unknown[] };
    expect(body.permissions).toEqual([readDoc, createDoc]);
    expect(body.rules).toEqual([
      {
        name: 'IS_OWNER',
        description: 'the doc is owned by owner',
        resourceType: 'doc',
        paramsSchema: isOwner.paramsSchema,
      },
      { name: 'HAS_TAG', description: 'the doc has tag', resourceType: 'doc', paramsSchema: {} },
    ]);
  });

  it('PREG-023 to PREG-027, PREG-034, PREG-035: evaluates criteria per item, in order, loading once per type', async () => {
    const { registry, calls } = loaded();
    const api = await serve(registry);
    const owner = (o: string) => ({ rule: 'IS_OWNER', resourceType: 'doc', params: { owner: o } });
    const res = await api.apply({
      items: [
        { id: '1', resourceType: 'doc', resourceRef: 'doc:a', conditions: owner('jane') },
        {
          id: '2',
          resourceType: 'doc',
          resourceRef: 'doc:b',
          conditions: {
            allOf: [owner('joe'), { rule: 'HAS_TAG', resourceType: 'doc', params: { tag: 'x' } }],
          },
        },
        {
          id: '3',
          resourceType: 'doc',
          resourceRef: ['doc:a', 'doc:b', 'doc:missing'],
          conditions: { anyOf: [owner('joe'), { not: owner('jane') }] },
        },
        { id: '4', resourceType: 'doc', resourceRef: 'doc:a', conditions: { not: owner('joe') } },
      ],
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      items: [
        { id: '1', result: 'ALLOW' },
        { id: '2', result: 'DENY' },
        { id: '3', result: ['DENY', 'ALLOW', 'DENY'] },
        { id: '4', result: 'ALLOW' },
      ],
    });
    expect(calls).toEqual([['doc:a', 'doc:b', 'doc:missing']]);
  });

  it('PREG-028: a malformed body is answered with 400 PREG_INVALID_REQUEST', async () => {
    const api = await serve(loaded().registry);
    for (const body of [
      {},
      {
        items: [
          {
            id: 1,
            resourceType: 'doc',
            resourceRef: 'doc:a',
            conditions: { rule: 'IS_OWNER', resourceType: 'doc' },
          },
        ],
      },
      {
        items: [
          {
            id: '1',
            resourceType: 'doc',
            resourceRef: [],
            conditions: { rule: 'IS_OWNER', resourceType: 'doc' },
          },
        ],
      },
      {
        items: [{ id: '1', resourceType: 'doc', resourceRef: 'doc:a', conditions: { allOf: [] } }],
      },
    ]) {
      const failure = await failureOf(await api.apply(body));
      expect(failure.status).toBe(400);
      expect(failure.code).toBe('PREG_INVALID_REQUEST');
    }
  });

  it('PREG-029: unknown resource types get 400 listing them', async () => {
    const api = await serve(loaded().registry);
    const failure = await failureOf(
      await api.applyOne(
        { rule: 'R', resourceType: 'ghost' },
        { resourceType: 'ghost', resourceRef: 'g:1' },
      ),
    );
    expect(failure.status).toBe(400);
    expect(failure.code).toBe('PREG_UNKNOWN_RESOURCE_TYPE');
    expect(failure.message).toContain('ghost');
  });

  it('PREG-030: a resource type without getResources gets 501', async () => {
    const { registry } = makeRegistry();
    registry.addResourceType({ resourceRef: ref('docs'), rules: [isOwner] });
    const api = await serve(registry);
    const failure = await failureOf(
      await api.applyOne({ rule: 'IS_OWNER', resourceType: 'doc', params: { owner: 'x' } }),
    );
    expect(failure.status).toBe(501);
    expect(failure.code).toBe('PREG_RESOURCES_UNAVAILABLE');
  });

  it('PREG-031: parameters that break the rule schema get 400', async () => {
    const api = await serve(loaded().registry);
    const failure = await failureOf(
      await api.applyOne({ rule: 'IS_OWNER', resourceType: 'doc', params: { owner: 3 } }),
    );
    expect(failure.status).toBe(400);
    expect(failure.code).toBe('PREG_INVALID_RULE_PARAMS');
  });

  it('PREG-031: Standard Schema parameter schemas are used for validation too', async () => {
    const { registry } = makeRegistry();
    const standard = {
      '~standard': {
        version: 1,
        vendor: 'test',
        validate: (v: unknown) =>
          typeof (v as { n?: unknown })?.n === 'number'
            ? { value: v }
            : { issues: [{ message: 'n must be a number' }] },
      },
    };
    registry.addResourceType({
      resourceRef: ref('docs'),
      rules: [{ ...hasTag, name: 'STD', paramsSchema: standard } as never],
      getResources: async (refs) => refs.map((r) => docs[r]),
    });
    const api = await serve(registry);
    const failure = await failureOf(
      await api.applyOne({ rule: 'STD', resourceType: 'doc', params: { n: 'x' } }),
    );
    expect(failure.status).toBe(400);
    expect(failure.message).toContain('n must be a number');
  });

  it('PREG-032: an unknown rule in conditions gets 400 PREG_UNKNOWN_RULE', async () => {
    const api = await serve(loaded().registry);
    const failure = await failureOf(await api.applyOne({ rule: 'NOPE', resourceType: 'doc' }));
    expect(failure.status).toBe(400);
    expect(failure.code).toBe('PREG_UNKNOWN_RULE');
  });
});

describe('permissionsRegistryServiceFactory', () => {
  it('PREG-017, PREG-020: one registry per plugin whose routes go on the plugin router', async () => {
    const used: unknown[] = [];
    // The cast stays: the test calls the factory function of the wire format directly, with
    // partial fakes for its dependencies.
    const factory = permissionsRegistryServiceFactory as unknown as {
      factory: (deps: object, ctx: unknown) => Promise<DefaultPermissionsRegistryService>;
    };
    const registry = await factory.factory(
      {
        lifecycle: { addStartupHook: () => {} },
        httpRouter: { use: (h: unknown) => used.push(h), addAuthPolicy: () => {} },
        pluginMetadata: { getId: () => 'docs' },
      },
      undefined,
    );
    expect(registry).toBeInstanceOf(DefaultPermissionsRegistryService);
    expect(registry.pluginId).toBe('docs');
    expect(used).toHaveLength(1);
    expect(typeof used[0]).toBe('function');
  });
});
