import { join } from 'node:path';
import { assertFeatureId } from '../ids/assertFeatureId.js';
import { findExtensionPointSource } from './findExtensionPointSource.js';
import { moduleTemplate } from './moduleTemplate.js';
import type { PackagePlan, PlanContext } from './PackagePlan.js';
import { packageName } from './packageName.js';

/**
 * `openstage new module <pluginId> <moduleId>`: `<scope>/plugin-<pluginId>-backend-module-<moduleId>`
 * (NAME-042), using the extension points a built package of the plugin exports.
 */
export async function planModule(
  pluginId: string,
  moduleId: string,
  context: PlanContext,
): Promise<PackagePlan> {
  assertFeatureId('plugin id', pluginId);
  assertFeatureId('module id', moduleId);
  const name = packageName(context.scope, `plugin-${pluginId}-backend-module-${moduleId}`);
  const search = await findExtensionPointSource(pluginId, context.workspaceRoot);
  const used = search.source
    ? `Uses the extension point(s) ${search.source.extensionPoints
        .map((ep) => `${ep.exportName} (${ep.id})`)
        .join(', ')} of ${search.source.packageName}.`
    : `No built package of the workspace exports extension points of plugin '${pluginId}'; ` +
      `the module adds a route only.`;
  return {
    what: `module '${moduleId}' of plugin '${pluginId}'`,
    packageName: name,
    dir: context.target(join('plugins', `${pluginId}-backend-module-${moduleId}`)),
    files: moduleTemplate({
      pluginId,
      moduleId,
      packageName: name,
      ...(search.source ? { source: search.source } : {}),
    }),
    notes: [...search.notes, used],
  };
}
