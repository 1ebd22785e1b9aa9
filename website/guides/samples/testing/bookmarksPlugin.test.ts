// #region imports
import { mockCredentials, mockServices, startTestBackend } from '@openstage/reference-impl/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpsOnlyModule } from '../module/httpsOnlyModule.js';
import { bookmarksPlugin } from '../plugin/bookmarksPlugin.js';
// #endregion imports

describe('the bookmarks plugin', () => {
  // #region start
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let baseUrl: string;

  beforeAll(async () => {
    backend = await startTestBackend({
      features: [
        bookmarksPlugin,
        httpsOnlyModule,
        mockServices.rootConfig.factory({
          data: { bookmarks: { blockedHosts: ['blocked.test'] } },
        }),
      ],
    });
    baseUrl = `http://localhost:${backend.server.port()}/api/bookmarks`;
  });
  afterAll(() => backend.stop());
  // #endregion start

  // #region requests
  it('stores a bookmark for the calling user', async () => {
    const created = await fetch(`${baseUrl}/bookmarks`, {
      method: 'POST',
      headers: {
        authorization: mockCredentials.user.header('user:default/ada'),
        'content-type': 'application/json',
      },
      body: JSON.stringify({ url: 'https://openstage.invalid/spec' }),
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({
      url: 'https://openstage.invalid/spec',
      createdBy: 'user:default/ada',
    });
  });

  it('refuses requests without credentials', async () => {
    // Without a header the test backend acts as the default mock user; send "none" explicitly.
    const response = await fetch(`${baseUrl}/bookmarks`, {
      headers: { authorization: mockCredentials.none.header() },
    });
    expect(response.status).toBe(401);
  });

  it('refuses a caller that is not a user', async () => {
    const response = await fetch(`${baseUrl}/bookmarks`, {
      method: 'POST',
      headers: {
        authorization: mockCredentials.service.header(),
        'content-type': 'application/json',
      },
      body: JSON.stringify({ url: 'https://openstage.invalid/' }),
    });
    expect(response.status).toBe(403);
  });

  it('applies the rules the module added', async () => {
    const post = (url: string) =>
      fetch(`${baseUrl}/bookmarks`, {
        method: 'POST',
        headers: {
          authorization: mockCredentials.user.header(),
          'content-type': 'application/json',
        },
        body: JSON.stringify({ url }),
      });
    const plain = await post('http://openstage.invalid/');
    expect(plain.status).toBe(400);
    const blocked = await post('https://blocked.test/');
    expect(await blocked.json()).toEqual({
      error: { message: 'links to blocked.test are blocked' },
    });
  });
  // #endregion requests
});
