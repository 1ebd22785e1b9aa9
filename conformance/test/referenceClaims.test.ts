import { describe, expect, it } from 'vitest';
import { defaultServiceFactories } from '@openstage/reference-impl/defaults';
import reference from '../adapters/reference/index.js';
import type { ServicesUnderTest } from '../src/harness/ConformanceAdapter.js';

/** Every service id createBackend() installs a default factory for. */
const installed = defaultServiceFactories.map((factory) => factory.service.id);

/**
 * What CLS-010 finds wrong with a runtime's service claims: each default it installs must be
 * claimed in the `service` class, default profile, by a factory for that very service id.
 */
function claimProblems(ids: readonly string[], claims: ServicesUnderTest | undefined): string[] {
  const problems: string[] = [];
  for (const id of ids) {
    const claim = claims?.[id];
    if (!claim) {
      problems.push(`${id} is installed by default but not claimed`);
      continue;
    }
    if (claim.profile !== 'default')
      problems.push(`${id} is installed by default but claimed in the ${claim.profile} profile`);
    const given = claim.factory({ config: {} });
    const factories = Array.isArray(given) ? given : [given];
    if (!factories.some((f) => (f as { service?: { id?: unknown } }).service?.id === id))
      problems.push(`${id} is claimed by a factory for another service`);
  }
  return problems;
}

describe('the reference runtime claims its defaults (CLS-010)', () => {
  it('CLS-010: every core service createBackend() installs is claimed in the default profile', () => {
    expect(installed.length).toBeGreaterThanOrEqual(20);
    expect(installed).toEqual(
      expect.arrayContaining([
        'core.rootConfig',
        'core.rootLogger',
        'core.rootLifecycle',
        'core.rootSystemMetadata',
      ]),
    );
    expect(reference.classes).toContain('service');
    expect(claimProblems(installed, reference.services)).toEqual([]);
  });

  it('CLS-010: a default left unclaimed, or claimed only in the interface profile, is found', () => {
    const { ['core.rootLifecycle']: _dropped, ...withoutLifecycle } = reference.services ?? {};
    expect(claimProblems(installed, withoutLifecycle)).toEqual([
      'core.rootLifecycle is installed by default but not claimed',
    ]);
    const rootConfig = reference.services?.['core.rootConfig'];
    expect(rootConfig).toBeDefined();
    expect(
      claimProblems(installed, {
        ...reference.services,
        'core.rootConfig': { ...rootConfig!, profile: 'interface' },
      }),
    ).toEqual(['core.rootConfig is installed by default but claimed in the interface profile']);
  });
});
