import { FEATURE_TYPE } from '../../features/wireConstants.js';

/** One feature a package exports, as its claim names it (CLS-011). */
export interface ExportedFeature {
  /** The export name: `default` or the named export. */
  export: string;
  featureType: 'registrations' | 'service' | 'loader';
  /** The plugin id of a plugin, or of the plugin a module extends. */
  pluginId?: string;
  /** The module id of a module. */
  moduleId?: string;
  /** The service id of a service factory. */
  serviceId?: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  (typeof value === 'object' || typeof value === 'function') && value !== null;

const FEATURE_FACTORY_TYPE = '@backstage/BackendFeatureFactory';

/** The feature behind an export: the value itself, or what a feature factory returns (FEAT-100). */
function featureOf(value: unknown): Record<string, unknown> | undefined {
  let feature = value;
  if (
    typeof value === 'function' &&
    (value as { $$type?: unknown }).$$type === FEATURE_FACTORY_TYPE
  )
    try {
      feature = (value as () => unknown)();
    } catch {
      // A factory that throws is reported by the default-export check; it exports no feature.
      return undefined;
    }
  return isObject(feature) && feature['$$type'] === FEATURE_TYPE ? feature : undefined;
}

/** The records of a registrations feature, or none when `getRegistrations()` is unusable. */
function recordsOf(feature: Record<string, unknown>): Record<string, unknown>[] {
  const get = feature['getRegistrations'];
  if (typeof get !== 'function') return [];
  try {
    const records: unknown = (get as () => unknown).call(feature);
    return Array.isArray(records) ? records.filter(isObject) : [];
  } catch {
    // The default-export check names the throw; the listing only reports what can be read.
    return [];
  }
}

/**
 * Every feature a package's module namespace exports, the default export first, naming the
 * plugin id of each plugin, the plugin and module ids of each module and the service id of each
 * service factory (CLS-011). A registrations feature with several records gets one entry per
 * record. Values that are not features (refs, helpers, types) are left out.
 */
export function listExportedFeatures(namespace: Record<string, unknown>): ExportedFeature[] {
  const names = Object.keys(namespace).sort((a, b) =>
    a === 'default' ? -1 : b === 'default' ? 1 : a.localeCompare(b),
  );
  const listed: ExportedFeature[] = [];
  for (const name of names) {
    const feature = featureOf(namespace[name]);
    if (!feature) continue;
    const featureType = feature['featureType'];
    if (featureType === 'service') {
      const service = feature['service'];
      const id = isObject(service) ? service['id'] : undefined;
      listed.push({
        export: name,
        featureType,
        ...(typeof id === 'string' ? { serviceId: id } : {}),
      });
    } else if (featureType === 'loader') {
      listed.push({ export: name, featureType });
    } else if (featureType === 'registrations') {
      const records = recordsOf(feature);
      if (records.length === 0) listed.push({ export: name, featureType });
      for (const record of records) {
        const { pluginId, moduleId } = record;
        listed.push({
          export: name,
          featureType,
          ...(typeof pluginId === 'string' ? { pluginId } : {}),
          ...(record['type'] === 'module-v1.1' && typeof moduleId === 'string' ? { moduleId } : {}),
        });
      }
    }
  }
  return listed;
}
