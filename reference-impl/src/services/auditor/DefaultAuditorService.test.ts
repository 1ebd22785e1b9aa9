import type { BackstageCredentials, HttpRequest, LoggerService } from '@openstage/spec';
import { describe, expect, it } from 'vitest';
import { createTestLogger } from '../rootLogger/createTestLogger.js';
import { MemoryConfig } from '../rootLogger/testing/MemoryConfig.js';
import { DefaultAuditorService } from './DefaultAuditorService.js';
import { AuditorError } from './auditorErrors.js';
import { auditorServiceFactory } from './auditorServiceFactory.js';
import { readSeverityLogLevelMappings } from './readSeverityLogLevelMappings.js';

const creds = (principal: unknown): BackstageCredentials => ({
  $$type: '@backstage/BackstageCredentials',
  principal,
});
const user = creds({ type: 'user', userEntityRef: 'user:default/jane' });

function setup(
  options: {
    level?: 'debug' | 'info';
    requestCredentials?: () => Promise<BackstageCredentials>;
  } = {},
) {
  const test = createTestLogger({ level: options.level ?? 'debug' });
  const logger = test.logger.child({ plugin: 'catalog' });
  const auditor = new DefaultAuditorService({
    pluginId: 'catalog',
    logger,
    httpAuth: {
      credentials: (async () => (options.requestCredentials ?? (async () => user))()) as never,
    },
    auth: {
      getOwnServiceCredentials: async () =>
        creds({ type: 'service', subject: 'plugin:catalog' }) as never,
    },
  });
  return { auditor, test };
}

const request = {
  method: 'DELETE',
  url: '/entities/x',
  originalUrl: '/api/catalog/entities/x',
  ip: '10.1.2.3',
  hostname: 'backstage.example.com',
  headers: { 'user-agent': 'curl/8' },
} as HttpRequest;

