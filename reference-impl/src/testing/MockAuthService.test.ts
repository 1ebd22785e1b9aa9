import { describe, expect, it } from 'vitest';
import { MockAuthService } from './MockAuthService.js';
import { mockCredentials } from './mockCredentials.js';

const auth = (pluginId = 'test', disableDefaultAuthPolicy = false) =>
  new MockAuthService({ pluginId, disableDefaultAuthPolicy, now: () => 1_000 });

describe('MockAuthService', () => {
  it('TEST-151, TEST-152: user tokens', async () => {
    await expect(auth().authenticate('mock-user-token')).resolves.toEqual(mockCredentials.user());
    await expect(
      auth().authenticate(mockCredentials.user.token('user:default/jane')),
    ).resolves.toEqual(mockCredentials.user('user:default/jane'));
  });

  it('TEST-153 to TEST-155: service tokens, on behalf of a user or as a service', async () => {
    await expect(auth().authenticate('mock-service-token')).resolves.toEqual(
      mockCredentials.service(),
    );
    const obo = mockCredentials.service.token({
      onBehalfOf: mockCredentials.user('user:default/jane'),
      targetPluginId: 'test',
    });
    await expect(auth().authenticate(obo)).resolves.toEqual(
      mockCredentials.user('user:default/jane'),
    );
    const svc = mockCredentials.service.token({
      onBehalfOf: mockCredentials.service('plugin:a'),
      targetPluginId: 'test',
    });
    await expect(auth().authenticate(svc)).resolves.toEqual(mockCredentials.service('plugin:a'));
    await expect(auth().authenticate('mock-service-token:{}')).resolves.toEqual(
      mockCredentials.service(),
    );
  });

  it('TEST-156: a service token for another plugin is rejected naming both ids', async () => {
    const token = mockCredentials.service.token({
      onBehalfOf: mockCredentials.user(),
      targetPluginId: 'other',
    });
    await expect(auth('catalog').authenticate(token)).rejects.toMatchObject({
      name: 'AuthenticationError',
      code: 'TEST_MOCK_TOKEN_WRONG_TARGET',
      message: expect.stringMatching(/'other'.*'catalog'/),
    });
  });

  it('TEST-157, TEST-158: limited tokens need allowLimitedAccess; everything else is rejected', async () => {
    const limited = mockCredentials.limitedUser.token('user:default/jane');
    await expect(auth().authenticate(limited, { allowLimitedAccess: true })).resolves.toEqual(
      mockCredentials.user('user:default/jane'),
    );
    for (const token of [
      limited,
      '',
      mockCredentials.user.invalidToken(),
      mockCredentials.limitedUser.invalidToken(),
      mockCredentials.service.invalidToken(),
      'some-real-jwt',
      'mock-user-token:not-json',
      'mock-user-token:{"sub":"jane"}',
    ]) {
      await expect(auth().authenticate(token)).rejects.toMatchObject({
        name: 'AuthenticationError',
        code: 'TEST_INVALID_MOCK_TOKEN',
      });
    }
  });

  it('TEST-159, TEST-160: own service and none credentials', async () => {
    await expect(auth('catalog').getOwnServiceCredentials()).resolves.toEqual(
      mockCredentials.service('plugin:catalog'),
    );
    await expect(auth().getNoneCredentials()).resolves.toEqual(mockCredentials.none());
  });

  it('TEST-161 to TEST-163: plugin request tokens', async () => {
    const onBehalfOf = mockCredentials.user('user:default/jane');
    await expect(
      auth().getPluginRequestToken({ onBehalfOf, targetPluginId: 'catalog' }),
    ).resolves.toEqual({
      token: mockCredentials.service.token({ onBehalfOf, targetPluginId: 'catalog' }),
    });
    await expect(
      auth('a', true).getPluginRequestToken({
        onBehalfOf: mockCredentials.none(),
        targetPluginId: 'b',
      }),
    ).resolves.toEqual({ token: '' });
    await expect(
      auth().getPluginRequestToken({ onBehalfOf: mockCredentials.none(), targetPluginId: 'b' }),
    ).rejects.toMatchObject({
      name: 'AuthenticationError',
      code: 'TEST_INVALID_MOCK_TOKEN',
    });
  });

  it('TEST-164, TEST-165: limited user tokens expire in an hour and exist only for users', async () => {
    await expect(
      auth().getLimitedUserToken(mockCredentials.user('user:default/jane')),
    ).resolves.toEqual({
      token: mockCredentials.limitedUser.token('user:default/jane'),
      expiresAt: new Date(1_000 + 3_600_000),
    });
    await expect(
      auth().getLimitedUserToken(mockCredentials.service() as never),
    ).rejects.toMatchObject({ code: 'TEST_INVALID_MOCK_TOKEN' });
  });

  it('TEST-166, TEST-167: public keys and isPrincipal', async () => {
    await expect(auth().listPublicServiceKeys()).resolves.toEqual({ keys: [] });
    const a = auth();
    expect(a.isPrincipal(mockCredentials.user(), 'user')).toBe(true);
    expect(a.isPrincipal(mockCredentials.user(), 'unknown')).toBe(true);
    expect(a.isPrincipal(mockCredentials.user(), 'service')).toBe(false);
    expect(a.isPrincipal(mockCredentials.none(), 'none')).toBe(true);
  });
});
