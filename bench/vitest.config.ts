import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The harness test runs the whole quick benchmark: a few dozen processes, about a minute.
    testTimeout: 150_000,
    hookTimeout: 120_000,
  },
});
