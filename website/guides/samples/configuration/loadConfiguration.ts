import { readFileSync } from 'node:fs';
import { DefaultRootConfig } from '@openstage/reference-impl/services/rootConfig';
import type { JsonObject } from '@openstage/spec';

const here = new URL('.', import.meta.url);
/** The JSON Schema the bookmarks package declares for the keys it reads. */
const bookmarksSchema = JSON.parse(
  readFileSync(new URL('./bookmarksConfigSchema.json', here), 'utf8'),
) as JsonObject;

/**
 * Loads this folder's files the way `rootConfigServiceFactory` does when a backend starts:
 * `--config` arguments in order, then the `APP_CONFIG_*` variables of `env`, then validation
 * against the spec's schemas and `bookmarksConfigSchema.json`.
 */
export async function loadConfiguration(argv: string[], env: Record<string, string>) {
  // #region create
  const root = await DefaultRootConfig.create({
    argv,
    env,
    cwd: new URL('.', import.meta.url).pathname,
    schemas: [bookmarksSchema],
    watch: false,
    // Only this folder's schema, not those of every package in the workspace.
    packageSchemas: false,
    logger: { info: () => {}, warn: () => {}, error: () => {} },
  });
  // #endregion create
  return { config: root.config, secrets: root.secrets, close: () => root.close() };
}
