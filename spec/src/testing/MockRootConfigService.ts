import type { JsonObject } from '../json/JsonObject.js';
import type { RootConfigService } from '../services/rootConfig/RootConfigService.js';

/**
 * The fake of `mockServices.rootConfig`: a configuration read from a plain object, which a test
 * can replace.
 *
 * **When to use**: to test how a plugin reacts to configuration changes.
 *
 * @requirement TEST-071
 * @requirement TEST-072
 * @see {@link MockServices}
 * @category testing
 * @since 0.1.0
 */
export type MockRootConfigService = RootConfigService & {
  /** Replaces the whole configuration and notifies every subscriber. */
  update: (options: { data: JsonObject }) => void;
};
