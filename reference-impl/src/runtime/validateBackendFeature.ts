import { OpenstageError, describeCause } from '../errors/OpenstageError.js';
import {
  BACKEND_FEATURE_TYPE,
  BACKEND_FEATURE_VERSION,
  EXTENSION_POINT_TYPE,
} from '../wireFormat/constants.js';
import type {
  InternalBackendFeatureLoader,
  InternalRegistration,
  InternalRegistrationsFeature,
  InternalServiceFactory,
} from '../wireFormat/types.js';

/** A validated feature, classified by kind. */
export type ClassifiedFeature =
  | { type: 'service'; feature: InternalServiceFactory }
  | { type: 'loader'; feature: InternalBackendFeatureLoader }
  | { type: 'registrations'; feature: InternalRegistrationsFeature };

/** Describes a value for "received ..." in messages, without dumping it. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return 'an array';
  return 'an object';
}

type ShapeCode =
  | 'FEAT_NOT_A_FEATURE'
  | 'FEAT_INVALID_TYPE_TAG'
  | 'FEAT_UNSUPPORTED_VERSION'
  | 'FEAT_UNKNOWN_FEATURE_TYPE'
  | 'FEAT_INVALID_REGISTRATIONS'
  | 'FEAT_INVALID_REGISTRATION'
  | 'FEAT_INVALID_EXTENSION_POINT_REF'
  | 'FEAT_INVALID_SERVICE_REF'
  | 'FEAT_INVALID_SERVICE_FACTORY'
  | 'FEAT_INVALID_LOADER';

function invalid(code: ShapeCode, path: string, expected: string, value: unknown): never {
  throw new OpenstageError(code, { path, expected, received: describeValue(value) });
}

type Fields = { [key: string]: unknown };

function assertObject(
  code: ShapeCode,
  value: unknown,
  path: string,
  expected = 'an object',
): asserts value is Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    invalid(code, path, expected, value);
  }
}

function assertString(code: ShapeCode, value: unknown, path: string): asserts value is string {
  if (typeof value !== 'string') invalid(code, path, 'a string', value);
}

function assertFunction(
  code: ShapeCode,
  value: unknown,
  path: string,
): asserts value is (...args: unknown[]) => unknown {
  if (typeof value !== 'function') invalid(code, path, 'a function', value);
}

function assertArray(code: ShapeCode, value: unknown, path: string): asserts value is unknown[] {
  if (!Array.isArray(value)) invalid(code, path, 'an array', value);
}

/** A service ref is an object with a string `id` and a `'root' | 'plugin'` scope; `$$type` is not checked. */
export function validateServiceRef(value: unknown, path: string): void {
  assertObject('FEAT_INVALID_SERVICE_REF', value, path, 'a service reference object');
  assertString('FEAT_INVALID_SERVICE_REF', value['id'], `${path}.id`);
  if (value['scope'] !== 'root' && value['scope'] !== 'plugin') {
    invalid('FEAT_INVALID_SERVICE_REF', `${path}.scope`, '"root" or "plugin"', value['scope']);
  }
}

/**
 * A dependency of a service factory or feature loader: an extension point ref
 * is only shape-checked here, so that preflight can report it with its own
 * code (EXT_ILLEGAL_DEPENDENCY, EXT-024, EXT-025) instead of as a bad service ref.
 */
function validateDependencyRef(value: unknown, path: string): void {
  if (
    typeof value === 'object' &&
    value !== null &&
    (value as Fields)['$$type'] === EXTENSION_POINT_TYPE
  ) {
    validateExtensionPointRef(value, path);
  } else {
    validateServiceRef(value, path);
  }
}

function validateExtensionPointRef(value: unknown, path: string): void {
  assertObject(
    'FEAT_INVALID_EXTENSION_POINT_REF',
    value,
    path,
    'an extension point reference object',
  );
  assertString('FEAT_INVALID_EXTENSION_POINT_REF', value['id'], `${path}.id`);
}

