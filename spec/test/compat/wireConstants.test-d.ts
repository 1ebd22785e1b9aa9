/**
 * The wire-format constants of the spec have exactly the literal types that the spec's and
 * Backstage's object types use, so a constant and a type cannot drift apart.
 */
import type * as Backstage from '@backstage/backend-plugin-api';
import type { ExtensionPointFactoryMiddleware as BackstageMiddleware } from '@backstage/backend-app-api';
import { describe, expectTypeOf, it } from 'vitest';
import type * as Spec from '../../src/index.js';
import type {
  BACKEND_FEATURE_FACTORY_TYPE,
  BACKEND_FEATURE_TYPE,
  CREDENTIALS_TYPE,
  EXTENSION_POINT_FACTORY_MIDDLEWARE_TYPE,
  EXTENSION_POINT_TYPE,
  FEATURE_VERSION,
  LEGACY_MODULE_REGISTRATION_TYPE,
  LEGACY_PLUGIN_REGISTRATION_TYPE,
  MODULE_REGISTRATION_TYPE,
  PLUGIN_REGISTRATION_TYPE,
  SERVICE_REF_TYPE,
} from '../../src/index.js';

describe('wire-format constants', () => {
  it('type tags', () => {
    expectTypeOf<typeof BACKEND_FEATURE_TYPE>().toEqualTypeOf<Spec.BackendFeature['$$type']>();
    expectTypeOf<typeof BACKEND_FEATURE_TYPE>().toEqualTypeOf<Backstage.BackendFeature['$$type']>();
    expectTypeOf<typeof SERVICE_REF_TYPE>().toEqualTypeOf<Spec.ServiceRef<unknown>['$$type']>();
    expectTypeOf<typeof SERVICE_REF_TYPE>().toEqualTypeOf<
      Backstage.ServiceRef<unknown>['$$type']
    >();
    expectTypeOf<typeof EXTENSION_POINT_TYPE>().toEqualTypeOf<
      Spec.ExtensionPoint<unknown>['$$type']
    >();
    expectTypeOf<typeof EXTENSION_POINT_TYPE>().toEqualTypeOf<
      Backstage.ExtensionPoint<unknown>['$$type']
    >();
    expectTypeOf<typeof EXTENSION_POINT_FACTORY_MIDDLEWARE_TYPE>().toEqualTypeOf<
      BackstageMiddleware['$$type']
    >();
    expectTypeOf<typeof EXTENSION_POINT_FACTORY_MIDDLEWARE_TYPE>().toEqualTypeOf<
      Spec.ExtensionPointFactoryMiddlewareWire['$$type']
    >();
    expectTypeOf<typeof BACKEND_FEATURE_FACTORY_TYPE>().toEqualTypeOf<
      Spec.BackendFeatureFactory['$$type']
    >();
    expectTypeOf<typeof CREDENTIALS_TYPE>().toEqualTypeOf<
      Backstage.BackstageCredentials['$$type']
    >();
    expectTypeOf<typeof CREDENTIALS_TYPE>().toEqualTypeOf<Spec.BackstageCredentials['$$type']>();
  });

  it('versions', () => {
    expectTypeOf<typeof FEATURE_VERSION>().toEqualTypeOf<Spec.RegistrationsFeature['version']>();
    expectTypeOf<typeof FEATURE_VERSION>().toEqualTypeOf<Spec.ServiceFactoryFeature['version']>();
    expectTypeOf<typeof FEATURE_VERSION>().toEqualTypeOf<Spec.FeatureLoaderFeature['version']>();
    expectTypeOf<typeof FEATURE_VERSION>().toEqualTypeOf<
      Spec.ExtensionPointFactoryMiddlewareWire['version']
    >();
    expectTypeOf<typeof FEATURE_VERSION>().toEqualTypeOf<
      Spec.BackstageCredentialsWire['version']
    >();
  });

  it('registration types', () => {
    expectTypeOf<typeof PLUGIN_REGISTRATION_TYPE>().toEqualTypeOf<
      Spec.PluginRegistration['type']
    >();
    expectTypeOf<typeof MODULE_REGISTRATION_TYPE>().toEqualTypeOf<
      Spec.ModuleRegistration['type']
    >();
    expectTypeOf<typeof LEGACY_PLUGIN_REGISTRATION_TYPE>().toEqualTypeOf<
      Spec.LegacyPluginRegistration['type']
    >();
    expectTypeOf<typeof LEGACY_MODULE_REGISTRATION_TYPE>().toEqualTypeOf<
      Spec.LegacyModuleRegistration['type']
    >();
    expectTypeOf<Spec.FeatureRegistration['type']>().toEqualTypeOf<
      'plugin-v1.1' | 'module-v1.1' | 'plugin' | 'module'
    >();
  });

  it('feature types', () => {
    expectTypeOf<Spec.BackendFeatureWire['featureType']>().toEqualTypeOf<Spec.BackendFeatureType>();
  });
});
