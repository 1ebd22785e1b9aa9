import type {
  ConformanceAdapter,
  ServicesUnderTest,
  ServiceUnderTest,
} from './ConformanceAdapter.js';
import { HarnessError } from './HarnessError.js';

/**
 * A copy of `adapter` whose `services` map has `overrides` in place of (or beside) its own, for
 * judging one custom service factory on an otherwise known-good implementation:
 *
 * ```ts
 * const mine = withServices(reference, { 'core.cache': { profile: 'interface', factory: () => myCache } });
 * ```
 *
 * The copy keeps the adapter's runtime, supports manifest and version; `name` names its
 * expectations file (default `<adapter>-custom`).
 */
export function withServices(
  adapter: ConformanceAdapter,
  overrides: Readonly<Record<string, ServiceUnderTest>>,
  name = `${adapter.name}-custom`,
): ConformanceAdapter {
  for (const [id, sut] of Object.entries(overrides)) {
    if (
      typeof sut?.factory !== 'function' ||
      (sut.profile !== 'interface' && sut.profile !== 'default')
    )
      throw new HarnessError(
        'CONF_HARNESS_INVALID_ADAPTER',
        `withServices: the override for '${id}' needs a factory function and a profile of 'interface' or 'default'`,
      );
  }
  const services: ServicesUnderTest = { ...adapter.services, ...overrides };
  const classes = adapter.classes.includes('service')
    ? adapter.classes
    : [...adapter.classes, 'service' as const];
  // Bind createBackend: an adapter may be a class instance whose method reads `this`.
  return {
    ...adapter,
    name,
    classes,
    services,
    createBackend: (options) => adapter.createBackend(options),
  };
}
