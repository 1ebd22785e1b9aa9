/**
 * Compatibility of the service interfaces of `@openstage/spec` with those of
 * `@backstage/backend-plugin-api` 1.10.1.
 *
 * Direction "Backstage -> Openstage" proves that Backstage's service implementations (and the
 * refs typed with them) satisfy the spec. Direction "Openstage -> Backstage" proves that an
 * implementation written against the spec can be handed to code written for Backstage.
 * Backstage declares its members as methods; ours are function-typed properties. A method is
 * assignable to a function-typed property when its parameters accept what the property's do,
 * which holds here, so both directions work except where noted.
 */
import type * as Backstage from '@backstage/backend-plugin-api';
import type { Config as BackstageConfig } from '@backstage/config';
import type { Knex } from 'knex';
import { describe, expectTypeOf, it } from 'vitest';
import type * as Spec from '../../src/index.js';

describe('service interfaces: Backstage -> Openstage and Openstage -> Backstage', () => {
  it('rootConfig', () => {
    expectTypeOf<Backstage.RootConfigService>().toExtend<Spec.RootConfigService>();
    expectTypeOf<Spec.RootConfigService>().toExtend<Backstage.RootConfigService>();
    expectTypeOf<BackstageConfig>().toExtend<Spec.Config>();
    expectTypeOf<Spec.Config>().toExtend<BackstageConfig>();
  });

  it('logger and rootLogger', () => {
    expectTypeOf<Backstage.LoggerService>().toExtend<Spec.LoggerService>();
    expectTypeOf<Spec.LoggerService>().toExtend<Backstage.LoggerService>();
    expectTypeOf<Backstage.RootLoggerService>().toExtend<Spec.RootLoggerService>();
    expectTypeOf<Spec.RootLoggerService>().toExtend<Backstage.RootLoggerService>();
  });

  it('lifecycle and rootLifecycle', () => {
    expectTypeOf<Backstage.LifecycleService>().toExtend<Spec.LifecycleService>();
    expectTypeOf<Spec.LifecycleService>().toExtend<Backstage.LifecycleService>();
    expectTypeOf<Backstage.RootLifecycleService>().toExtend<Spec.RootLifecycleService>();
    expectTypeOf<Spec.RootLifecycleService>().toExtend<Backstage.RootLifecycleService>();
    expectTypeOf<Backstage.LifecycleServiceStartupHook>().toExtend<Spec.LifecycleServiceStartupHook>();
    expectTypeOf<Spec.LifecycleServiceShutdownHook>().toExtend<Backstage.LifecycleServiceShutdownHook>();
    // The controllable interfaces are what a runtime needs; Backstage has no public type for them.
    expectTypeOf<Spec.ControllableLifecycleService>().toExtend<Backstage.LifecycleService>();
    expectTypeOf<Spec.ControllableRootLifecycleService>().toExtend<Backstage.RootLifecycleService>();
  });

  it('rootHttpRouter and httpRouter', () => {
    expectTypeOf<Backstage.RootHttpRouterService>().toExtend<Spec.RootHttpRouterService>();
    expectTypeOf<Spec.RootHttpRouterService>().toExtend<Backstage.RootHttpRouterService>();
    expectTypeOf<Backstage.HttpRouterService>().toExtend<Spec.HttpRouterService>();
    expectTypeOf<Spec.HttpRouterService>().toExtend<Backstage.HttpRouterService>();
    expectTypeOf<Backstage.HttpRouterServiceAuthPolicy>().toEqualTypeOf<Spec.HttpRouterServiceAuthPolicy>();
  });

  it('rootHealth', () => {
    expectTypeOf<Backstage.RootHealthService>().toExtend<Spec.RootHealthService>();
    expectTypeOf<Spec.RootHealthService>().toExtend<Backstage.RootHealthService>();
  });

  it('discovery', () => {
    expectTypeOf<Backstage.DiscoveryService>().toExtend<Spec.DiscoveryService>();
    expectTypeOf<Spec.DiscoveryService>().toExtend<Backstage.DiscoveryService>();
  });

  it('auth, httpAuth and userInfo', () => {
    expectTypeOf<Backstage.AuthService>().toExtend<Spec.AuthService>();
    expectTypeOf<Spec.AuthService>().toExtend<Backstage.AuthService>();
    expectTypeOf<Backstage.HttpAuthService>().toExtend<Spec.HttpAuthService>();
    expectTypeOf<Spec.HttpAuthService>().toExtend<Backstage.HttpAuthService>();
    expectTypeOf<Backstage.UserInfoService>().toExtend<Spec.UserInfoService>();
    expectTypeOf<Spec.UserInfoService>().toExtend<Backstage.UserInfoService>();
    expectTypeOf<Backstage.BackstageUserInfo>().toEqualTypeOf<Spec.BackstageUserInfo>();
  });

  it('permissions and permissionsRegistry', () => {
    expectTypeOf<Backstage.PermissionsService>().toExtend<Spec.PermissionsService>();
    expectTypeOf<Spec.PermissionsService>().toExtend<Backstage.PermissionsService>();
    expectTypeOf<Backstage.PermissionsRegistryService>().toExtend<Spec.PermissionsRegistryService>();
    expectTypeOf<Spec.PermissionsRegistryService>().toExtend<Backstage.PermissionsRegistryService>();
  });

  it('auditor', () => {
    expectTypeOf<Backstage.AuditorService>().toExtend<Spec.AuditorService>();
    expectTypeOf<Spec.AuditorService>().toExtend<Backstage.AuditorService>();
    expectTypeOf<Backstage.AuditorServiceEventSeverityLevel>().toEqualTypeOf<Spec.AuditorServiceEventSeverityLevel>();
  });

  it('database: Backstage -> Openstage always, Openstage -> Backstage with the knex client type', () => {
    expectTypeOf<Backstage.DatabaseService>().toExtend<Spec.DatabaseService>();
    expectTypeOf<Backstage.DatabaseService>().toExtend<Spec.DatabaseService<Knex>>();
    expectTypeOf<Spec.DatabaseService<Knex>>().toExtend<Backstage.DatabaseService>();
    // Without naming the client type, the spec's client is `unknown`, which is not a Knex.
    expectTypeOf<Spec.DatabaseService>().not.toExtend<Backstage.DatabaseService>();
  });

  it('cache', () => {
    expectTypeOf<Backstage.CacheService>().toExtend<Spec.CacheService>();
    expectTypeOf<Spec.CacheService>().toExtend<Backstage.CacheService>();
  });

  it('scheduler', () => {
    expectTypeOf<Backstage.SchedulerService>().toExtend<Spec.SchedulerService>();
    expectTypeOf<Spec.SchedulerService>().toExtend<Backstage.SchedulerService>();
    // Backstage's schedules also accept luxon durations, which expose the HumanDuration fields.
    expectTypeOf<Backstage.SchedulerServiceTaskScheduleDefinition>().toExtend<Spec.SchedulerServiceTaskScheduleDefinition>();
    expectTypeOf<Spec.SchedulerServiceTaskScheduleDefinition>().toExtend<Backstage.SchedulerServiceTaskScheduleDefinition>();
    expectTypeOf<Backstage.SchedulerServiceTaskScheduleDefinitionConfig>().toExtend<Spec.SchedulerServiceTaskScheduleDefinitionConfig>();
    expectTypeOf<Spec.SchedulerServiceTaskScheduleDefinitionConfig>().toExtend<Backstage.SchedulerServiceTaskScheduleDefinitionConfig>();
    expectTypeOf<Backstage.SchedulerServiceTaskFunction>().toExtend<Spec.SchedulerServiceTaskFunction>();
    expectTypeOf<Spec.SchedulerServiceTaskFunction>().toExtend<Backstage.SchedulerServiceTaskFunction>();
  });

  it('urlReader: Backstage -> Openstage; the reverse needs stream.Readable, which the spec does not name', () => {
    expectTypeOf<Backstage.UrlReaderService>().toExtend<Spec.UrlReaderService>();
    // `stream()` is declared by Backstage as returning node:stream's Readable. The spec names the
    // global NodeJS.ReadableStream instead so that it imports nothing; Readable is assignable to
    // it, not the other way round. Everything else of the interface fits in both directions.
    expectTypeOf<Spec.UrlReaderService>().not.toExtend<Backstage.UrlReaderService>();
    expectTypeOf<Omit<Spec.UrlReaderServiceReadUrlResponse, 'stream'>>().toExtend<
      Omit<Backstage.UrlReaderServiceReadUrlResponse, 'stream'>
    >();
    expectTypeOf<Spec.UrlReaderServiceReadTreeResponse>().toExtend<Backstage.UrlReaderServiceReadTreeResponse>();
    expectTypeOf<Spec.UrlReaderServiceSearchResponse>().toExtend<Backstage.UrlReaderServiceSearchResponse>();
  });

  it('pluginMetadata, rootInstanceMetadata and rootSystemMetadata', () => {
    expectTypeOf<Backstage.PluginMetadataService>().toExtend<Spec.PluginMetadataService>();
    expectTypeOf<Spec.PluginMetadataService>().toExtend<Backstage.PluginMetadataService>();
    expectTypeOf<Backstage.RootInstanceMetadataService>().toExtend<Spec.RootInstanceMetadataService>();
    expectTypeOf<Spec.RootInstanceMetadataService>().toExtend<Backstage.RootInstanceMetadataService>();
    expectTypeOf<Backstage.RootSystemMetadataService>().toExtend<Spec.RootSystemMetadataService>();
    expectTypeOf<Spec.RootSystemMetadataService>().toExtend<Backstage.RootSystemMetadataService>();
  });

  it('credentials and principals', () => {
    expectTypeOf<Backstage.BackstageCredentials>().toEqualTypeOf<Spec.BackstageCredentials>();
    expectTypeOf<Backstage.BackstageUserPrincipal>().toEqualTypeOf<Spec.BackstageUserPrincipal>();
    expectTypeOf<Backstage.BackstageServicePrincipal>().toEqualTypeOf<Spec.BackstageServicePrincipal>();
    expectTypeOf<Backstage.BackstageNonePrincipal>().toEqualTypeOf<Spec.BackstageNonePrincipal>();
    expectTypeOf<Backstage.BackstagePrincipalTypes>().toEqualTypeOf<Spec.BackstagePrincipalTypes>();
    expectTypeOf<Spec.BackstageCredentialsWire>().toExtend<Backstage.BackstageCredentials>();
  });
});
