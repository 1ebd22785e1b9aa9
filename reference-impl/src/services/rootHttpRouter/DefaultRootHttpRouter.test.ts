import type { HttpRequestHandler } from '@openstage/spec';
import { describe, expect, it } from 'vitest';
import { DefaultRootHttpRouter } from './DefaultRootHttpRouter.js';

const handler = (() => {}) as unknown as HttpRequestHandler;

function conflictOf(router: DefaultRootHttpRouter, path: string): unknown {
  try {
    router.use(path, handler);
  } catch (error) {
    return (error as { details?: unknown }).details;
  }
  return undefined;
}

describe('DefaultRootHttpRouter.use', () => {
  it('RHTTP-005: a path above several mounts names the first of them', () => {
    const router = new DefaultRootHttpRouter();
    router.use('/api/Zeta', handler);
    router.use('/api/alpha', handler);
    expect(conflictOf(router, '/API/')).toEqual({ mountPath: '/API/', existingPath: '/api/Zeta' });
  });

  it('RHTTP-005: a path below a mount, or equal to it, names that mount', () => {
    const router = new DefaultRootHttpRouter();
    router.use('/a//b/', handler);
    expect(conflictOf(router, '/A//B/c')).toEqual({ mountPath: '/A//B/c', existingPath: '/a//b' });
    expect(conflictOf(router, '/a//b')).toEqual({ mountPath: '/a//b', existingPath: '/a//b' });
    expect(conflictOf(router, '/a/')).toEqual({ mountPath: '/a/', existingPath: '/a//b' });
  });

  it('RHTTP-005: sibling paths sharing a prefix do not conflict, however many there are', () => {
    const router = new DefaultRootHttpRouter();
    for (let i = 0; i < 1000; i++) router.use(`/api/plugin${i}`, handler);
    expect(conflictOf(router, '/api/plugin')).toBeUndefined();
    expect(conflictOf(router, '/api/plugin1/x')).toEqual({
      mountPath: '/api/plugin1/x',
      existingPath: '/api/plugin1',
    });
  });
});
