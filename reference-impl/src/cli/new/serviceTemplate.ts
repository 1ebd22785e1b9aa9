import { toPascalCase } from '../ids/toPascalCase.js';
import type { GeneratedFiles } from './GeneratedFiles.js';
import { packageJsonText } from './packageJsonText.js';
import { tsconfigText } from './tsconfigText.js';

/** What `openstage new service` fills in. */
export interface ServiceTemplateOptions {
  /** The camelCase service name, such as `todoList`. */
  name: string;
  /** The service id, such as `todo.todoList` (NAME-032). */
  serviceId: string;
  /** Root-scoped (one instance per backend) or plugin-scoped (one per plugin). */
  scope: 'root' | 'plugin';
  /** The npm package name, such as `@internal/plugin-todo-node`. */
  packageName: string;
  /** The plugin whose library holds the service, when there is one. */
  pluginId?: string;
}

/**
 * The files of a library package holding one service: its interface `<Name>Service`, its ref
 * `<name>ServiceRef` and its factory `<name>ServiceFactory` (NAME-030, NAME-031, NAME-034),
 * exported by name and never as `default` (a default export would make package discovery
 * install the factory), a test with `ServiceFactoryTester`, and a README.
 */
export function serviceTemplate(options: ServiceTemplateOptions): GeneratedFiles {
  const { name, serviceId, scope, packageName, pluginId } = options;
  const typeName = `${toPascalCase(name)}Service`;
  const refName = `${name}ServiceRef`;
  const factoryName = `${name}ServiceFactory`;
  const root = scope === 'root';
  return {
    'package.json': packageJsonText({
      name: packageName,
      description: `The ${serviceId} service: ${refName} and ${factoryName}.`,
      role: 'node-library',
      ...(pluginId !== undefined ? { pluginId } : {}),
      express: false,
    }),
    'tsconfig.json': tsconfigText(),
    'README.md': readme(options, typeName, refName, factoryName),
    'src/index.ts': `/**
 * The \`${serviceId}\` service.
 *
 * @packageDocumentation
 */
export { ${refName}, type ${typeName} } from './${refName}.js';
export { ${factoryName} } from './${factoryName}.js';
`,
    [`src/${refName}.ts`]: `import { createServiceRef } from '@openstage/reference-impl';

/** The \`${serviceId}\` service. Replace \`describe\` with what the service really offers. */
export interface ${typeName} {
  /** Which service this is${root ? '' : ', and for which plugin'}. */
  describe(): { serviceId: string${root ? '' : '; pluginId: string'} };
}

/**
 * The ref plugins and modules list in their \`deps\` to receive the \`${serviceId}\` service${root ? ', one instance for the whole backend' : ', one instance per plugin'}.
 */
export const ${refName} = createServiceRef<${typeName}>({
  id: '${serviceId}',
  scope: '${scope}',
});
`,
    [`src/${factoryName}.ts`]: root
      ? `import { coreServices, createServiceFactory } from '@openstage/reference-impl';
import { ${refName} } from './${refName}.js';

/** The default implementation of the \`${serviceId}\` service: one instance for the backend. */
export const ${factoryName} = createServiceFactory({
  service: ${refName},
  deps: { logger: coreServices.rootLogger },
  factory({ logger }) {
    logger.info('Created the ${serviceId} service');
    return { describe: () => ({ serviceId: ${refName}.id }) };
  },
});
`
      : `import { coreServices, createServiceFactory } from '@openstage/reference-impl';
import { ${refName} } from './${refName}.js';

/** The default implementation of the \`${serviceId}\` service: one instance per plugin. */
export const ${factoryName} = createServiceFactory({
  service: ${refName},
  deps: { pluginMetadata: coreServices.pluginMetadata },
  factory({ pluginMetadata }) {
    const pluginId = pluginMetadata.getId();
    return { describe: () => ({ serviceId: ${refName}.id, pluginId }) };
  },
});
`,
    [`src/${factoryName}.test.ts`]: root
      ? `import { ServiceFactoryTester } from '@openstage/reference-impl/testing';
import { describe, expect, it } from 'vitest';
import { ${factoryName}, ${refName} } from './index.js';

describe('${factoryName}', () => {
  it('provides the ${serviceId} service, once for the whole backend', async () => {
    const tester = ServiceFactoryTester.from(${factoryName});
    const service = await tester.getSubject();
    expect(${refName}.id).toBe('${serviceId}');
    expect(service.describe()).toEqual({ serviceId: '${serviceId}' });
    expect(await tester.getSubject()).toBe(service);
  });
});
`
      : `import { ServiceFactoryTester } from '@openstage/reference-impl/testing';
import { describe, expect, it } from 'vitest';
import { ${factoryName}, ${refName} } from './index.js';

describe('${factoryName}', () => {
  it('provides the ${serviceId} service, one instance per plugin', async () => {
    const tester = ServiceFactoryTester.from(${factoryName});
    const first = await tester.getSubject('first');
    const second = await tester.getSubject('second');
    expect(${refName}.id).toBe('${serviceId}');
    expect(first.describe()).toEqual({ serviceId: '${serviceId}', pluginId: 'first' });
    expect(second.describe()).toEqual({ serviceId: '${serviceId}', pluginId: 'second' });
    expect(await tester.getSubject('first')).toBe(first);
  });
});
`,
  };
}

function readme(
  { serviceId, scope, packageName }: ServiceTemplateOptions,
  typeName: string,
  refName: string,
  factoryName: string,
): string {
  return `# ${packageName}

The \`${serviceId}\` service (${scope}-scoped), created with \`openstage new service\`.

| Export | What it is |
| --- | --- |
| \`${typeName}\` | the service's interface |
| \`${refName}\` | its ref, to list in a plugin's or module's \`deps\` |
| \`${factoryName}\` | its default implementation |

## Using it

\`\`\`ts
import { ${factoryName}, ${refName} } from '${packageName}';

backend.add(${factoryName});
// in a plugin or module:
env.registerInit({
  deps: { service: ${refName} },
  async init({ service }) {
    service.describe();
  },
});
\`\`\`

Install another factory for \`${refName}\` instead of \`${factoryName}\` to replace the
implementation, for example a mock in tests.

## Developing

\`\`\`sh
npm run build   # tsc into dist/
npm test        # vitest: builds the service with ServiceFactoryTester
\`\`\`
`;
}
