import { defineTest, type ConformanceTest } from '../../src/harness/ConformanceTest.js';

/**
 * A harness-level test `startup/<id>` (INIT-001) that only starts a backend, so the verdict comes
 * from the adapter under test; `extra` overrides any field.
 */
export function startupTest(id: string, extra: Partial<ConformanceTest> = {}): ConformanceTest {
  return defineTest({
    id: `startup/${id}`,
    chapter: 'startup',
    requirements: ['INIT-001'],
    description: id,
    async run(ctx) {
      await ctx.createBackend().start();
    },
    ...extra,
  });
}

/** An `Error` carrying `code`, as implementations throw them. */
export function codedError(code: string, message = code): Error & { code: string } {
  return Object.assign(new Error(message), { code });
}
