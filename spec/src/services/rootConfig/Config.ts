import type { JsonValue } from '../../json/JsonValue.js';
import type { ConfigSubscription } from './ConfigSubscription.js';

/**
 * Read access to a tree of configuration values, addressed by dot-separated keys.
 *
 * **When to use**: through the `rootConfig` service, and for any sub-tree of it returned by
 * `getConfig` and friends.
 *
 * **Details**: keys are dot-separated paths relative to this node (`backend.listen.port`). The
 * `get*` readers throw when the value is missing or has the wrong type; the `getOptional*`
 * readers return `undefined` when it is missing and throw when it has the wrong type. The shape
 * matches `Config` of `@backstage/config` member for member, with function-typed properties in
 * place of methods.
 *
 * @requirement RCFG-002
 * @requirement RCFG-003
 * @requirement RCFG-004
 * @requirement RCFG-005
 * @requirement RCFG-020
 * @requirement RCFG-021
 * @requirement RCFG-022
 * @requirement RCFG-029
 * @see {@link RootConfigService}
 * @category config
 * @since 0.1.0
 */
export interface Config {
  /**
   * Registers `onChange` to be called whenever the configuration changes. Optional: a
   * configuration that never changes may leave it out.
   *
   * @requirement RCFG-024
   * @requirement RCFG-025
   * @requirement RCFG-026
   * @requirement RCFG-027
   * @requirement RCFG-028
   * @requirement RCFG-030
   */
  subscribe?: (onChange: () => void) => ConfigSubscription;
  /**
   * Whether a value exists at `key`.
   *
   * @requirement RCFG-006
   */
  has: (key: string) => boolean;
  /**
   * The keys directly below this node.
   *
   * @requirement RCFG-007
   */
  keys: () => string[];
  /**
   * The value at `key`, or the whole tree when `key` is omitted; throws when missing.
   *
   * @requirement RCFG-008
   * @requirement RCFG-009
   * @requirement RCFG-010
   */
  get: <T = JsonValue>(key?: string) => T;
  /**
   * The value at `key`, or the whole tree when `key` is omitted; `undefined` when missing.
   *
   * @requirement RCFG-008
   * @requirement RCFG-009
   */
  getOptional: <T = JsonValue>(key?: string) => T | undefined;
  /**
   * The object at `key` as a `Config`; throws when missing or not an object.
   *
   * @requirement RCFG-012
   * @requirement RCFG-020
   * @requirement RCFG-021
   */
  getConfig: (key: string) => Config;
  /**
   * The object at `key` as a `Config`, or `undefined` when missing.
   *
   * @requirement RCFG-020
   * @requirement RCFG-021
   */
  getOptionalConfig: (key: string) => Config | undefined;
  /**
   * The array of objects at `key`, each as a `Config`; throws when missing.
   *
   * @requirement RCFG-019
   * @requirement RCFG-020
   */
  getConfigArray: (key: string) => Config[];
  /**
   * The array of objects at `key`, each as a `Config`, or `undefined` when missing.
   *
   * @requirement RCFG-019
   * @requirement RCFG-020
   */
  getOptionalConfigArray: (key: string) => Config[] | undefined;
  /**
   * The number at `key`; throws when missing or not a number.
   *
   * @requirement RCFG-010
   * @requirement RCFG-011
   * @requirement RCFG-015
   * @requirement RCFG-016
   */
  getNumber: (key: string) => number;
  /**
   * The number at `key`, or `undefined` when missing.
   *
   * @requirement RCFG-015
   * @requirement RCFG-016
   */
  getOptionalNumber: (key: string) => number | undefined;
  /**
   * The boolean at `key`; throws when missing or not a boolean.
   *
   * @requirement RCFG-010
   * @requirement RCFG-011
   * @requirement RCFG-017
   * @requirement RCFG-018
   */
  getBoolean: (key: string) => boolean;
  /**
   * The boolean at `key`, or `undefined` when missing.
   *
   * @requirement RCFG-017
   * @requirement RCFG-018
   */
  getOptionalBoolean: (key: string) => boolean | undefined;
  /**
   * The string at `key`; throws when missing or not a string.
   *
   * @requirement RCFG-010
   * @requirement RCFG-011
   * @requirement RCFG-013
   * @requirement RCFG-014
   */
  getString: (key: string) => string;
  /**
   * The string at `key`, or `undefined` when missing.
   *
   * @requirement RCFG-013
   * @requirement RCFG-014
   */
  getOptionalString: (key: string) => string | undefined;
  /**
   * The array of strings at `key`; throws when missing.
   *
   * @requirement RCFG-009
   * @requirement RCFG-019
   */
  getStringArray: (key: string) => string[];
  /**
   * The array of strings at `key`, or `undefined` when missing.
   *
   * @requirement RCFG-009
   * @requirement RCFG-019
   */
  getOptionalStringArray: (key: string) => string[] | undefined;
}
