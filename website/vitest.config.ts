import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The guides' samples that are tests run as they are shown (guides/samples/testing).
    include: ['test/**/*.test.ts', 'guides/samples/**/*.test.ts'],
    // One real browser walks the built site step by step; the steps share the page.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
