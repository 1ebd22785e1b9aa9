import { describe, expect, it } from 'vitest';
import type { BackstageCredentials, HttpRequest } from '@openstage/spec';
import { mockCredentials } from './mockCredentials.js';
import { MockHttpAuthService } from './MockHttpAuthService.js';

const service = (defaultCredentials: BackstageCredentials = mockCredentials.user()) =>
  new MockHttpAuthService({ pluginId: 'test', defaultCredentials });
const req = (headers: HttpRequest['headers'] = {}): HttpRequest => ({ headers });

describe('MockHttpAuthService', () => {
  it('TEST-171: default credentials without a token, or without a cookie when limited access is allowed', async () => {
    await expect(service().credentials(req())).resolves.toEqual(mockCredentials.user());
    await expect(
      service(mockCredentials.service()).credentials(req(), { allowLimitedAccess: true }),
    ).resolves.toEqual(mockCredentials.service());
  });

  it('TEST-172: Bearer mock-none-token gives none credentials', async () => {
    await expect(
      service().credentials(req({ authorization: mockCredentials.none.header() })),
    ).resolves.toEqual(mockCredentials.none());
  });

  it('TEST-173: other tokens go to the mock auth service; invalid ones are AuthenticationErrors', async () => {
    await expect(
      service().credentials(
        req({ authorization: mockCredentials.user.header('user:default/jane') }),
      ),
    ).resolves.toEqual(mockCredentials.user('user:default/jane'));
    await expect(
      service().credentials(req({ authorization: mockCredentials.user.invalidHeader() })),
    ).rejects.toMatchObject({
      name: 'AuthenticationError',
    });
  });

  it('TEST-174: the backstage-auth cookie is read as a limited token only with allowLimitedAccess', async () => {
    const cookie = mockCredentials.limitedUser.cookie('user:default/jane');
    await expect(
      service().credentials(req({ cookie }), { allowLimitedAccess: true }),
    ).resolves.toEqual(mockCredentials.user('user:default/jane'));
    await expect(service().credentials(req({ cookie }))).resolves.toEqual(mockCredentials.user());
    await expect(
      service().credentials(req({ cookie: mockCredentials.limitedUser.invalidCookie() }), {
        allowLimitedAccess: true,
      }),
    ).rejects.toMatchObject({ name: 'AuthenticationError' });
  });

  it('TEST-175: the allow option rejects other principal types', async () => {
    await expect(
      service().credentials(req({ authorization: mockCredentials.none.header() }), {
        allow: ['user'],
      }),
    ).rejects.toMatchObject({
      code: 'HAUTH_MISSING_CREDENTIALS',
    });
    await expect(
      service().credentials(req({ authorization: mockCredentials.service.header() }), {
        allow: ['user'],
      }),
    ).rejects.toMatchObject({ code: 'HAUTH_PRINCIPAL_NOT_ALLOWED' });
    await expect(service().credentials(req(), { allow: ['user'] })).resolves.toEqual(
      mockCredentials.user(),
    );
  });

  it('TEST-176: issueUserCookie sets the limited token cookie and expires in an hour', async () => {
    const headers: Record<string, unknown> = {};
    const res = {
      statusCode: 200,
      headersSent: false,
      getHeader: (name: string) => headers[name.toLowerCase()] as string | undefined,
      setHeader: (name: string, value: unknown) => {
        headers[name.toLowerCase()] = value;
      },
    };
    const before = Date.now();
    const { expiresAt } = await service().issueUserCookie(res, {
      credentials: mockCredentials.user('user:default/jane'),
    });
    expect(headers['set-cookie']).toBe(mockCredentials.limitedUser.cookie('user:default/jane'));
    expect(expiresAt.getTime()).toBeGreaterThanOrEqual(before + 3_600_000);
    expect(expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 3_600_000);
  });
});
