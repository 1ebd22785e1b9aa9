import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { DefaultAuthService } from '../../src/services/auth/DefaultAuthService.js';
import { RemoteKeySets } from '../../src/services/auth/RemoteKeySets.js';
import { MemoryKeyStore } from '../helpers/MemoryKeyStore.js';
import { rejectionOf } from '../helpers/testBackend.js';
import { useKeyServerWithUsers } from '../helpers/useKeyServerWithUsers.js';

const keys = useKeyServerWithUsers();
const keySets = new RemoteKeySets();

function authFor(pluginId: string): DefaultAuthService {
  const auth = new DefaultAuthService({
    pluginId,
    discovery: keys.server.discovery,
    keyStore: new MemoryKeyStore(),
    keySets,
  });
  keys.server.route(`/api/${pluginId}/.backstage/auth/v1/jwks.json`, async () => ({
    body: await auth.listPublicServiceKeys(),
  }));
  return auth;
}

describe('credentials objects (FEAT-105, FEAT-109, FEAT-110)', () => {
  it('FEAT-105 FEAT-109: user credentials carry a user principal and their expiry as a Date', async () => {
    const auth = authFor('cred-user');
    const token = await keys.users.issue({ lifetimeSeconds: 300 });
    const credentials = await auth.authenticate(token);
    expect(Object.keys(credentials.principal as object).sort()).toEqual(['type', 'userEntityRef']);
    expect(credentials.principal).toEqual({ type: 'user', userEntityRef: 'user:default/jane' });
    expect(credentials.expiresAt).toBeInstanceOf(Date);
    expect(credentials.expiresAt!.getTime()).toBe(decodeJwt(token).exp! * 1000);
  });

  it('FEAT-105 FEAT-109: service and none credentials have the service and none shapes', async () => {
    const caller = authFor('cred-caller');
    const target = authFor('cred-target');
    const { token } = await caller.getPluginRequestToken({
      onBehalfOf: await caller.getOwnServiceCredentials(),
      targetPluginId: 'cred-target',
    });
    const service = await target.authenticate(token);
    expect(service.principal).toMatchObject({ type: 'service', subject: 'plugin:cred-caller' });
    const keys = Object.keys(service.principal as object).sort();
    expect(keys.filter((k) => k !== 'accessRestrictions')).toEqual(['subject', 'type']);
    if (service.expiresAt !== undefined) expect(service.expiresAt).toBeInstanceOf(Date);

    const none = await caller.getNoneCredentials();
    expect(none.principal).toEqual({ type: 'none' });
  });

  it('FEAT-110: a user principal reached through another plugin names that plugin as a service actor', async () => {
    const front = authFor('cred-front');
    const back = authFor('cred-back');
    const user = await front.authenticate(await keys.users.issue({ lifetimeSeconds: 300 }));
    const { token } = await front.getPluginRequestToken({
      onBehalfOf: user,
      targetPluginId: 'cred-back',
    });
    const credentials = await back.authenticate(token);
    expect(credentials.principal).toEqual({
      type: 'user',
      userEntityRef: 'user:default/jane',
      actor: { type: 'service', subject: 'plugin:cred-front' },
    });
    expect(credentials.expiresAt).toBeInstanceOf(Date);
  });
});

describe('tokens stay out of errors (CLS-040)', () => {
  it('CLS-040: a rejected token appears neither in the message nor in the properties of the error', async () => {
    const auth = authFor('cred-secret');
    const valid = await keys.users.issue({ lifetimeSeconds: 300 });
    // A token whose signature does not verify, and one that is not a JWT at all.
    const tampered = `${valid.slice(0, -6)}AAAAAA`;
    const garbage = 'not-a-jwt-but-a-secret-value-1234567890';
    for (const token of [tampered, garbage]) {
      const error = await rejectionOf(auth.authenticate(token));
      expect(error).toBeInstanceOf(Error);
      const shown = JSON.stringify({
        message: (error as Error).message,
        stack: (error as Error).stack,
        ...(error as object),
      });
      expect(shown).not.toContain(token);
      // The signature is the secret part of a JWT; it must not leak on its own either.
      expect(shown).not.toContain(token.split('.').at(-1)!);
    }
  });
});
