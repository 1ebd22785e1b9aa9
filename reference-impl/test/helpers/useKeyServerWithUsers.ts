import { afterAll, beforeAll } from 'vitest';
import {
  createTestUserTokenIssuer,
  type TestUserTokenIssuer,
} from '../../src/services/auth/testing/createTestUserTokenIssuer.js';
import {
  startTestKeyServer,
  type TestKeyServer,
} from '../../src/services/auth/testing/startTestKeyServer.js';

/** What {@link useKeyServerWithUsers} starts; read its fields inside tests, once it has started. */
export interface KeyServerWithUsers {
  /** Serves the plugins' JWKS and the auth backend's user JWKS. */
  server: TestKeyServer;
  /** Issues user tokens that the auth backend's JWKS on `server` verifies. */
  users: TestUserTokenIssuer;
}

/**
 * Starts a key server before the file's tests (and closes it after them) that also serves the
 * auth backend's user keys, at `/api/auth/.well-known/jwks.json`, as a real auth backend would.
 */
export function useKeyServerWithUsers(): KeyServerWithUsers {
  const started = {} as KeyServerWithUsers;
  beforeAll(async () => {
    started.server = await startTestKeyServer();
    started.users = await createTestUserTokenIssuer();
    const { publicJwk } = started.users;
    started.server.route('/api/auth/.well-known/jwks.json', () => ({
      body: { keys: [publicJwk] },
    }));
  });
  afterAll(async () => {
    await started.server?.close();
  });
  return started;
}
