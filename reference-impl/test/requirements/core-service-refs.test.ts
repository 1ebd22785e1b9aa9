import { describe, expect, it } from 'vitest';
import { coreServices } from '../../src/authoring/coreServices.js';
import { defaultServiceFactories } from '../../src/defaultServiceFactories.js';
import { urlReaderFactoriesServiceRef } from '../../src/services/urlReader/urlReaderFactoriesServiceRef.js';
import { urlReaderServiceFactory } from '../../src/services/urlReader/urlReaderServiceFactory.js';
import type { InternalServiceFactory, ServiceRef } from '../../src/wireFormat/types.js';

/** The default factory registered for a service id, failing the test when there is none. */
function defaultFactoryFor(id: string) {
  const matches = defaultServiceFactories.filter((f) => f.service.id === id);
  expect(matches, `default factories for ${id}`).toHaveLength(1);
  return matches[0]!;
}

/** Checks the ref's identity and that the runtime's default factory provides exactly that ref. */
function expectOffered(
  ref: ServiceRef<unknown>,
  id: string,
  scope: 'root' | 'plugin',
  multiton = false,
): void {
  expect({ id: ref.id, scope: ref.scope, multiton: ref.multiton }).toEqual({ id, scope, multiton });
  const factory = defaultFactoryFor(id);
  expect(factory.service.scope).toBe(scope);
  expect(factory.service.multiton ?? false).toBe(multiton);
}

describe('core service refs', () => {
  it('HLTH-001: rootHealth is offered under core.rootHealth with root scope', () => {
    expectOffered(coreServices.rootHealth, 'core.rootHealth', 'root');
  });

  it('DB-001: database is offered under core.database, plugin scope, not multiton', () => {
    expectOffered(coreServices.database, 'core.database', 'plugin');
  });

  it('CACHE-001: cache is offered under core.cache, plugin scope, not multiton', () => {
    expectOffered(coreServices.cache, 'core.cache', 'plugin');
  });

  it('SCHED-001: scheduler is offered under core.scheduler, plugin scope, not multiton', () => {
    expectOffered(coreServices.scheduler, 'core.scheduler', 'plugin');
  });

  it('URL-001: urlReader is offered under core.urlReader, plugin scope, not multiton', () => {
    expectOffered(coreServices.urlReader, 'core.urlReader', 'plugin');
  });

  it('HAUTH-001: httpAuth is offered under core.httpAuth, plugin scope, not multiton', () => {
    expectOffered(coreServices.httpAuth, 'core.httpAuth', 'plugin');
  });

  it('UINFO-001: userInfo is offered under core.userInfo, plugin scope, not multiton', () => {
    expectOffered(coreServices.userInfo, 'core.userInfo', 'plugin');
  });

  it('URL-071: core.urlReader.factories is a plugin-scoped multiton the default urlReader consumes', () => {
    expect({
      id: urlReaderFactoriesServiceRef.id,
      scope: urlReaderFactoriesServiceRef.scope,
      multiton: urlReaderFactoriesServiceRef.multiton,
    }).toEqual({ id: 'core.urlReader.factories', scope: 'plugin', multiton: true });
    const deps = Object.values((urlReaderServiceFactory as unknown as InternalServiceFactory).deps);
    expect(deps.map((d) => d.id)).toContain('core.urlReader.factories');
  });
});
