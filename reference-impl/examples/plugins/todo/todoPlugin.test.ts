import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startExampleBackend,
  type StartedExampleBackend,
} from '../../testing/startExampleBackend.js';
import titleRulesModule from '../todo-backend-module-title-rules/index.js';
import todoPlugin from './index.js';

describe('the todo plugin and its title-rules module', () => {
  let started: StartedExampleBackend;
  const authorized = (init: RequestInit = {}): RequestInit => ({
    ...init,
    headers: {
      authorization: `Bearer ${started.token}`,
      'content-type': 'application/json',
      ...init.headers,
    },
  });

  beforeAll(async () => {
    started = await startExampleBackend(
      [todoPlugin, titleRulesModule],
      ['todo:', '  titleRules:', '    forbiddenWords: [someday]'],
    );
  });
  afterAll(() => started?.stop());

  it('starts the plugin and its module', () => {
    expect(started.result.plugins).toEqual([
      expect.objectContaining({
        pluginId: 'todo',
        outcome: 'success',
        modules: [expect.objectContaining({ moduleId: 'title-rules', outcome: 'success' })],
      }),
    ]);
  });

  it('refuses requests without credentials (401)', async () => {
    const response = await fetch(`${started.baseUrl}/api/todo/todos`);
    expect(response.status).toBe(401);
  });

  it('lists the todos its migration seeded, then serves the list from the cache', async () => {
    const first = await fetch(`${started.baseUrl}/api/todo/todos`, authorized());
    expect(first.status).toBe(200);
    const body = (await first.json()) as { items: Array<{ title: string }>; cached: boolean };
    expect(body.items.map((t) => t.title)).toEqual(['Read the Openstage spec', 'Write a plugin']);
    const second = (await (
      await fetch(`${started.baseUrl}/api/todo/todos`, authorized())
    ).json()) as { cached: boolean };
    expect(second.cached).toBe(true);
  });

  it('creates a todo for the caller and drops the cached list', async () => {
    const created = await fetch(
      `${started.baseUrl}/api/todo/todos`,
      authorized({ method: 'POST', body: JSON.stringify({ title: 'Ship the example' }) }),
    );
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      title: 'Ship the example',
      done: false,
      createdBy: 'example-tests',
    });
    const list = (await (
      await fetch(`${started.baseUrl}/api/todo/todos`, authorized())
    ).json()) as {
      items: Array<{ title: string }>;
      cached: boolean;
    };
    expect(list.cached).toBe(false);
    expect(list.items.map((t) => t.title)).toContain('Ship the example');
  });

  it('applies the rules the module added through the extension point (400)', async () => {
    const shouting = await fetch(
      `${started.baseUrl}/api/todo/todos`,
      authorized({ method: 'POST', body: JSON.stringify({ title: 'DO IT NOW' }) }),
    );
    expect(shouting.status).toBe(400);
    expect(((await shouting.json()) as { error: { message: string } }).error.message).toMatch(
      /all capitals/,
    );
    const forbidden = await fetch(
      `${started.baseUrl}/api/todo/todos`,
      authorized({ method: 'POST', body: JSON.stringify({ title: 'Clean up someday' }) }),
    );
    expect(forbidden.status).toBe(400);
    expect(((await forbidden.json()) as { error: { message: string } }).error.message).toMatch(
      /'someday'/,
    );
  });

  it('refuses a body without a title, naming what it expects (400)', async () => {
    const response = await fetch(
      `${started.baseUrl}/api/todo/todos`,
      authorized({ method: 'POST', body: '{}' }),
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
      /title/,
    );
  });

  it('marks a todo done, and answers 404 for an unknown id', async () => {
    const done = await fetch(
      `${started.baseUrl}/api/todo/todos/2`,
      authorized({ method: 'PATCH', body: JSON.stringify({ done: true }) }),
    );
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ id: 2, done: true });
    const missing = await fetch(
      `${started.baseUrl}/api/todo/todos/999`,
      authorized({ method: 'PATCH', body: JSON.stringify({ done: true }) }),
    );
    expect(missing.status).toBe(404);
  });
});
