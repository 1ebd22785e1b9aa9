import { defineTest, type ConformanceTest } from '../../../harness/ConformanceTest.js';
import { deepEqual, equal, ok } from '../../../harness/assert.js';
import { instance, serviceBackend } from '../serviceBackend.js';
import { call, mustReject } from '../serviceCall.js';
import { permissionServer, type AuthorizeAnswer } from './permissionServer.js';

const PERMISSIONS = 'core.permissions';

interface PermissionsLike {
  authorize(requests: unknown[], options: { credentials: unknown }): Promise<unknown[]>;
}
interface AuthLike {
  getNoneCredentials(): Promise<unknown>;
  getOwnServiceCredentials(): Promise<unknown>;
}

/** The permission name the fake `permission` plugin denies; it allows every other one. */
const DENIED = 'conformance.delete';

/** Decisions for every item, in reverse order so that only matching by id gets them right. */
const decideByName: AuthorizeAnswer = (items) => ({
  status: 200,
  body: {
    items: [...items].reverse().map((item) => ({
      id: item.id,
      result: item.permission?.name === DENIED ? 'DENY' : 'ALLOW',
    })),
  },
});

/**
 * A backend with `permission.enabled: true` whose discovery sends the `permission` plugin to a
 * local fake answering with `answer`; resolves to the probe's services and the fake.
 */
async function enabledPermissions(
  ctx: Parameters<ConformanceTest['run']>[0],
  answer: AuthorizeAnswer,
) {
  const server = await permissionServer(answer);
  try {
    const sb = await serviceBackend(ctx, PERMISSIONS, {
      config: {
        permission: { enabled: true },
        discovery: { endpoints: [{ target: server.base, plugins: ['permission'] }] },
      },
      probes: [{ pluginId: 'asker', services: [PERMISSIONS, 'core.auth'] }],
    });
    return {
      server,
      permissions: instance<PermissionsLike>(sb, 'asker', PERMISSIONS),
      auth: instance<AuthLike>(sb, 'asker', 'core.auth'),
    };
  } catch (error) {
    await server.close();
    throw error;
  }
}

/** Whether `error` carries HTTP status `status`, as a property or in its message (PERM-056). */
function carriesStatus(error: unknown, status: number): boolean {
  if (!(error instanceof Error)) return false;
  const e = error as Error & {
    statusCode?: unknown;
    status?: unknown;
    response?: { status?: unknown; statusCode?: unknown };
  };
  return (
    [e.statusCode, e.status, e.response?.status, e.response?.statusCode].includes(status) ||
    e.message.includes(String(status))
  );
}

const permission = (name: string, action: string) => ({
  type: 'basic',
  name,
  attributes: { action },
});

const permissionsTest = (test: Omit<ConformanceTest, 'chapter' | 'service'>): ConformanceTest =>
  defineTest({ ...test, chapter: 'service-permissions', service: PERMISSIONS });

