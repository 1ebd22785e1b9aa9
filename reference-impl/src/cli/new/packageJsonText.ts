import { referenceImplVersion, templateVersions } from './templateVersions.js';

/** What varies between the `package.json` files of generated packages. */
export interface PackageJsonOptions {
  name: string;
  description: string;
  /** `backstage.role`, which package discovery reads (NAME-041, NAME-043, NAME-045). */
  role: 'backend-plugin' | 'backend-plugin-module' | 'node-library';
  /** `backstage.pluginId`: the plugin the package belongs to, when it belongs to one. */
  pluginId?: string;
  /** Further runtime dependencies, such as the plugin library holding an extension point. */
  dependencies?: Record<string, string>;
  /** Whether the package serves HTTP routes with express. */
  express: boolean;
}

/**
 * The `package.json` of a generated package: ESM, built by `tsc` into `dist/`, tested with
 * vitest, its `package.json` exported so package discovery can read its role (LOAD-052).
 */
export function packageJsonText(options: PackageJsonOptions): string {
  const version = referenceImplVersion();
  const manifest = {
    name: options.name,
    version: '0.1.0',
    description: options.description,
    private: true,
    type: 'module',
    main: './dist/index.js',
    types: './dist/index.d.ts',
    exports: {
      '.': { types: './dist/index.d.ts', default: './dist/index.js' },
      './package.json': './package.json',
    },
    files: ['dist'],
    backstage: {
      role: options.role,
      ...(options.pluginId !== undefined ? { pluginId: options.pluginId } : {}),
    },
    scripts: { build: 'tsc', test: 'vitest run' },
    dependencies: sorted({
      '@openstage/reference-impl': version,
      '@openstage/spec': version,
      ...(options.express ? { express: templateVersions.express } : {}),
      ...options.dependencies,
    }),
    devDependencies: sorted({
      ...(options.express ? { '@types/express': templateVersions['@types/express'] } : {}),
      '@types/node': templateVersions['@types/node'],
      typescript: templateVersions.typescript,
      vitest: templateVersions.vitest,
    }),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

function sorted(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
