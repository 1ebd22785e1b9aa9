import type {
  HttpRequestHandler,
  HttpRouterServiceAuthPolicy,
  MockHttpRouterService,
  MockRootHttpRouterService,
} from '@openstage/spec';

/** The recording fake of `mockServices.httpRouter()` (TEST-087). */
export function createMockHttpRouter(): MockHttpRouterService {
  const handlers: HttpRequestHandler[] = [];
  const authPolicies: HttpRouterServiceAuthPolicy[] = [];
  return {
    handlers,
    authPolicies,
    use: (handler) => {
      handlers.push(handler);
    },
    addAuthPolicy: (policy) => {
      authPolicies.push(policy);
    },
  };
}

/** The recording fake of `mockServices.rootHttpRouter()` (TEST-088). */
export function createMockRootHttpRouter(): MockRootHttpRouterService {
  const routes: Array<{ path: string; handler: HttpRequestHandler }> = [];
  return {
    routes,
    use: (path, handler) => {
      routes.push({ path, handler });
    },
  };
}
