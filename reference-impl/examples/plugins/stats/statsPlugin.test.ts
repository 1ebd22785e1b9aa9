import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startExampleBackend,
  type StartedExampleBackend,
} from '../../testing/startExampleBackend.js';
import todoPlugin from '../todo/index.js';
import statsPlugin from './index.js';

describe('the stats plugin', () => {
  let started: StartedExampleBackend;
  beforeAll(async () => {
    started = await startExampleBackend([todoPlugin, statsPlugin]);
  });
  afterAll(() => started?.stop());

  it('summarises the todo list it reads from the todo plugin with its own plugin token', async () => {
    const response = await fetch(`${started.baseUrl}/api/stats/summary`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ total: 2, done: 1, open: 1 });
  });

  it('follows changes made through the todo plugin', async () => {
    const created = await fetch(`${started.baseUrl}/api/todo/todos`, {
      method: 'POST',
      headers: { authorization: `Bearer ${started.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'One more' }),
    });
    expect(created.status).toBe(201);
    const response = await fetch(`${started.baseUrl}/api/stats/summary`);
    expect(await response.json()).toEqual({ total: 3, done: 1, open: 2 });
  });
});

describe('the stats plugin without the todo plugin', () => {
  let started: StartedExampleBackend;
  beforeAll(async () => {
    started = await startExampleBackend([statsPlugin]);
  });
  afterAll(() => started?.stop());

  it('answers 503 naming the status the todo plugin gave', async () => {
    const response = await fetch(`${started.baseUrl}/api/stats/summary`);
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
      /todo plugin answered 404/,
    );
  });
});
