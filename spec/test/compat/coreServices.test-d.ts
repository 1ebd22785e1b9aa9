/**
 * The `coreServices` object of `@backstage/backend-plugin-api` 1.10.1 against the spec's
 * `CoreServices` type and its `coreServiceIds` / `coreServiceScopes` constants.
 */
import type { coreServices as backstageCoreServices } from '@backstage/backend-plugin-api';
import type * as Backstage from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';
import { describe, expectTypeOf, it } from 'vitest';
import type * as Spec from '../../src/index.js';
import type { coreServiceIds, coreServiceScopes } from '../../src/index.js';

type BackstageCoreServices = typeof backstageCoreServices;

describe('coreServices', () => {
  it("Backstage's coreServices object is assignable to CoreServices", () => {
    expectTypeOf<BackstageCoreServices>().toExtend<Spec.CoreServices>();
  });

  it('names the same services as Backstage', () => {
    expectTypeOf<keyof Spec.CoreServices>().toEqualTypeOf<keyof BackstageCoreServices>();
    expectTypeOf<keyof typeof coreServiceIds>().toEqualTypeOf<keyof BackstageCoreServices>();
    expectTypeOf<keyof typeof coreServiceScopes>().toEqualTypeOf<keyof BackstageCoreServices>();
  });

  it('gives every ref the scope and multiplicity Backstage gives it', () => {
    expectTypeOf<{
      -readonly [K in keyof Spec.CoreServices]: Spec.CoreServices[K]['scope'];
    }>().toEqualTypeOf<{
      -readonly [K in keyof BackstageCoreServices]: BackstageCoreServices[K]['scope'];
    }>();
    expectTypeOf<{
      -readonly [K in keyof Spec.CoreServices]: Spec.CoreServices[K]['multiton'];
    }>().toEqualTypeOf<{
      -readonly [K in keyof BackstageCoreServices]: BackstageCoreServices[K]['multiton'];
    }>();
    expectTypeOf<{
      -readonly [K in keyof typeof coreServiceScopes]: (typeof coreServiceScopes)[K];
    }>().toEqualTypeOf<{
      -readonly [K in keyof BackstageCoreServices]: BackstageCoreServices[K]['scope'];
    }>();
  });

  it('keeps the literal ids in coreServiceIds (Backstage types them as string)', () => {
    expectTypeOf<BackstageCoreServices['logger']['id']>().toEqualTypeOf<string>();
    expectTypeOf<(typeof coreServiceIds)['logger']>().toEqualTypeOf<'core.logger'>();
    expectTypeOf<(typeof coreServiceIds)['rootConfig']>().toEqualTypeOf<'core.rootConfig'>();
    expectTypeOf<Spec.CoreServiceId>().toExtend<`core.${string}`>();
  });

  it('a ref typed with a spec service is usable where Backstage expects its core ref', () => {
    // Every core service interface is mutually assignable with Backstage's, so refs built with
    // either library can stand in for each other. Two exceptions are covered below.
    type Interchangeable = Exclude<keyof Spec.CoreServices, 'database' | 'urlReader'>;
    expectTypeOf<Pick<Spec.CoreServices, Interchangeable>>().toExtend<
      Pick<BackstageCoreServices, Interchangeable>
    >();
    expectTypeOf<Spec.ServiceRef<Spec.LoggerService, 'plugin', 'singleton'>>().toExtend<
      BackstageCoreServices['logger']
    >();
    expectTypeOf<BackstageCoreServices['logger']>().toExtend<
      Spec.ServiceRef<Spec.LoggerService, 'plugin', 'singleton'>
    >();
  });

  it('database and urlReader refs: Backstage -> spec only, unless the spec ref names Knex', () => {
    // `DatabaseService` defaults its client to `unknown`; naming Knex restores both directions.
    expectTypeOf<Spec.ServiceRef<Spec.DatabaseService<Knex>, 'plugin', 'singleton'>>().toExtend<
      BackstageCoreServices['database']
    >();
    expectTypeOf<Spec.CoreServices['database']>().not.toExtend<BackstageCoreServices['database']>();
    // `UrlReaderServiceReadUrlResponse.stream` returns NodeJS.ReadableStream in the spec and
    // node:stream's Readable in Backstage; only Readable -> ReadableStream holds.
    expectTypeOf<Spec.CoreServices['urlReader']>().not.toExtend<
      BackstageCoreServices['urlReader']
    >();
    expectTypeOf<BackstageCoreServices['urlReader']>().toExtend<Spec.CoreServices['urlReader']>();
  });

  it('a ServiceRef of the spec and of Backstage are the same type', () => {
    expectTypeOf<Spec.ServiceRef<string, 'root', 'multiton'>>().toEqualTypeOf<
      Backstage.ServiceRef<string, 'root', 'multiton'>
    >();
    expectTypeOf<Spec.ServiceRef<unknown>>().toEqualTypeOf<Backstage.ServiceRef<unknown>>();
  });
});