function validateEnvelope(value: unknown, path: string): asserts value is Fields {
  if ((typeof value !== 'object' || value === null) && typeof value !== 'function') {
    invalid('FEAT_NOT_A_FEATURE', path, 'an object or function', value);
  }
  const fields = value as Fields;
  if (fields['$$type'] !== BACKEND_FEATURE_TYPE) {
    invalid(
      'FEAT_INVALID_TYPE_TAG',
      `${path}.$$type`,
      `"${BACKEND_FEATURE_TYPE}"`,
      fields['$$type'],
    );
  }
  if (fields['version'] !== BACKEND_FEATURE_VERSION) {
    invalid(
      'FEAT_UNSUPPORTED_VERSION',
      `${path}.version`,
      `"${BACKEND_FEATURE_VERSION}"`,
      fields['version'],
    );
  }
}

/** Validates a service factory's tag, version, ref and deps. */
export function validateServiceFactory(value: unknown, path: string): InternalServiceFactory {
  validateEnvelope(value, path);
  validateServiceRef(value['service'], `${path}.service`);
  assertObject(
    'FEAT_INVALID_SERVICE_FACTORY',
    value['deps'],
    `${path}.deps`,
    'a dependency object',
  );
  for (const [name, ref] of Object.entries(value['deps'])) {
    validateDependencyRef(ref, `${path}.deps.${name}`);
  }
  assertFunction('FEAT_INVALID_SERVICE_FACTORY', value['factory'], `${path}.factory`);
  if (value['createRootContext'] !== undefined) {
    assertFunction(
      'FEAT_INVALID_SERVICE_FACTORY',
      value['createRootContext'],
      `${path}.createRootContext`,
    );
  }
  const initialization = value['initialization'];
  if (initialization !== undefined && initialization !== 'always' && initialization !== 'lazy') {
    invalid(
      'FEAT_INVALID_SERVICE_FACTORY',
      `${path}.initialization`,
      '"always", "lazy" or undefined',
      initialization,
    );
  }
  return value as unknown as InternalServiceFactory;
}

/**
 * Validates the envelope of a feature and classifies it. The tag and version
 * are checked before anything else; the kind comes from `featureType`, with
 * the same duck-typing fallback Backstage uses.
 */
export function validateBackendFeature(value: unknown, path: string): ClassifiedFeature {
  validateEnvelope(value, path);
  if (value['featureType'] === 'service' || 'service' in value) {
    return { type: 'service', feature: validateServiceFactory(value, path) };
  }
  if (value['featureType'] === 'loader') {
    assertFunction('FEAT_INVALID_LOADER', value['loader'], `${path}.loader`);
    if (value['deps'] !== undefined) {
      assertObject('FEAT_INVALID_LOADER', value['deps'], `${path}.deps`, 'a dependency object');
      for (const [name, ref] of Object.entries(value['deps'])) {
        validateDependencyRef(ref, `${path}.deps.${name}`);
      }
    }
    return { type: 'loader', feature: value as unknown as InternalBackendFeatureLoader };
  }
  if (value['featureType'] === 'registrations' || 'getRegistrations' in value) {
    assertFunction(
      'FEAT_INVALID_REGISTRATIONS',
      value['getRegistrations'],
      `${path}.getRegistrations`,
    );
    return { type: 'registrations', feature: value as unknown as InternalRegistrationsFeature };
  }
  return invalid(
    'FEAT_UNKNOWN_FEATURE_TYPE',
    `${path}.featureType`,
    '"service", "registrations", or "loader"',
    value['featureType'],
  );
}

/** Describes a feature for error paths, when it carries something recognisable. */
export function describeBackendFeature(value: unknown): string | undefined {
  if ((typeof value !== 'object' || value === null) && typeof value !== 'function') {
    return undefined;
  }
  const fields = value as Fields;
  const service = fields['service'];
  if (
    typeof service === 'object' &&
    service !== null &&
    typeof (service as Fields)['id'] === 'string'
  ) {
    return `service factory for ${JSON.stringify((service as Fields)['id'])}`;
  }
  if (fields['featureType'] === 'loader' && typeof fields['description'] === 'string') {
    return `feature loader ${fields['description']}`;
  }
  return undefined;
}

