import { coreRefs } from './coreRefs.js';
import { serviceFactory, type TestServiceFactory } from './serviceFactory.js';

type Hook = () => unknown;

/**
 * Suite-owned `core.rootLifecycle` and `core.lifecycle` factories that record when the runtime
 * calls their phase methods (`startup`, `beforeShutdown`, `shutdown`) into `events`, as
 * `root:startup`, `plugin:<pluginId>:shutdown`, and so on. Hooks run in parallel and their
 * errors are swallowed, as a conforming lifecycle service does; what is under test is when the
 * runtime triggers each phase, not the service.
 */
export function recordingLifecycleFactories(events: string[]): TestServiceFactory[] {
  const runAll = async (hooks: Hook[]): Promise<void> => {
    await Promise.all(
      hooks.map(async (hook) => {
        try {
          await hook();
        } catch {
          // A conforming lifecycle service logs and carries on (LIFE-016, LIFE-017).
        }
      }),
    );
  };
  const root = serviceFactory({
    service: coreRefs.rootLifecycle,
    factory: () => {
      const startup: Hook[] = [];
      const before: Hook[] = [];
      const shutdown: Hook[] = [];
      return {
        addStartupHook: (hook: Hook) => void startup.push(hook),
        addBeforeShutdownHook: (hook: Hook) => void before.push(hook),
        addShutdownHook: (hook: Hook) => void shutdown.push(hook),
        startup: async () => {
          events.push('root:startup');
          await runAll(startup);
        },
        beforeShutdown: async () => {
          events.push('root:beforeShutdown');
          await runAll(before);
        },
        shutdown: async () => {
          events.push('root:shutdown');
          await runAll(shutdown);
        },
      };
    },
  });
  const plugin = serviceFactory({
    service: coreRefs.lifecycle,
    deps: { metadata: coreRefs.pluginMetadata },
    factory: ({ metadata }) => {
      const pluginId = (metadata as { getId(): string }).getId();
      const startup: Hook[] = [];
      const shutdown: Hook[] = [];
      return {
        addStartupHook: (hook: Hook) => void startup.push(hook),
        addShutdownHook: (hook: Hook) => void shutdown.push(hook),
        startup: async () => {
          events.push(`plugin:${pluginId}:startup`);
          await runAll(startup);
        },
        shutdown: async () => {
          events.push(`plugin:${pluginId}:shutdown`);
          await runAll(shutdown);
        },
      };
    },
  });
  return [root, plugin];
}
