import { join } from 'node:path';
import { assertFeatureId } from '../ids/assertFeatureId.js';
import { assertServiceName } from '../ids/assertServiceName.js';
import { toKebabCase } from '../ids/toKebabCase.js';
import type { PackagePlan, PlanContext } from './PackagePlan.js';
import { packageName } from './packageName.js';
import { serviceTemplate } from './serviceTemplate.js';

/**
 * `openstage new service <name>`: with a plugin, its backend library
 * `<scope>/plugin-<pluginId>-node` and the id `<pluginId>.<name>` (NAME-032, NAME-044);
 * without, a library `<scope>/<name-in-kebab-case>-service` and the id `<name>`.
 */
export function planService(
  name: string,
  options: { pluginId?: string; root: boolean },
  context: PlanContext,
): PackagePlan {
  assertServiceName(name);
  const { pluginId } = options;
  if (pluginId !== undefined) assertFeatureId('plugin id', pluginId);
  const serviceId = pluginId === undefined ? name : `${pluginId}.${name}`;
  const base = pluginId === undefined ? `${toKebabCase(name)}-service` : `plugin-${pluginId}-node`;
  const npmName = packageName(context.scope, base);
  return {
    what: `service '${serviceId}'`,
    packageName: npmName,
    dir: context.target(
      pluginId === undefined ? join('packages', base) : join('plugins', `${pluginId}-node`),
    ),
    files: serviceTemplate({
      name,
      serviceId,
      scope: options.root ? 'root' : 'plugin',
      packageName: npmName,
      ...(pluginId !== undefined ? { pluginId } : {}),
    }),
    notes: [],
  };
}
