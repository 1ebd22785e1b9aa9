/**
 * The handle returned by `Config.subscribe`, used to stop listening for configuration changes.
 *
 * **When to use**: keep it and call `unsubscribe` when the listener is no longer needed, for
 * example in a shutdown hook.
 *
 * @requirement RCFG-026
 * @see {@link Config}
 * @category config
 * @since 0.1.0
 */
export interface ConfigSubscription {
  /** Stops calling the listener. */
  unsubscribe: () => void;
}
