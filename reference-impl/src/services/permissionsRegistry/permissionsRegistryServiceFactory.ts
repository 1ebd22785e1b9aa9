import { coreServices } from '../../authoring/coreServices.js';
import { createServiceFactory } from '../../authoring/createServiceFactory.js';
import { DefaultPermissionsRegistryService } from './DefaultPermissionsRegistryService.js';
import { createPermissionIntegrationRouter } from './createPermissionIntegrationRouter.js';

/**
 * The default `core.permissionsRegistry` factory (PREG-001): one registry per plugin, shared by
 * the plugin and its modules (PREG-017), with its routes on the plugin's router (PREG-020).
 */
export const permissionsRegistryServiceFactory = createServiceFactory({
  service: coreServices.permissionsRegistry,
  deps: {
    lifecycle: coreServices.lifecycle,
    httpRouter: coreServices.httpRouter,
    pluginMetadata: coreServices.pluginMetadata,
  },
  factory: ({ lifecycle, httpRouter, pluginMetadata }) => {
    const registry = new DefaultPermissionsRegistryService(pluginMetadata.getId(), lifecycle);
    httpRouter.use(createPermissionIntegrationRouter(registry));
    return registry;
  },
});
