/**
 * The identifiers that say which part of a backend an error or a finding is about.
 *
 * **When to use**: read them from an {@link OpenstageError} or a {@link ValidationFinding} to
 * locate the problem without parsing the message.
 *
 * **Details**: each property is present only when the requirement that defines the error or
 * finding names it. Messages are free text and may change between implementations; these
 * properties, together with `code`, are the stable part.
 *
 * @requirement BACK-062
 * @requirement INIT-113
 * @requirement INIT-114
 * @requirement FEAT-016
 * @requirement FEAT-022
 * @requirement CLS-038
 * @see {@link OpenstageError}
 * @see {@link ValidationFinding}
 * @category errors
 * @since 0.1.0
 */
export interface Culprit {
  /** Where a feature validation problem lies, such as `features[3].featureType`. */
  path?: string;
  /** The plugin concerned. */
  pluginId?: string;
  /** The module concerned, together with `pluginId`. */
  moduleId?: string;
  /** The service concerned. */
  serviceId?: string;
  /** The extension point concerned. */
  extensionPointId?: string;
  /** The description of the feature loader concerned or that produced the feature concerned. */
  loader?: string;
  /** The configuration key concerned, as a dot-separated path. */
  configPath?: string;
  /** The key under which the offending dependency is listed in `deps`. */
  dependencyKey?: string;
  /** The offending ref, rendered as `serviceRef{<id>}` or `extensionPoint{<id>}`. */
  ref?: string;
  /** A dependency cycle, as ids that start and end with the same id. */
  cycle?: string[];
  /** The npm package concerned, for errors of package discovery. */
  packageName?: string;
}
