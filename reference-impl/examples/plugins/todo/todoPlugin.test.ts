import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestBackend } from '@openstage/spec';
import { mockCredentials, mockServices, startTestBackend } from '../../../src/testing/index.js';
import titleRulesModule from '../todo-backend-module-title-rules/index.js';
import todoPlugin from './index.js';

const JANE = 'user:default/jane';

/** Request options carrying the mock credentials of `JANE` and a JSON body type. */
const asJane = (init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: {
    authorization: mockCredentials.user.header(JANE),
    'content-type': 'application/json',
    ...init.headers,
  },
});

describe('the todo plugin and its title-rules module', () => {
  let backend: TestBackend;
  let base: string;

  beforeAll(async () => {
    backend = await startTestBackend({
      features: [
        todoPlugin,
        titleRulesModule,
        mockServices.rootConfig.factory({
          data: { todo: { titleRules: { forbiddenWords: ['someday'] } } },
        }),
        // A request without a header is unauthenticated, as in a real backend, rather than the
        // test kit's default user.
        mockServices.httpAuth.factory({ defaultCredentials: mockCredentials.none() }),
      ],
    });
    base = `http://127.0.0.1:${backend.server.port()}/api/todo`;
  });
  afterAll(() => backend?.stop());

  it('refuses requests without credentials (401)', async () => {
    const response = await fetch(`${base}/todos`);
    expect(response.status).toBe(401);
  });

  it('lists the todos its migration seeded, then serves the list from the cache', async () => {
    const first = await fetch(`${base}/todos`, asJane());
    expect(first.status).toBe(200);
    const body = (await first.json()) as { items: Array<{ title: string }>; cached: boolean };
    expect(body.items.map((t) => t.title)).toEqual(['Read the Openstage spec', 'Write a plugin']);
    expect(body.cached).toBe(false);
    const second = (await (await fetch(`${base}/todos`, asJane())).json()) as { cached: boolean };
    expect(second.cached).toBe(true);
  });

  it('creates a todo for the caller and drops the cached list', async () => {
    const created = await fetch(
      `${base}/todos`,
      asJane({ method: 'POST', body: JSON.stringify({ title: 'Ship the example' }) }),
    );
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      title: 'Ship the example',
      done: false,
      createdBy: JANE,
    });
    const list = (await (await fetch(`${base}/todos`, asJane())).json()) as {
      items: Array<{ title: string }>;
      cached: boolean;
    };
    expect(list.cached).toBe(false);
    expect(list.items.map((t) => t.title)).toContain('Ship the example');
  });

  it('accepts a service caller too, recording its subject', async () => {
    const created = await fetch(`${base}/todos`, {
      method: 'POST',
      headers: {
        authorization: mockCredentials.service.header({
          onBehalfOf: mockCredentials.service('plugin:stats'),
          targetPluginId: 'todo',
        }),
        'content-type': 'application/json',
      },
      body: JSON.stringify({ title: 'From a plugin' }),
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ createdBy: 'plugin:stats' });
  });

  it('applies the rules the module added through the extension point (400)', async () => {
    const shouting = await fetch(
      `${base}/todos`,
      asJane({ method: 'POST', body: JSON.stringify({ title: 'DO IT NOW' }) }),
    );
    expect(shouting.status).toBe(400);
    expect(((await shouting.json()) as { error: { message: string } }).error.message).toMatch(
      /all capitals/,
    );
    const forbidden = await fetch(
      `${base}/todos`,
      asJane({ method: 'POST', body: JSON.stringify({ title: 'Clean up someday' }) }),
    );
    expect(forbidden.status).toBe(400);
    expect(((await forbidden.json()) as { error: { message: string } }).error.message).toMatch(
      /'someday'/,
    );
  });

  it('refuses a body without a title, naming what it expects (400)', async () => {
    const response = await fetch(`${base}/todos`, asJane({ method: 'POST', body: '{}' }));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
      /title/,
    );
  });

  it('marks a todo done, and answers 404 for an unknown id', async () => {
    const done = await fetch(
      `${base}/todos/2`,
      asJane({ method: 'PATCH', body: JSON.stringify({ done: true }) }),
    );
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ id: 2, done: true });
    const missing = await fetch(
      `${base}/todos/999`,
      asJane({ method: 'PATCH', body: JSON.stringify({ done: true }) }),
    );
    expect(missing.status).toBe(404);
  });
});

describe('the todo plugin when the permission is denied', () => {
  let backend: TestBackend;
  beforeAll(async () => {
    backend = await startTestBackend({
      features: [todoPlugin, mockServices.permissions.factory({ result: 'DENY' })],
    });
  });
  afterAll(() => backend?.stop());

  it('refuses writes with 403 naming the caller, and still serves reads', async () => {
    const base = `http://127.0.0.1:${backend.server.port()}/api/todo`;
    const denied = await fetch(
      `${base}/todos`,
      asJane({ method: 'POST', body: JSON.stringify({ title: 'Not allowed' }) }),
    );
    expect(denied.status).toBe(403);
    expect(((await denied.json()) as { error: { message: string } }).error.message).toContain(JANE);
    expect((await fetch(`${base}/todos`, asJane())).status).toBe(200);
  });
});