/** Validates one registration record. `path` names the feature it came from. */
export function validateRegistration(value: unknown, path: string): InternalRegistration {
  assertObject('FEAT_INVALID_REGISTRATIONS', value, path, 'a registration object');
  const type = value['type'];
  const isPlugin = type === 'plugin' || type === 'plugin-v1.1';
  const isModule = type === 'module' || type === 'module-v1.1';
  if (!isPlugin && !isModule) {
    throw new OpenstageError('FEAT_UNKNOWN_REGISTRATION_TYPE', {
      path,
      registrationType: String(type),
    });
  }
  const bad = 'FEAT_INVALID_REGISTRATION';
  assertString(bad, value['pluginId'], `${path}.pluginId`);
  const pluginId = value['pluginId'];
  const moduleId =
    isModule && typeof value['moduleId'] === 'string' ? value['moduleId'] : undefined;
  try {
    if (isModule) assertString(bad, value['moduleId'], `${path}.moduleId`);
    validateRegistrationBody(value, path, type, isModule);
  } catch (error) {
    // FEAT-022: an error inside a registration names its plugin and module.
    if (!(error instanceof OpenstageError)) throw error;
    const details = {
      ...(error.details as object),
      pluginId,
      ...(moduleId !== undefined ? { moduleId } : {}),
    };
    throw new OpenstageError(error.code, details as never, { cause: error.cause });
  }
  return value as unknown as InternalRegistration;
}

const ID_PATTERN_OLD = /^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/i;

function validateRegistrationBody(
  value: Fields,
  path: string,
  type: unknown,
  isModule: boolean,
): void {
  const bad = 'FEAT_INVALID_REGISTRATION';
  // FEAT-066: ids that not even the legacy pattern accepts.
  for (const key of isModule ? ['pluginId', 'moduleId'] : ['pluginId']) {
    if (!ID_PATTERN_OLD.test(value[key] as string)) {
      throw new OpenstageError('FEAT_INVALID_ID', {
        pluginId: value['pluginId'] as string,
        ...(isModule ? { moduleId: value['moduleId'] as string } : {}),
        path: `${path}.${key}`,
      });
    }
  }
  assertArray(bad, value['extensionPoints'], `${path}.extensionPoints`);
  value['extensionPoints'].forEach((item, index) => {
    const itemPath = `${path}.extensionPoints[${index}]`;
    if (type === 'plugin' || type === 'module') {
      assertArray(bad, item, itemPath);
      validateExtensionPointRef(item[0], `${itemPath}[0]`);
    } else {
      assertObject(bad, item, itemPath, 'an extension point registration object');
      validateExtensionPointRef(item['extensionPoint'], `${itemPath}.extensionPoint`);
      assertFunction(bad, item['factory'], `${itemPath}.factory`);
    }
  });
  const init = value['init'];
  assertObject(bad, init, `${path}.init`, 'an init registration object');
  assertObject(bad, init['deps'], `${path}.init.deps`, 'a dependency object');
  assertFunction(bad, init['func'], `${path}.init.func`);
  for (const [name, ref] of Object.entries(init['deps'])) {
    const depPath = `${path}.init.deps.${name}`;
    const isExtensionPoint =
      typeof ref === 'object' && ref !== null && (ref as Fields)['$$type'] === EXTENSION_POINT_TYPE;
    if (isExtensionPoint) {
      // A plugin depending on an extension point is reported by preflight
      // with its own code (EXT_ILLEGAL_DEPENDENCY); only the shape is checked here.
      validateExtensionPointRef(ref, depPath);
    } else {
      validateServiceRef(ref, depPath);
    }
  }
}

/** Calls `getRegistrations()` and validates every record it returns. */
export function validateRegistrations(
  feature: InternalRegistrationsFeature,
  source: string,
): InternalRegistration[] {
  let registrations: unknown;
  try {
    registrations = feature.getRegistrations();
  } catch (error) {
    throw new OpenstageError(
      'FEAT_REGISTRATION_FAILED',
      { path: source, cause: describeCause(error) },
      { cause: error },
    );
  }
  assertArray('FEAT_INVALID_REGISTRATIONS', registrations, `${source}.getRegistrations()`);
  return registrations.map((r, index) =>
    validateRegistration(r, `${source}.getRegistrations()[${index}]`),
  );
}
