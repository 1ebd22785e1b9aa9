import { describe, expect, it } from 'vitest';
import { mockCredentials } from './mockCredentials.js';
import { isTestKitError } from './TestKitError.js';

describe('mockCredentials', () => {
  it('TEST-121: credentials follow the wire format and hide nothing enumerable but $$type, version and principal', () => {
    const credentials = mockCredentials.user();
    expect(credentials.$$type).toBe('@backstage/BackstageCredentials');
    expect(Object.keys(credentials).sort()).toEqual(['$$type', 'principal', 'version']);
  });

  it('TEST-122, TEST-123: none() and its header', () => {
    expect(mockCredentials.none().principal).toEqual({ type: 'none' });
    expect(mockCredentials.none.header()).toBe('Bearer mock-none-token');
  });

  it('TEST-124 to TEST-129: user credentials, tokens and headers', () => {
    expect(mockCredentials.user().principal).toEqual({
      type: 'user',
      userEntityRef: 'user:default/mock',
    });
    expect(mockCredentials.user('user:default/jane').principal).toEqual({
      type: 'user',
      userEntityRef: 'user:default/jane',
    });
    expect(mockCredentials.user.token()).toBe('mock-user-token');
    expect(mockCredentials.user.token('user:default/jane')).toBe(
      'mock-user-token:{"sub":"user:default/jane"}',
    );
    expect(mockCredentials.user.header()).toBe('Bearer mock-user-token');
    expect(mockCredentials.user.header('user:default/jane')).toBe(
      'Bearer mock-user-token:{"sub":"user:default/jane"}',
    );
    expect(mockCredentials.user.invalidToken()).toBe('mock-invalid-user-token');
    expect(mockCredentials.user.invalidHeader()).toBe('Bearer mock-invalid-user-token');
  });

  it('TEST-130 to TEST-134: limited user credentials, tokens and cookies', () => {
    expect(mockCredentials.limitedUser('user:default/jane')).toEqual(
      mockCredentials.user('user:default/jane'),
    );
    expect(mockCredentials.limitedUser.token()).toBe(
      'mock-limited-user-token:{"sub":"user:default/mock"}',
    );
    expect(mockCredentials.limitedUser.cookie('user:default/jane')).toBe(
      'backstage-auth=mock-limited-user-token:{"sub":"user:default/jane"}',
    );
    expect(mockCredentials.limitedUser.invalidToken()).toBe('mock-invalid-limited-user-token');
    expect(mockCredentials.limitedUser.invalidCookie()).toBe(
      'backstage-auth=mock-invalid-limited-user-token',
    );
  });

  it('TEST-135: service credentials carry access restrictions only when given', () => {
    expect(mockCredentials.service().principal).toEqual({
      type: 'service',
      subject: 'external:test-service',
    });
    expect('accessRestrictions' in (mockCredentials.service().principal as object)).toBe(false);
    expect(mockCredentials.service('plugin:x', { permissionNames: ['a'] }).principal).toEqual({
      type: 'service',
      subject: 'plugin:x',
      accessRestrictions: { permissionNames: ['a'] },
    });
  });

  it('TEST-136 to TEST-140: service tokens and headers', () => {
    expect(mockCredentials.service.token()).toBe('mock-service-token');
    expect(
      mockCredentials.service.token({
        onBehalfOf: mockCredentials.user('user:default/jane'),
        targetPluginId: 'catalog',
      }),
    ).toBe('mock-service-token:{"obo":"user:default/jane","target":"catalog"}');
    expect(
      mockCredentials.service.token({
        onBehalfOf: mockCredentials.service('plugin:a'),
        targetPluginId: 'b',
      }),
    ).toBe('mock-service-token:{"sub":"plugin:a","target":"b"}');
    expect(mockCredentials.service.header()).toBe('Bearer mock-service-token');
    expect(mockCredentials.service.invalidToken()).toBe('mock-invalid-service-token');
    expect(mockCredentials.service.invalidHeader()).toBe('Bearer mock-invalid-service-token');
  });

  it('TEST-141: a malformed entity ref is a TypeError with TEST_INVALID_ENTITY_REF', () => {
    for (const call of [
      () => mockCredentials.user('jane'),
      () => mockCredentials.user.token('user:jane'),
      () => mockCredentials.user.header('default/jane'),
      () => mockCredentials.limitedUser('x'),
      () => mockCredentials.limitedUser.cookie('user:default/'),
    ]) {
      let caught: unknown;
      try {
        call();
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(TypeError);
      expect(isTestKitError(caught, 'TEST_INVALID_ENTITY_REF')).toBe(true);
    }
  });
});
