import { createTempWorkspace, type TempWorkspace } from './createTempWorkspace.js';

/**
 * A configuration every command can load outside the repository: an in-memory database and a
 * port the operating system picks.
 */
export const TEST_CONFIG = [
  'app: { baseUrl: "http://localhost:3000" }',
  'backend:',
  '  baseUrl: http://localhost:7007',
  '  listen: { port: 0, host: 127.0.0.1 }',
  "  database: { client: better-sqlite3, connection: ':memory:' }",
  '',
].join('\n');

/** JavaScript for a plugin `pluginId` with `GET /health`, open to anyone. */
export function pluginSource(pluginId: string): string {
  return `createBackendPlugin({
  pluginId: '${pluginId}',
  register(env) {
    env.registerInit({
      deps: { httpRouter: coreServices.httpRouter },
      async init({ httpRouter }) {
        httpRouter.use((req, res, next) => (req.path === '/health' ? res.json({ plugin: '${pluginId}' }) : next()));
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
})`;
}

/** An entry file exporting a healthy plugin `pluginId`; returns its path in the workspace. */
export function writeHealthyEntry(
  ws: TempWorkspace,
  pluginId: string,
  file = 'features.mjs',
): string {
  ws.write(
    file,
    `import { coreServices, createBackendPlugin } from '@openstage/reference-impl';\n` +
      `export default [${pluginSource(pluginId)}];\n`,
  );
  return file;
}

/**
 * An entry file whose plugin `broken` depends on a service nothing provides, and whose second
 * plugin has a legacy id (a warning).
 */
export function writeBrokenEntry(ws: TempWorkspace, file = 'broken.mjs'): string {
  ws.write(
    file,
    `import { createBackendPlugin, createServiceRef } from '@openstage/reference-impl';
const missing = createServiceRef({ id: 'test.missing' });
export default [
  createBackendPlugin({
    pluginId: 'broken',
    register(env) {
      env.registerInit({ deps: { store: missing }, async init() {} });
    },
  }),
];
`,
  );
  return file;
}

/**
 * A built plugin package `@internal/plugin-<pluginId>-backend` listed in the workspace's
 * `dependencies`, as package discovery finds published plugins (LOAD-050, LOAD-051).
 */
export function writeDiscoverablePlugin(ws: TempWorkspace, pluginId: string): void {
  const name = `@internal/plugin-${pluginId}-backend`;
  const dir = `plugins/${pluginId}-backend`;
  ws.write(
    `${dir}/package.json`,
    JSON.stringify({
      name,
      version: '0.1.0',
      type: 'module',
      main: './dist/index.js',
      exports: { '.': './dist/index.js', './package.json': './package.json' },
      backstage: { role: 'backend-plugin', pluginId },
    }),
  );
  ws.write(
    `${dir}/dist/index.js`,
    `import { coreServices, createBackendPlugin } from '@openstage/reference-impl';\n` +
      `export default ${pluginSource(pluginId)};\n`,
  );
  ws.link(name, `${ws.root}/${dir}`);
  ws.write(
    'package.json',
    JSON.stringify({
      name: 'workspace',
      private: true,
      workspaces: ['plugins/*', 'packages/*'],
      dependencies: { [name]: '0.1.0' },
    }),
  );
}

/**
 * A temporary workspace the commands can run in: {@link TEST_CONFIG} as `app-config.yaml`, a
 * healthy entry (`features.mjs`, plugin `healthyPluginId`), a broken one (`broken.mjs`) and a
 * discoverable plugin package `found`. The caller removes it.
 */
export function createCommandWorkspace(healthyPluginId: string): TempWorkspace {
  const ws = createTempWorkspace();
  ws.write('app-config.yaml', TEST_CONFIG);
  writeHealthyEntry(ws, healthyPluginId);
  writeBrokenEntry(ws);
  writeDiscoverablePlugin(ws, 'found');
  return ws;
}