describe('DefaultAuditorService', () => {
  it('AUDIT-001: the factory offers core.auditor with plugin scope', () => {
    expect(auditorServiceFactory.service.id).toBe('core.auditor');
    expect(auditorServiceFactory.service.scope).toBe('plugin');
  });

  it('AUDIT-002, AUDIT-006, AUDIT-007, AUDIT-040, AUDIT-041: initiated then succeeded, through the isAuditEvent child', async () => {
    const { auditor, test } = setup();
    const event = await auditor.createEvent({
      eventId: 'entity-delete',
      severityLevel: 'medium',
      request,
    });
    expect(test.entries.map((e) => e.fields['status'])).toEqual(['initiated']);
    await event.success();
    expect(test.entries).toHaveLength(2);
    for (const entry of test.entries) {
      expect(entry.message).toBe('catalog.entity-delete');
      expect(entry.fields).toMatchObject({
        isAuditEvent: true,
        plugin: 'catalog',
        eventId: 'entity-delete',
        severityLevel: 'medium',
      });
    }
    expect(test.entries[1]!.fields['status']).toBe('succeeded');
  });

  it('AUDIT-008, AUDIT-023: fail records status failed and the string form of the error', async () => {
    const { auditor, test } = setup();
    const event = await auditor.createEvent({ eventId: 'x' });
    await event.fail({ error: new TypeError('broken') });
    expect(test.entries[1]!.fields).toMatchObject({ status: 'failed', error: 'TypeError: broken' });
  });

  it('AUDIT-003, AUDIT-004, AUDIT-021: accepts the four levels and defaults to low', async () => {
    const { auditor, test } = setup();
    for (const severityLevel of ['low', 'medium', 'high', 'critical'] as const)
      await auditor.createEvent({ eventId: 'e', severityLevel });
    await auditor.createEvent({ eventId: 'e' });
    expect(test.entries.map((e) => e.fields['severityLevel'])).toEqual([
      'low',
      'medium',
      'high',
      'critical',
      'low',
    ]);
  });

  it('AUDIT-005: rejects an unknown severity naming the value', async () => {
    const { auditor, test } = setup();
    const attempt = auditor.createEvent({ eventId: 'e', severityLevel: 'urgent' as never });
    await expect(attempt).rejects.toBeInstanceOf(AuditorError);
    await expect(attempt).rejects.toMatchObject({
      code: 'AUDIT_INVALID_SEVERITY',
      message: expect.stringContaining('urgent'),
    });
    expect(test.entries).toHaveLength(0);
  });

  it('AUDIT-009, AUDIT-030: meta merges with the later one winning, and is absent when empty', async () => {
    const { auditor, test } = setup();
    const event = await auditor.createEvent({ eventId: 'e', meta: { a: 1, b: 1 } });
    await event.success({ meta: { b: 2, c: 3 } });
    const bare = await auditor.createEvent({ eventId: 'bare' });
    await bare.success();
    expect(test.entries[0]!.fields['meta']).toEqual({ a: 1, b: 1 });
    expect(test.entries[1]!.fields['meta']).toEqual({ a: 1, b: 2, c: 3 });
    expect(test.entries[2]!.fields).not.toHaveProperty('meta');
    expect(test.entries[3]!.fields).not.toHaveProperty('meta');
  });

  it('AUDIT-020, AUDIT-024, AUDIT-026, AUDIT-028, AUDIT-029: user actor with ip, hostname, user agent and the request', async () => {
    const { auditor, test } = setup();
    await auditor.createEvent({ eventId: 'e', request });
    expect(test.entries[0]!.fields).toMatchObject({
      plugin: 'catalog',
      actor: {
        actorId: 'user:default/jane',
        ip: '10.1.2.3',
        hostname: 'backstage.example.com',
        userAgent: 'curl/8',
      },
      request: { url: '/api/catalog/entities/x', method: 'DELETE' },
    });
  });

  it('AUDIT-024: a service principal of the request is named by its subject', async () => {
    const { auditor, test } = setup({
      requestCredentials: async () => creds({ type: 'service', subject: 'external:ci' }),
    });
    await auditor.createEvent({ eventId: 'e', request });
    expect((test.entries[0]!.fields['actor'] as { actorId: string }).actorId).toBe('external:ci');
  });

  it('AUDIT-025: a none principal has no actorId', async () => {
    const { auditor, test } = setup({ requestCredentials: async () => creds({ type: 'none' }) });
    await auditor.createEvent({ eventId: 'e', request });
    expect(test.entries[0]!.fields['actor']).not.toHaveProperty('actorId');
  });

  it('AUDIT-027: without a request, the actor is the plugin itself and no request member is written', async () => {
    const { auditor, test } = setup();
    await auditor.createEvent({ eventId: 'e' });
    expect(test.entries[0]!.fields['actor']).toEqual({ actorId: 'plugin:catalog' });
    expect(test.entries[0]!.fields).not.toHaveProperty('request');
  });

  it('AUDIT-031: unresolvable credentials reject with a wrapping error', async () => {
    const cause = Object.assign(new Error('invalid token'), { name: 'AuthenticationError' });
    const { auditor } = setup({ requestCredentials: async () => Promise.reject(cause) });
    const attempt = auditor.createEvent({ eventId: 'e', request });
    await expect(attempt).rejects.toMatchObject({ code: 'AUDIT_CREDENTIALS_UNRESOLVED', cause });
  });

  it('AUDIT-010: rejects when the record cannot be handed to the logger', async () => {
    const broken: LoggerService = {
      error: () => {},
      warn: () => {},
      info: () => {},
      debug: () => {},
      child: () => ({
        ...broken,
        debug: () => {
          throw new Error('sink down');
        },
      }),
    };
    const auditor = new DefaultAuditorService({
      pluginId: 'p',
      logger: broken,
      httpAuth: { credentials: (async () => user) as never },
      auth: {
        getOwnServiceCredentials: async () =>
          creds({ type: 'service', subject: 'plugin:p' }) as never,
      },
    });
    await expect(auditor.createEvent({ eventId: 'e' })).rejects.toThrow('sink down');
  });

  it('AUDIT-043, AUDIT-044: writes at the mapped level, low at debug by default', async () => {
    const { auditor, test } = setup({ level: 'info' });
    await auditor.createEvent({ eventId: 'low-one' });
    await auditor.createEvent({ eventId: 'medium-one', severityLevel: 'medium' });
    expect(test.entries.map((e) => [e.message, e.level])).toEqual([['catalog.medium-one', 'info']]);

    const mappings = readSeverityLogLevelMappings(
      new MemoryConfig({
        backend: { auditor: { severityLogLevelMappings: { low: 'info', critical: 'error' } } },
      }),
    );
    expect(mappings).toEqual({ low: 'info', medium: 'info', high: 'info', critical: 'error' });
    const t2 = createTestLogger({ level: 'info' });
    const a2 = new DefaultAuditorService({
      pluginId: 'p',
      logger: t2.logger,
      httpAuth: { credentials: (async () => user) as never },
      auth: {
        getOwnServiceCredentials: async () =>
          creds({ type: 'service', subject: 'plugin:p' }) as never,
      },
      severityLogLevelMappings: mappings,
    });
    await a2.createEvent({ eventId: 'a' });
    await a2.createEvent({ eventId: 'b', severityLevel: 'critical' });
    expect(t2.entries.map((e) => e.level)).toEqual(['info', 'error']);
  });

  it('AUDIT-045: an invalid mapping fails with an InputError naming the key, value and valid values', () => {
    let error: unknown;
    try {
      readSeverityLogLevelMappings(
        new MemoryConfig({ backend: { auditor: { severityLogLevelMappings: { high: 'loud' } } } }),
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AuditorError);
    const e = error as AuditorError;
    expect(e.name).toBe('InputError');
    expect(e.code).toBe('AUDIT_INVALID_SEVERITY_MAPPING');
    expect(e.configPath).toBe('backend.auditor.severityLogLevelMappings.high');
    expect(e.message).toContain('backend.auditor.severityLogLevelMappings.high');
    expect(e.message).toContain('loud');
    expect(e.message).toMatch(/debug, info, warn, error/);
  });

  it('AUDIT-046: audit records are redacted like other entries', async () => {
    const { auditor, test } = setup();
    test.logger.addRedactions(['s3cr3t-value']);
    await auditor.createEvent({ eventId: 'e', meta: { leaked: 's3cr3t-value' } });
    expect(test.lines.join('\n')).not.toContain('s3cr3t-value');
    expect(test.find('catalog.e')[0]!.fields['meta']).toEqual({ leaked: '***' });
  });
});
