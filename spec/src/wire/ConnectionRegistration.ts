/**
 * A connection declared with `registerConnection`: a kind of external system a plugin or module
 * talks to.
 *
 * **When to use**: in registration points and registration records.
 *
 * **Details**: an alpha feature of Backstage with no runtime behaviour yet; the specification
 * fixes its shape so that producers agree. The `type` is unique within one plugin or module.
 * Same shape as Backstage's alpha `ConnectionRegistration`.
 *
 * @requirement FEAT-051
 * @requirement FEAT-058
 * @requirement FEAT-060
 * @see {@link PluginRegistration}
 * @category wire-format
 * @since 0.1.0
 */
export interface ConnectionRegistration {
  /** The kind of connection, unique within the plugin or module. */
  type: string;
  /** Whether the plugin or module cannot work without the connection. */
  required?: boolean;
  /** A human-readable description. */
  description?: string;
}
