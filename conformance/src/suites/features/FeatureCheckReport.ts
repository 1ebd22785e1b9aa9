import type { ExportedFeature } from './listExportedFeatures.js';

/** One check of a feature package and how it went. */
export interface FeatureCheckResult {
  id: string;
  requirements: string[];
  /** The strongest keyword among the requirements. */
  level: 'MUST' | 'SHOULD' | 'MAY';
  description: string;
  status: 'passed' | 'failed' | 'skipped';
  /** Why it failed or was skipped. */
  message?: string;
}

/** A service a service library exports, as the report lists it. */
export interface ServiceLibraryEntry {
  id: string;
  scope: 'root' | 'plugin';
  /** The export name of its ref, when the library exports one. */
  ref?: string;
  /** The export name of its factory, when the library exports one. */
  factory?: string;
}

/** The result of `checkFeaturePackage`. */
export interface FeatureCheckReport {
  format: 'openstage.feature-check-report';
  formatVersion: 1;
  /** The package directory, module file or label checked. */
  target: string;
  packageName?: string;
  adapter: string;
  /**
   * What kind of package was checked, which decides the checks: `feature` for a plugin or
   * module package (a feature as default export), `service-library` for a library that
   * exports service refs and service factories by name.
   */
  kind: 'feature' | 'service-library';
  /** What the default export is, when it could be read (kind `feature`). */
  feature?: { featureType: string; pluginId?: string; moduleId?: string; serviceId?: string };
  /**
   * Every feature the package exports, default and named, with the plugin id of each plugin,
   * the plugin and module ids of each module and the service id of each service factory: the
   * feature package claim of CLS-011. Present when the entry point loaded.
   */
  exports?: ExportedFeature[];
  /** The services the library exports (kind `service-library`). */
  services?: ServiceLibraryEntry[];
  checks: FeatureCheckResult[];
  /** `true` when no check failed. */
  ok: boolean;
}
