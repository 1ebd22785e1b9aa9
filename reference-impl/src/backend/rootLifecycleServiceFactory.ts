import type { Config } from '@openstage/spec';
import { coreServices } from '../authoring/coreServices.js';
import { createServiceFactory } from '../authoring/createServiceFactory.js';
import { closeRootConfig } from '../services/rootConfig/index.js';
import { DefaultRootLifecycleService } from '../services/rootLifecycle/index.js';

/**
 * A root lifecycle that, once its shutdown hooks have settled, stops the file watching and
 * remote polling of the default `rootConfig` (RCFG-039). Config reloads stay possible for the
 * whole shutdown, so a hook that reads config still sees a live service.
 */
class ConfigClosingRootLifecycleService extends DefaultRootLifecycleService {
  readonly #config: Config;

  constructor(
    logger: ConstructorParameters<typeof DefaultRootLifecycleService>[0],
    config: Config,
  ) {
    super(logger);
    this.#config = config;
  }

  override async shutdown(
    ...args: Parameters<DefaultRootLifecycleService['shutdown']>
  ): Promise<void> {
    try {
      await super.shutdown(...args);
    } finally {
      closeRootConfig(this.#config);
    }
  }
}

/**
 * The `core.rootLifecycle` factory of `createBackend()`: the default root lifecycle, plus closing
 * the default `rootConfig` after the root shutdown phase. With any other `rootConfig` the
 * closing does nothing.
 */
export const rootLifecycleServiceFactory = createServiceFactory({
  service: coreServices.rootLifecycle,
  deps: { logger: coreServices.rootLogger, config: coreServices.rootConfig },
  factory: ({ logger, config }) =>
    new ConfigClosingRootLifecycleService(logger.child({ service: 'rootLifecycle' }), config),
});
