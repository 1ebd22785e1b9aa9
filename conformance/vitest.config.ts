import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts', 'adapters/**/*.test.ts'],
    // The self test runs the whole suite twice (reference and Backstage); each suite test has
    // its own timeout inside the harness, so this only bounds a harness bug.
    testTimeout: 120_000,
    hookTimeout: 30_000,
  },
});
