import { toCamelCase } from '../ids/toCamelCase.js';
import type { GeneratedFiles } from './GeneratedFiles.js';
import { packageJsonText } from './packageJsonText.js';
import { tsconfigText } from './tsconfigText.js';

/** What `openstage new plugin` fills in. */
export interface PluginTemplateOptions {
  pluginId: string;
  /** The npm package name, such as `@internal/plugin-todo-backend`. */
  packageName: string;
}

/**
 * The files of a new backend plugin package: the plugin exported as `<camelId>Plugin` and as the
 * default export (NAME-010, NAME-050), an express router with one public and one signed-in route,
 * a test that starts it with the test kit, and a README.
 */
export function pluginTemplate({ pluginId, packageName }: PluginTemplateOptions): GeneratedFiles {
  const exportName = `${toCamelCase(pluginId)}Plugin`;
  return {
    'package.json': packageJsonText({
      name: packageName,
      description: `The ${pluginId} backend plugin.`,
      role: 'backend-plugin',
      pluginId,
      express: true,
    }),
    'tsconfig.json': tsconfigText(),
    'README.md': readme(pluginId, packageName, exportName),
    'src/index.ts': `/**
 * The \`${pluginId}\` backend plugin.
 *
 * @packageDocumentation
 */
export { ${exportName} as default } from './plugin.js';
`,
    'src/plugin.ts': `import { coreServices, createBackendPlugin } from '@openstage/reference-impl';
import { createRouter } from './router.js';

/** The \`${pluginId}\` plugin: its routes are served under \`/api/${pluginId}\`. */
export const ${exportName} = createBackendPlugin({
  pluginId: '${pluginId}',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        logger: coreServices.logger,
      },
      async init({ httpRouter, httpAuth, logger }) {
        httpRouter.use(createRouter({ httpAuth }));
        // Every route needs credentials unless a policy says otherwise.
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
        logger.info('Plugin ${pluginId} is ready');
      },
    });
  },
});
`,
    'src/router.ts': `import type { HttpAuthService } from '@openstage/spec';
import { Router } from 'express';

/** What the routes of the \`${pluginId}\` plugin need. */
export interface RouterOptions {
  httpAuth: HttpAuthService;
}

/**
 * \`GET /health\`, open to anyone, and \`GET /hello\`, which greets the signed-in user.
 */
export function createRouter({ httpAuth }: RouterOptions): Router {
  const router = Router();
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/hello', (req, res, next) => {
    // Express 4 does not catch rejected promises; hand them to the error handler.
    httpAuth.credentials(req, { allow: ['user'] }).then((credentials) => {
      res.json({ message: \`Hello, \${credentials.principal.userEntityRef}\` });
    }, next);
  });
  return router;
}
`,
    'src/plugin.test.ts': `import { mockCredentials, startTestBackend } from '@openstage/reference-impl/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ${exportName} from './index.js';

describe('${exportName}', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let baseUrl: string;
  beforeAll(async () => {
    backend = await startTestBackend({ features: [${exportName}] });
    baseUrl = \`http://localhost:\${backend.server.port()}/api/${pluginId}\`;
  });
  afterAll(() => backend?.stop());

  it('answers GET /health without credentials', async () => {
    const response = await fetch(\`\${baseUrl}/health\`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('greets the signed-in user on GET /hello', async () => {
    const response = await fetch(\`\${baseUrl}/hello\`, {
      headers: { authorization: mockCredentials.user.header('user:default/jane') },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ message: 'Hello, user:default/jane' });
  });

  it('refuses GET /hello with invalid credentials', async () => {
    // Without an authorization header the test kit acts as a default mock user, so send a
    // token it rejects instead.
    const response = await fetch(\`\${baseUrl}/hello\`, {
      headers: { authorization: mockCredentials.user.invalidHeader() },
    });
    expect(response.status).toBe(401);
  });

  it('refuses GET /hello for callers that are not users', async () => {
    const response = await fetch(\`\${baseUrl}/hello\`, {
      headers: { authorization: mockCredentials.service.header() },
    });
    expect(response.status).toBe(403);
  });
});
`,
  };
}

function readme(pluginId: string, name: string, exportName: string): string {
  return `# ${name}

The \`${pluginId}\` backend plugin, created with \`openstage new plugin ${pluginId}\`.

## Installing it in a backend

\`\`\`ts
backend.add(import('${name}'));
\`\`\`

or list the package under \`backend.packages\` in the configuration when the backend uses package
discovery. The plugin is the package's default export, named \`${exportName}\` in
\`src/plugin.ts\`.

## Routes

| Route | Credentials | Answer |
| --- | --- | --- |
| \`GET /api/${pluginId}/health\` | none | \`{ "status": "ok" }\` |
| \`GET /api/${pluginId}/hello\` | a user | \`{ "message": "Hello, <user entity ref>" }\` |

## Developing

\`\`\`sh
npm run build   # tsc into dist/
npm test        # vitest: starts the plugin with the test kit and calls its routes
\`\`\`
`;
}
