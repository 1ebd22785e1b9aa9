import type { AuditorServiceCreateEventOptions, MockAuditorService } from '@openstage/spec';

/** The recording fake of `mockServices.auditor()` (TEST-090). */
export function createMockAuditor(): MockAuditorService {
  const events: MockAuditorService['events'] = [];
  return {
    events,
    async createEvent(options: AuditorServiceCreateEventOptions) {
      const record: MockAuditorService['events'][number] = { options, status: 'initiated' };
      events.push(record);
      return {
        async success() {
          record.status = 'succeeded';
        },
        async fail({ error }: { error: Error }) {
          record.status = 'failed';
          record.error = error;
        },
      };
    },
  };
}
