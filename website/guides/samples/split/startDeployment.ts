import { createBackend, rootConfigServiceFactory } from '@openstage/reference-impl/defaults';
import { bookmarksPlugin } from '../plugin/bookmarksPlugin.js';
import { digestPlugin } from './digestPlugin.js';

const here = new URL('.', import.meta.url).pathname;

// #region deployments
/** The plugins each deployment installs: the only difference between the two packages. */
const deployments = {
  a: [bookmarksPlugin],
  b: [digestPlugin],
};

/**
 * Starts one deployment: the shared file plus the deployment's own file, so that
 * `discovery.endpoints` points each one at the other.
 */
export async function startDeployment(name: 'a' | 'b', env: Record<string, string>) {
  const backend = createBackend();
  backend.add(
    rootConfigServiceFactory({
      argv: [
        '--config',
        `${here}app-config.yaml`,
        '--config',
        `${here}app-config.deployment-${name}.yaml`,
      ],
      env,
      watch: false,
    }),
  );
  for (const feature of deployments[name]) backend.add(feature);
  await backend.start();
  return backend;
}
// #endregion deployments
