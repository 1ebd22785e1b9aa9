import { coreServices } from '../../authoring/coreServices.js';
import { createServiceFactory } from '../../authoring/createServiceFactory.js';

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
  // The implementation loads when a plugin first asks for the registry, not with the package.
  factory: async ({ lifecycle, httpRouter, pluginMetadata }) => {
    const [{ DefaultPermissionsRegistryService }, { createPermissionIntegrationRouter }] =
      await Promise.all([
        import('./DefaultPermissionsRegistryService.js'),
        import('./createPermissionIntegrationRouter.js'),
      ]);
    const registry = new DefaultPermissionsRegistryService(pluginMetadata.getId(), lifecycle);
    httpRouter.use(createPermissionIntegrationRouter(registry));
    return registry;
  },
});
