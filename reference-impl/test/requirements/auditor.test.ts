import type { BackstageCredentials, HttpRequest } from '@openstage/spec';
import { describe, expect, it } from 'vitest';
import { DefaultAuditorService } from '../../src/services/auditor/DefaultAuditorService.js';
import { createTestLogger } from '../../src/services/rootLogger/createTestLogger.js';

const creds = (principal: unknown): BackstageCredentials => ({
  $$type: '@backstage/BackstageCredentials',
  principal,
});

function setup() {
  const test = createTestLogger({ level: 'debug' });
  const auditor = new DefaultAuditorService({
    pluginId: 'catalog',
    logger: test.logger,
    httpAuth: {
      credentials: (async () =>
        creds({ type: 'user', userEntityRef: 'user:default/jane' })) as never,
    },
    auth: {
      getOwnServiceCredentials: async () =>
        creds({ type: 'service', subject: 'plugin:catalog' }) as never,
    },
  });
  return { auditor, entries: test.entries };
}

const request = {
  method: 'POST',
  url: '/refresh',
  originalUrl: '/api/catalog/refresh',
  ip: '10.0.0.9',
  hostname: 'backstage.example.com',
  headers: { 'user-agent': 'test-agent/1' },
} as HttpRequest;

describe('audit records', () => {
  it('AUDIT-022: every record holds status initiated, succeeded or failed', async () => {
    const { auditor, entries } = setup();
    const ok = await auditor.createEvent({ eventId: 'ok' });
    await ok.success();
    const bad = await auditor.createEvent({ eventId: 'bad', request });
    await bad.fail({ error: new Error('nope') });
    expect(entries.map((e) => [e.message, e.fields['status']])).toEqual([
      ['catalog.ok', 'initiated'],
      ['catalog.ok', 'succeeded'],
      ['catalog.bad', 'initiated'],
      ['catalog.bad', 'failed'],
    ]);
  });

  it('AUDIT-042: the log metadata holds every member of the record', async () => {
    const { auditor, entries } = setup();
    const event = await auditor.createEvent({
      eventId: 'entity-refresh',
      severityLevel: 'high',
      request,
      meta: { entityRef: 'component:default/x' },
    });
    await event.fail({ error: new RangeError('too far'), meta: { attempt: 2 } });
    const actor = {
      actorId: 'user:default/jane',
      ip: '10.0.0.9',
      hostname: 'backstage.example.com',
      userAgent: 'test-agent/1',
    };
    const common = {
      isAuditEvent: true,
      plugin: 'catalog',
      eventId: 'entity-refresh',
      severityLevel: 'high',
      actor,
      request: { url: '/api/catalog/refresh', method: 'POST' },
    };
    expect(entries.map((e) => e.fields)).toEqual([
      expect.objectContaining({
        ...common,
        status: 'initiated',
        meta: { entityRef: 'component:default/x' },
      }),
      expect.objectContaining({
        ...common,
        status: 'failed',
        error: 'RangeError: too far',
        meta: { entityRef: 'component:default/x', attempt: 2 },
      }),
    ]);
  });
});
