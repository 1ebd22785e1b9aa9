import { afterEach, describe, expect, it } from 'vitest';
import statsPlugin from '../../examples/plugins/stats/index.js';
import todoPlugin from '../../examples/plugins/todo/index.js';
import { startTestBackend } from '../../src/testing/index.js';

/*
 * CLS-012 for the reference implementation's own feature packages (examples/plugins): each starts
 * in the test kit's backend from its own default export alone. None of them documents required
 * configuration (examples/README.md: every setting has a default).
 */

const started: Array<{ stop(): Promise<unknown> }> = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((backend) => backend.stop()));
});

/** Starts a test backend holding only `feature`, stopped after the test. */
async function startAlone(feature: unknown) {
  const backend = await startTestBackend({ features: [feature as never] });
  started.push(backend);
  return backend;
}

describe('feature packages start alone in a test backend (CLS-012)', () => {
  it('CLS-012: the todo plugin starts from its default export alone and serves its routes', async () => {
    const backend = await startAlone(todoPlugin);
    const response = await fetch(`http://127.0.0.1:${backend.server.port()}/api/todo/todos`);
    expect(response.status).not.toBe(404);
    expect(response.status).toBeLessThan(500);
  });

  it('CLS-012: the stats plugin starts from its default export alone', async () => {
    const backend = await startAlone(statsPlugin);
    // Its route is mounted; without the todo plugin it answers 503 rather than 404.
    const response = await fetch(`http://127.0.0.1:${backend.server.port()}/api/stats/summary`);
    expect(response.status).toBe(503);
  });
});
