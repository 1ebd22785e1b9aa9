import type { DiscoveryService } from '@openstage/spec';
import { createServiceFactory } from '../authoring/createServiceFactory.js';
import { coreServiceRefs as refs } from './coreServiceRefs.js';
import type { TestServerSlot } from './createTestRootHttpRouterFactory.js';

/**
 * The discovery service of a test backend (TEST-028): every plugin is at
 * `http://localhost:<port>/api/<pluginId>`, `<port>` being the test server's. It depends on the
 * root HTTP router so the server is listening, and its port known, before any URL is built.
 */
export function createTestDiscoveryFactory(slot: TestServerSlot) {
  return createServiceFactory({
    service: refs.discovery,
    deps: { rootHttpRouter: refs.rootHttpRouter },
    createRootContext: (): DiscoveryService => {
      // Port 0 only when a feature replaced the root router; then nothing here knows the port.
      const url = async (pluginId: string) =>
        `http://localhost:${slot.server?.port() ?? 0}/api/${pluginId}`;
      return { getBaseUrl: url, getExternalBaseUrl: url };
    },
    factory: (_deps, discovery) => discovery,
  });
}
