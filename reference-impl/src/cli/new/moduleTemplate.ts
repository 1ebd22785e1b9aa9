import { toCamelCase } from '../ids/toCamelCase.js';
import { toPascalCase } from '../ids/toPascalCase.js';
import type { ExtensionPointSource } from './ExtensionPointSource.js';
import type { GeneratedFiles } from './GeneratedFiles.js';
import { packageJsonText } from './packageJsonText.js';
import { tsconfigText } from './tsconfigText.js';

/** What `openstage new module` fills in. */
export interface ModuleTemplateOptions {
  pluginId: string;
  moduleId: string;
  /** The npm package name, such as `@internal/plugin-todo-backend-module-rules`. */
  packageName: string;
  /** The package whose extension points the module uses, when the plugin offers any. */
  source?: ExtensionPointSource;
}

/** `todoRulesExtensionPoint` of plugin `todo` -> `rules`: the dependency key in `deps`. */
function depKey(exportName: string, pluginId: string): string {
  const prefix = toCamelCase(pluginId);
  let key = exportName.replace(/ExtensionPoint$/, '');
  if (key.startsWith(prefix) && key.length > prefix.length) key = key.slice(prefix.length);
  key = key.charAt(0).toLowerCase() + key.slice(1);
  return key === '' || key === 'httpRouter' || key === 'logger' ? `${exportName}Dep` : key;
}

/**
 * The files of a new backend module package: the module exported as
 * `<camelPluginId>Module<PascalModuleId>` and as the default export (NAME-011, MOD-065), a route
 * under `/modules/<moduleId>/` (MOD-060), a dependency on each extension point the plugin
 * offers, a test with the test kit, and a README.
 */
export function moduleTemplate(options: ModuleTemplateOptions): GeneratedFiles {
  const { pluginId, moduleId, packageName, source } = options;
  const exportName = `${toCamelCase(pluginId)}Module${toPascalCase(moduleId)}`;
  const route = `/modules/${moduleId}/health`;
  const eps = (source?.extensionPoints ?? []).map((ep) => ({
    ...ep,
    key: depKey(ep.exportName, pluginId),
  }));
  const epImport =
    source && eps.length > 0
      ? `import { ${eps.map((ep) => ep.exportName).join(', ')} } from '${source.packageName}';\n`
      : '';
  const epDeps = eps.map((ep) => `        ${ep.key}: ${ep.exportName},\n`).join('');
  const epParams = eps.map((ep) => `, ${ep.key}`).join('');
  const epComment = eps
    .map(
      (ep) =>
        `        // Contribute to the ${pluginId} plugin through ${ep.key} (extension point '${ep.id}'),\n` +
        `        // for example ${ep.key}.addSomething(...), before init resolves (EXT-065).\n\n`,
    )
    .join('');
  const about =
    eps.length > 0 ? `, contributing through ${eps.map((ep) => `\`${ep.id}\``).join(', ')}` : '';

  return {
    'package.json': packageJsonText({
      name: packageName,
      description: `The ${moduleId} module of the ${pluginId} backend plugin.`,
      role: 'backend-plugin-module',
      pluginId,
      express: true,
      ...(source && eps.length > 0
        ? { dependencies: { [source.packageName]: source.version } }
        : {}),
    }),
    'tsconfig.json': tsconfigText(),
    'README.md': readme(options, exportName, route),
    'src/index.ts': `/**
 * The \`${moduleId}\` module of the \`${pluginId}\` backend plugin.
 *
 * @packageDocumentation
 */
export { ${exportName} as default } from './module.js';
`,
    'src/module.ts': `import { coreServices, createBackendModule } from '@openstage/reference-impl';
import { Router } from 'express';
${epImport}
/** The \`${moduleId}\` module of the \`${pluginId}\` plugin${about}. */
export const ${exportName} = createBackendModule({
  pluginId: '${pluginId}',
  moduleId: '${moduleId}',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
${epDeps}      },
      async init({ httpRouter, logger${epParams} }) {
${epComment}        // A module's routes live under /modules/<moduleId>/ of its plugin (MOD-060).
        const router = Router();
        router.get('${route}', (_req, res) => {
          res.json({ status: 'ok', module: '${moduleId}' });
        });
        httpRouter.use(router);
        httpRouter.addAuthPolicy({ path: '${route}', allow: 'unauthenticated' });
        logger.info('Module ${moduleId} of plugin ${pluginId} is ready');
      },
    });
  },
});
`,
    'src/module.test.ts': moduleTest(options, exportName, route, eps),
  };
}

function moduleTest(
  { pluginId, moduleId, source }: ModuleTemplateOptions,
  exportName: string,
  route: string,
  eps: Array<{ exportName: string; id: string; key: string }>,
): string {
  const epImport =
    source && eps.length > 0
      ? `import { ${eps.map((ep) => ep.exportName).join(', ')} } from '${source.packageName}';\n`
      : '';
  // The test kit stands in for the plugin, and for its extension points with empty
  // implementations: add the methods the module calls to them.
  const epOption =
    eps.length > 0
      ? `,\n      extensionPoints: [${eps.map((ep) => `[${ep.exportName}, {}]`).join(', ')}],`
      : '';
  return `import { startTestBackend } from '@openstage/reference-impl/testing';
${epImport}import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ${exportName} from './index.js';

describe('${exportName}', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  beforeAll(async () => {
    // The test kit adds a stand-in for the ${pluginId} plugin${eps.length > 0 ? '; the extension points get\n    // the implementations below' : ''}.
    backend = await startTestBackend({
      features: [${exportName}]${epOption}
    });
  });
  afterAll(() => backend?.stop());

  it('serves its route under the plugin, without credentials', async () => {
    const response = await fetch(
      \`http://localhost:\${backend.server.port()}/api/${pluginId}${route}\`,
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', module: '${moduleId}' });
  });
});
`;
}

function readme(
  { pluginId, moduleId, packageName, source }: ModuleTemplateOptions,
  exportName: string,
  route: string,
): string {
  const eps = source?.extensionPoints ?? [];
  const uses =
    source && eps.length > 0
      ? `It uses the extension point${eps.length > 1 ? 's' : ''} ${eps.map((ep) => `\`${ep.id}\``).join(', ')} from \`${source.packageName}\`.`
      : `The plugin offered no extension point when the module was created; see the Openstage guide on extension points to add one.`;
  return `# ${packageName}

The \`${moduleId}\` module of the \`${pluginId}\` backend plugin, created with
\`openstage new module ${pluginId} ${moduleId}\`. ${uses}

## Installing it in a backend

\`\`\`ts
backend.add(import('${packageName}'));
\`\`\`

next to the \`${pluginId}\` plugin. The module is the package's default export, named
\`${exportName}\` in \`src/module.ts\`. It serves \`GET /api/${pluginId}${route}\` without credentials.

## Developing

\`\`\`sh
npm run build   # tsc into dist/
npm test        # vitest: starts the module with the test kit standing in for its plugin
\`\`\`
`;
}
