import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestBackend } from '@openstage/spec';
import { mockCredentials, startTestBackend } from '../../../src/testing/index.js';
import todoPlugin from '../todo/index.js';
import statsPlugin from './index.js';

describe('the stats plugin', () => {
  let backend: TestBackend;
  let origin: string;
  beforeAll(async () => {
    backend = await startTestBackend({ features: [todoPlugin, statsPlugin] });
    origin = `http://127.0.0.1:${backend.server.port()}`;
  });
  afterAll(() => backend?.stop());

  it('summarises the todo list it reads from the todo plugin with its own plugin token', async () => {
    // No credentials: the summary route is open, and the call to the todo plugin carries the
    // stats plugin's own token, which the todo plugin accepts.
    const response = await fetch(`${origin}/api/stats/summary`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ total: 2, done: 1, open: 1 });
  });

  it('follows changes made through the todo plugin', async () => {
    const created = await fetch(`${origin}/api/todo/todos`, {
      method: 'POST',
      headers: {
        authorization: mockCredentials.user.header('user:default/jane'),
        'content-type': 'application/json',
      },
      body: JSON.stringify({ title: 'One more' }),
    });
    expect(created.status).toBe(201);
    const response = await fetch(`${origin}/api/stats/summary`);
    expect(await response.json()).toEqual({ total: 3, done: 1, open: 2 });
  });
});

describe('the stats plugin without the todo plugin', () => {
  let backend: TestBackend;
  beforeAll(async () => {
    backend = await startTestBackend({ features: [statsPlugin] });
  });
  afterAll(() => backend?.stop());

  it('answers 503 naming the status the todo plugin gave', async () => {
    const response = await fetch(`http://127.0.0.1:${backend.server.port()}/api/stats/summary`);
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
      /todo plugin answered 404/,
    );
  });
});
