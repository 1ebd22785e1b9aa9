import { join } from 'node:path';
import { assertFeatureId } from '../ids/assertFeatureId.js';
import type { PackagePlan, PlanContext } from './PackagePlan.js';
import { packageName } from './packageName.js';
import { pluginTemplate } from './pluginTemplate.js';

/** `openstage new plugin <pluginId>`: `<scope>/plugin-<pluginId>-backend` (NAME-040). */
export function planPlugin(pluginId: string, context: PlanContext): PackagePlan {
  assertFeatureId('plugin id', pluginId);
  const name = packageName(context.scope, `plugin-${pluginId}-backend`);
  return {
    what: `plugin '${pluginId}'`,
    packageName: name,
    dir: context.target(join('plugins', `${pluginId}-backend`)),
    files: pluginTemplate({ pluginId, packageName: name }),
    notes: [],
  };
}
