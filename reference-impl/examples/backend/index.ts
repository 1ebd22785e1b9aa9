/**
 * The Openstage example backend: `createBackend()` with every core service on its embedded
 * defaults, and three example plugins. `npm start` at the repository root runs it.
 */
import type { AddressInfo } from 'node:net';
import { createBackend } from '../../src/createBackend.js';
import { formatStartupSummary } from '../../src/runtime/index.js';
import { rootConfigServiceFactory } from '../../src/services/rootConfig/index.js';
import { rootHttpRouterServiceFactory } from '../../src/services/rootHttpRouter/index.js';
import { resolveExampleConfig } from './resolveExampleConfig.js';

const backend = createBackend();

// `--config` arguments replace the example's own file, as they do for any backend.
if (!process.argv.slice(2).some((arg) => arg === '--config' || arg.startsWith('--config='))) {
  backend.add(rootConfigServiceFactory({ argv: ['--config', resolveExampleConfig()] }));
}

// The default root router, keeping hold of the server to print where it really listens.
let listeningOn: (() => string) | undefined;
backend.add(
  rootHttpRouterServiceFactory({
    configure({ applyDefaults, server, config }) {
      applyDefaults();
      listeningOn = () => {
        const baseUrl = config.getOptional('backend.baseUrl');
        if (typeof baseUrl === 'string') return baseUrl;
        const { port } = server.address() as AddressInfo;
        return `http://localhost:${port}`;
      };
    },
  }),
);

backend.add(import('../plugins/todo/index.js'));
backend.add(import('../plugins/todo-backend-module-title-rules/index.js'));
backend.add(import('../plugins/stats/index.js'));

try {
  const { result } = await backend.start();
  const baseUrl = listeningOn?.() ?? 'http://localhost:7007';
  console.log(
    formatStartupSummary(result, baseUrl, {
      title: 'Openstage example backend',
      tips: [`Try:       curl ${baseUrl}/api/stats/summary`],
    }),
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await backend.stop();
  process.exitCode = 1;
}
