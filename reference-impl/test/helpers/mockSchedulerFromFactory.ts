import type { LifecycleService, SchedulerService } from '@openstage/spec';
import { createServiceFactory } from '../../src/authoring/createServiceFactory.js';
import { coreServiceRefs } from '../../src/testing/coreServiceRefs.js';
import { MockLifecycleService } from '../../src/testing/fakes/MockLifecycleService.js';
import { mockServices } from '../../src/testing/mockServices.js';
import { ServiceFactoryTester } from '../../src/testing/ServiceFactoryTester.js';

/**
 * The mock scheduler made by its factory for plugin `p`, with the lifecycle it was given, so the
 * test drives startup and shutdown itself.
 */
export async function mockSchedulerFromFactory(
  options?: Parameters<typeof mockServices.scheduler.factory>[0],
): Promise<{
  scheduler: SchedulerService & { waitForTask(id: string): Promise<void> };
  lifecycle: MockLifecycleService;
}> {
  const lifecycle = new MockLifecycleService();
  const tester = ServiceFactoryTester.from(mockServices.scheduler.factory(options), {
    dependencies: [
      // The same lifecycle for every plugin, so the test can run its hooks.
      createServiceFactory({
        service: coreServiceRefs.lifecycle,
        deps: {},
        factory: (): LifecycleService => lifecycle,
      }) as never,
    ],
  });
  const scheduler = (await tester.getSubject('p')) as SchedulerService & {
    waitForTask(id: string): Promise<void>;
  };
  return { scheduler, lifecycle };
}

/**
 * The tasks the factory's mock scheduler runs at startup with `options`, out of three scheduled
 * before startup: `plain` (every minute), `manual` (manual trigger) and `delayed` (initial delay).
 */
export async function tasksRunAtStartup(
  options?: Parameters<typeof mockServices.scheduler.factory>[0],
): Promise<string[]> {
  const { scheduler, lifecycle } = await mockSchedulerFromFactory(options);
  const schedule = { frequency: { minutes: 1 }, timeout: { seconds: 5 } };
  const ran: string[] = [];
  await scheduler.scheduleTask({ id: 'plain', ...schedule, fn: () => void ran.push('plain') });
  await scheduler.scheduleTask({
    id: 'manual',
    frequency: { trigger: 'manual' },
    timeout: { seconds: 1 },
    fn: () => void ran.push('manual'),
  });
  await scheduler.scheduleTask({
    id: 'delayed',
    ...schedule,
    initialDelay: { seconds: 1 },
    fn: () => void ran.push('delayed'),
  });
  await lifecycle.startup();
  return ran;
}
