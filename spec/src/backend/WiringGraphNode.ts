import type { ServiceScope } from '../wire/ServiceScope.js';
import type { WiringGraphFactory } from './WiringGraphFactory.js';

/**
 * A node of the wiring graph: a plugin, a module, a service or an extension point.
 *
 * **When to use**: in the `nodes` of a {@link WiringGraph}; discriminate on `kind`.
 *
 * **Details**: node ids are `plugin:<pluginId>`, `module:<pluginId>/<moduleId>`,
 * `service:<serviceId>` and `extensionPoint:<id>`. A plugin node with `installed: false` is the
 * target of an orphan module's `extends` edge.
 *
 * @requirement BACK-080
 * @requirement BACK-081
 * @requirement BACK-082
 * @requirement BACK-083
 * @requirement BACK-084
 * @requirement BACK-086
 * @requirement BACK-087
 * @see {@link WiringGraph}
 * @category backend
 * @since 0.1.0
 */
export type WiringGraphNode =
  | {
      /** `plugin:<pluginId>`. */
      id: `plugin:${string}`;
      /** A plugin. */
      kind: 'plugin';
      /** The plugin id. */
      pluginId: string;
      /** Whether a plugin registration carries this id. */
      installed: boolean;
    }
  | {
      /** `module:<pluginId>/<moduleId>`. */
      id: `module:${string}/${string}`;
      /** A module. */
      kind: 'module';
      /** The id of the plugin the module extends. */
      pluginId: string;
      /** The module id. */
      moduleId: string;
    }
  | {
      /** `service:<serviceId>`. */
      id: `service:${string}`;
      /** A service. */
      kind: 'service';
      /** The service id. */
      serviceId: string;
      /** The service's scope. */
      scope: ServiceScope;
      /** Whether the service is a multiton. */
      multiton: boolean;
      /** The factories that take effect, in registration order. */
      factories: WiringGraphFactory[];
      /** The factories replaced by one of higher precedence, in registration order. */
      overridden: WiringGraphFactory[];
    }
  | {
      /** `extensionPoint:<id>`. */
      id: `extensionPoint:${string}`;
      /** An extension point. */
      kind: 'extensionPoint';
      /** The extension point id. */
      extensionPointId: string;
      /** The id of the plugin whose registration registers it, when one does. */
      pluginId?: string;
    };
