import { EXTENSION_POINT_TYPE, FEATURE_TYPE } from '../../features/wireConstants.js';

/** What the feature suite learned about a feature from its wire format alone. */
export interface FeatureFacts {
  featureType: 'registrations' | 'service' | 'loader';
  /** Registration records of a registrations feature (from one `getRegistrations()` call). */
  registrations: {
    type: string;
    pluginId: string;
    moduleId?: string;
    /** Ids of the extension points the record registers. */
    provides: string[];
    /** Ids of the extension points its init depends on. */
    consumes: string[];
  }[];
  /** Every problem found, each starting with the path of the culprit. */
  problems: string[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'object') return 'an object';
  return JSON.stringify(value) ?? String(value);
}

/**
 * Checks a package's default export against the feature rules of the wire format (FEAT-001 to
 * FEAT-003, FEAT-023 to FEAT-027, FEAT-068, FEAT-079), as an authoring library must produce it.
 * Calls `getRegistrations()` once; never calls an init or a factory.
 */
export function inspectFeature(feature: unknown, root = 'default'): FeatureFacts {
  const facts: FeatureFacts = { featureType: 'registrations', registrations: [], problems: [] };
  const problem = (path: string, expected: string, received: unknown) =>
    void facts.problems.push(`${path}: expected ${expected}, received ${describe(received)}`);
  if (!isObject(feature)) {
    problem(root, 'a feature object', feature);
    return facts;
  }
  if (feature['$$type'] !== FEATURE_TYPE)
    problem(`${root}.$$type`, `'${FEATURE_TYPE}'`, feature['$$type']);
  if (feature['version'] !== 'v1') problem(`${root}.version`, "'v1'", feature['version']);
  const featureType = feature['featureType'];
  if (featureType !== 'registrations' && featureType !== 'service' && featureType !== 'loader') {
    problem(`${root}.featureType`, "'registrations', 'service' or 'loader'", featureType);
    return facts;
  }
  facts.featureType = featureType;
  if (featureType === 'service') {
    const service = feature['service'];
    if (!isObject(service) || typeof service['id'] !== 'string')
      problem(`${root}.service`, 'a service ref with a string id', service);
    if (typeof feature['factory'] !== 'function')
      problem(`${root}.factory`, 'a function', feature['factory']);
    return facts;
  }
  if (featureType === 'loader') {
    if (typeof feature['loader'] !== 'function')
      problem(`${root}.loader`, 'a function', feature['loader']);
    return facts;
  }
  const getRegistrations = feature['getRegistrations'];
  if (typeof getRegistrations !== 'function') {
    problem(`${root}.getRegistrations`, 'a function', getRegistrations);
    return facts;
  }
  let records: unknown;
  try {
    records = (getRegistrations as () => unknown).call(feature);
  } catch (error) {
    facts.problems.push(
      `${root}.getRegistrations(): threw ${error instanceof Error ? error.message : String(error)}`,
    );
    return facts;
  }
  if (!Array.isArray(records)) {
    problem(`${root}.getRegistrations()`, 'an array of registration records', records);
    return facts;
  }
  if (records.length !== 1)
    facts.problems.push(
      `${root}.getRegistrations(): expected exactly one registration record (FEAT-024, FEAT-025), received ${records.length}`,
    );
  records.forEach((record: unknown, index) => {
    const path = `${root}.getRegistrations()[${index}]`;
    if (!isObject(record)) return problem(path, 'a registration record', record);
    const type = record['type'];
    if (type !== 'plugin-v1.1' && type !== 'module-v1.1')
      return problem(`${path}.type`, "'plugin-v1.1' or 'module-v1.1'", type);
    const pluginId = record['pluginId'];
    if (typeof pluginId !== 'string') problem(`${path}.pluginId`, 'a string', pluginId);
    const moduleId = record['moduleId'];
    if (type === 'module-v1.1' && typeof moduleId !== 'string')
      problem(`${path}.moduleId`, 'a string', moduleId);
    if (!Array.isArray(record['connections']))
      problem(`${path}.connections`, 'an array', record['connections']);
    const provides: string[] = [];
    const extensionPoints = record['extensionPoints'];
    if (!Array.isArray(extensionPoints))
      problem(`${path}.extensionPoints`, 'an array', extensionPoints);
    else
      extensionPoints.forEach((entry: unknown, i) => {
        const at = `${path}.extensionPoints[${i}]`;
        if (!isObject(entry)) return problem(at, '{ extensionPoint, factory }', entry);
        const ep = entry['extensionPoint'];
        if (!isObject(ep) || typeof ep['id'] !== 'string')
          problem(`${at}.extensionPoint`, 'an extension point ref with a string id', ep);
        else provides.push(ep['id']);
        if (typeof entry['factory'] !== 'function')
          problem(`${at}.factory`, 'a function', entry['factory']);
      });
    const consumes: string[] = [];
    const init = record['init'];
    if (!isObject(init)) problem(`${path}.init`, '{ deps, func }', init);
    else {
      if (typeof init['func'] !== 'function')
        problem(`${path}.init.func`, 'a function', init['func']);
      const deps = init['deps'];
      if (!isObject(deps)) problem(`${path}.init.deps`, 'an object of refs', deps);
      else
        for (const [key, dep] of Object.entries(deps)) {
          const at = `${path}.init.deps.${key}`;
          if (!isObject(dep) || typeof dep['id'] !== 'string') {
            problem(at, 'a service ref or extension point ref with a string id', dep);
          } else if (dep['$$type'] === EXTENSION_POINT_TYPE) {
            if (type === 'plugin-v1.1')
              facts.problems.push(
                `${at}: a plugin may not depend on an extension point (PLUG-008), received extensionPoint{${String(dep['id'])}}`,
              );
            consumes.push(dep['id']);
          } else if (dep['scope'] !== 'root' && dep['scope'] !== 'plugin') {
            problem(`${at}.scope`, "'root' or 'plugin'", dep['scope']);
          }
        }
    }
    if (typeof pluginId === 'string')
      facts.registrations.push({
        type,
        pluginId,
        ...(typeof moduleId === 'string' && type === 'module-v1.1' ? { moduleId } : {}),
        provides,
        consumes,
      });
  });
  return facts;
}
