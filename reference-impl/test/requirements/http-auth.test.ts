import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { AuthService, BackstageCredentials, HttpRequest } from '@openstage/spec';
import { describe, expect, it } from 'vitest';
import { DefaultHttpAuthService } from '../../src/services/httpAuth/DefaultHttpAuthService.js';
import { testCredentials as credentials } from '../helpers/testCredentials.js';

const NOW = Date.UTC(2030, 0, 1, 12);
const HOUR = 3600_000;

/** An auth service that knows one user token and counts its calls. */
function fakeAuth() {
  let calls = 0;
  const auth = {
    async authenticate(token: string) {
      calls += 1;
      if (token !== 'user-token')
        throw Object.assign(new Error('bad'), { name: 'AuthenticationError' });
      return credentials(
        { type: 'user', userEntityRef: 'user:default/jane' },
        new Date(NOW + HOUR),
      );
    },
    isPrincipal: (c: BackstageCredentials, type: string) =>
      type === 'unknown' || (c.principal as { type: string }).type === type,
    getNoneCredentials: async () => credentials({ type: 'none' }),
    getOwnServiceCredentials: async () => credentials({ type: 'service', subject: 'plugin:todo' }),
    getPluginRequestToken: async () => ({ token: 'x' }),
    getLimitedUserToken: async () => ({ token: 'limited-jane', expiresAt: new Date(NOW + HOUR) }),
    listPublicServiceKeys: async () => ({ keys: [] }),
  } as unknown as AuthService;
  return { auth, calls: () => calls };
}

function service(pluginId: string, asked: string[] = []) {
  const fake = fakeAuth();
  const httpAuth = new DefaultHttpAuthService({
    auth: fake.auth,
    discovery: {
      getBaseUrl: async () => '',
      getExternalBaseUrl: async (id: string) => {
        asked.push(id);
        return `https://${id}.example.com:8443/api/${id}`;
      },
    },
    pluginId,
    now: () => NOW,
  });
  return { httpAuth, calls: fake.calls };
}

function request(headers: Record<string, string> = {}): HttpRequest {
  return { method: 'GET', url: '/', headers };
}

function response(req: HttpRequest) {
  const headers = new Map<string, string | string[]>();
  return {
    statusCode: 200,
    headersSent: false,
    req,
    getHeader: (name: string) => headers.get(name.toLowerCase()),
    setHeader: (name: string, value: string | string[]) => headers.set(name.toLowerCase(), value),
    cookie: () => ((headers.get('set-cookie') ?? []) as string[])[0] ?? '',
  };
}

/** The attributes of a Set-Cookie value, by lower-case name. */
function attributes(setCookie: string): Map<string, string> {
  const [, ...parts] = setCookie.split(';').map((p) => p.trim());
  return new Map(
    parts.map((p) => {
      const [name = '', ...value] = p.split('=');
      return [name.toLowerCase(), value.join('=')];
    }),
  );
}

async function issuedCookie(pluginId: string, asked: string[] = []): Promise<Map<string, string>> {
  const { httpAuth } = service(pluginId, asked);
  const res = response(request({ authorization: 'Bearer user-token' }));
  await httpAuth.issueUserCookie(res);
  return attributes(res.cookie());
}

/** A way to force garbage collection from inside the test. */
function garbageCollector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

describe('httpAuth', () => {
  it('HAUTH-024: cached credentials do not keep their request object alive', async () => {
    const gc = garbageCollector();
    const { httpAuth, calls } = service('todo');
    let collected = false;
    const registry = new FinalizationRegistry(() => {
      collected = true;
    });
    await (async () => {
      const req = request({ authorization: 'Bearer user-token' });
      await httpAuth.credentials(req);
      await httpAuth.credentials(req);
      // The second call came from the cache, so the service does hold on to something per request.
      expect(calls()).toBe(1);
      registry.register(req, 'req');
    })();
    for (let i = 0; i < 20 && !collected; i++) {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(collected).toBe(true);
  });

  it('HAUTH-038: the issued cookie is HttpOnly', async () => {
    expect((await issuedCookie('todo')).has('httponly')).toBe(true);
  });

  it('HAUTH-039: the issued cookie has Path=/', async () => {
    expect((await issuedCookie('todo')).get('path')).toBe('/');
  });

  it("HAUTH-040: the cookie's Domain is the host name of getExternalBaseUrl of the service's own plugin", async () => {
    const asked: string[] = [];
    expect((await issuedCookie('todo', asked)).get('domain')).toBe('todo.example.com');
    expect(asked).toEqual(['todo']);
    expect((await issuedCookie('catalog')).get('domain')).toBe('catalog.example.com');
  });
});