/** The contract suite of `core.permissions` (spec/docs/services/permissions.md). */
export const permissionsTests: readonly ConformanceTest[] = [
  permissionsTest({
    id: 'service-permissions/disabled-allows',
    requirements: ['PERM-002', 'PERM-003', 'PERM-004', 'PERM-020', 'PERM-021'],
    profile: 'default',
    description:
      'with permission.enabled unset, every request of none credentials is allowed, one decision per request',
    async run(ctx) {
      const sb = await serviceBackend(ctx, PERMISSIONS, {
        probes: [{ pluginId: 'asker', services: [PERMISSIONS, 'core.auth'] }],
      });
      const permissions = instance<PermissionsLike>(sb, 'asker', PERMISSIONS);
      const credentials = await call(() =>
        instance<AuthLike>(sb, 'asker', 'core.auth').getNoneCredentials(),
      );
      const requests = [
        { permission: permission('conformance.read', 'read') },
        { permission: permission('conformance.delete', 'delete') },
        { permission: permission('conformance.create', 'create') },
      ];
      const decisions = await call(() => permissions.authorize(requests, { credentials }));
      equal(decisions.length, requests.length, 'number of decisions');
      deepEqual(
        decisions,
        requests.map(() => ({ result: 'ALLOW' })),
        'decisions',
      );
    },
  }),
  permissionsTest({
    id: 'service-permissions/enabled-asks-permission-plugin',
    requirements: [
      'PERM-050',
      'PERM-051',
      'PERM-052',
      'PERM-054',
      'PERM-055',
      'PERM-030',
      'PERM-031',
    ],
    profile: 'default',
    description:
      "with permission.enabled, none credentials are decided by one POST to the permission plugin's /authorize, matched by id; service credentials are not sent",
    timeoutMs: 8000,
    async run(ctx) {
      const { server, permissions, auth } = await enabledPermissions(ctx, decideByName);
      try {
        const none = await call(() => auth.getNoneCredentials());
        // The denied request comes first: the fake answers in reverse order, so decisions taken
        // by position instead of by id come out as ALLOW, ALLOW, DENY (a middle one would not move).
        const requests = [
          { permission: permission(DENIED, 'delete') },
          { permission: permission('conformance.read', 'read') },
          { permission: permission('conformance.create', 'create') },
        ];
        const decisions = await call(() => permissions.authorize(requests, { credentials: none }));
        // Results only: the shape of a decision is the disabled-allows test's business (PERM-004).
        deepEqual(
          decisions.map((d) => (d as { result?: unknown }).result),
          ['DENY', 'ALLOW', 'ALLOW'],
          'decisions in input order, matched by id (PERM-055)',
        );
        equal(server.received.length, 1, 'requests the permission plugin received');
        const sent = server.received[0]!;
        equal(sent.method, 'POST', 'method of the request (PERM-050)');
        equal(sent.url, '/api/permission/authorize', 'path of the request (PERM-050)');
        deepEqual(
          sent.items.map((item) => item.permission?.name),
          requests.map((r) => r.permission.name),
          'permission names of the items, in input order (PERM-051)',
        );
        const ids = sent.items.map((item) => item.id);
        ok(
          ids.every((id) => id !== undefined && id !== null && id !== ''),
          `every item has an id (PERM-051): ${JSON.stringify(ids)}`,
        );
        equal(new Set(ids).size, ids.length, 'distinct item ids (PERM-052)');
        equal(
          sent.authorization,
          undefined,
          'Authorization header for none credentials (PERM-054)',
        );

        const own = await call(() => auth.getOwnServiceCredentials());
        const serviceDecisions = await call(() =>
          permissions.authorize([{ permission: permission(DENIED, 'delete') }], {
            credentials: own,
          }),
        );
        deepEqual(
          serviceDecisions.map((d) => (d as { result?: unknown }).result),
          ['ALLOW'],
          'decision for service credentials (PERM-031)',
        );
        equal(server.received.length, 1, 'requests after a service principal asked (PERM-030)');
      } finally {
        await server.close();
      }
    },
  }),
  permissionsTest({
    id: 'service-permissions/enabled-bad-answers-reject',
    requirements: ['PERM-056', 'PERM-057'],
    profile: 'default',
    description:
      'with permission.enabled, an error status or an answer lacking a requested id from the permission plugin rejects authorize',
    timeoutMs: 8000,
    async run(ctx) {
      let mode: 'status' | 'missing' = 'status';
      const { server, permissions, auth } = await enabledPermissions(ctx, (items) =>
        mode === 'status'
          ? { status: 503, body: { error: { name: 'Error', message: 'conformance outage' } } }
          : {
              status: 200,
              body: { items: items.slice(1).map((i) => ({ id: i.id, result: 'ALLOW' })) },
            },
      );
      try {
        const credentials = await call(() => auth.getNoneCredentials());
        const requests = [
          { permission: permission('conformance.read', 'read') },
          { permission: permission('conformance.create', 'create') },
        ];
        const failed = await mustReject('authorize answered with status 503 (PERM-056)', () =>
          permissions.authorize(requests, { credentials }),
        );
        ok(
          carriesStatus(failed, 503),
          `the error carries the status 503 (PERM-056): ${String(failed)}`,
        );
        mode = 'missing';
        await mustReject('authorize answered without the first id (PERM-057)', () =>
          permissions.authorize(requests, { credentials }),
        );
        equal(server.received.length, 2, 'requests the permission plugin received');
      } finally {
        await server.close();
      }
    },
  }),
];
