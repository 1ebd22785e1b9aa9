import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOwnSpy, createSpy } from './createSpy.js';

const scope = globalThis as { vi?: unknown; jest?: unknown };

describe('createSpy', () => {
  afterEach(() => {
    delete scope.vi;
    delete scope.jest;
  });

  it('TEST-051: the kit loads and works with no runner globals', async () => {
    expect(scope.vi).toBeUndefined();
    expect((globalThis as { afterAll?: unknown }).afterAll).toBeUndefined();
    const kit = await import('./index.js');
    expect(typeof kit.mockServices.auth).toBe('function');
    expect(kit.mockServices.auth.mock().authenticate('x')).toBeUndefined();
  });

  it('TEST-052: uses vi.fn, then jest.fn, when those globals exist', () => {
    scope.vi = vi;
    expect(vi.isMockFunction(createSpy())).toBe(true);
    const jestFn = vi.fn(() => 'from jest');
    scope.jest = { fn: jestFn };
    createSpy();
    expect(jestFn).toHaveBeenCalledTimes(1);
    delete scope.jest;
    delete scope.vi;
    expect(vi.isMockFunction(createSpy())).toBe(false);
  });

  it('TEST-053: the own spy records calls and supports the mock* family', async () => {
    const spy = createOwnSpy<(a: number, b: string) => number | Promise<number>>();
    expect(spy(1, 'a')).toBeUndefined();
    expect(spy.mock.calls).toEqual([[1, 'a']]);
    spy.mockImplementation((a) => a * 2);
    expect(spy(4, 'b')).toBe(8);
    spy.mockReturnValue(7);
    expect(spy(0, 'c')).toBe(7);
    spy.mockResolvedValue(5);
    await expect(spy(0, 'd')).resolves.toBe(5);
    spy.mockRejectedValue(new Error('no'));
    await expect(spy(0, 'e')).rejects.toThrow('no');
    expect(spy.mock.calls).toHaveLength(5);
    spy.mockReset();
    expect(spy.mock.calls).toEqual([]);
    expect(spy(1, 'f')).toBeUndefined();
  });
});
