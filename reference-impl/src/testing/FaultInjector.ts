import type { Fault } from '@openstage/spec';
import type {
  InternalRegistration,
  InternalServiceFactory,
  InternalServiceRef,
} from '../wireFormat/types.js';
import { coreServiceRefs } from './coreServiceRefs.js';
import { TestKitError } from './TestKitError.js';

/** The dependency key under which a wrapped plugin factory learns its plugin id. */
const PLUGIN_KEY = '__openstageFaultPluginMetadata';

/** The culprit ids of a fault: its plugin, and its service or module. */
function faultTarget(fault: Fault): { pluginId?: string; moduleId?: string; serviceId?: string } {
  if (fault.target === 'serviceFactory') {
    return fault.pluginId === undefined
      ? { serviceId: fault.serviceId }
      : { serviceId: fault.serviceId, pluginId: fault.pluginId };
  }
  return fault.moduleId === undefined
    ? { pluginId: fault.pluginId }
    : { pluginId: fault.pluginId, moduleId: fault.moduleId };
}

function describeFault(fault: Fault): string {
  if (fault.target === 'serviceFactory') {
    return `serviceFactory fault on '${fault.serviceId}'${fault.pluginId === undefined ? '' : ` for plugin '${fault.pluginId}'`}`;
  }
  return fault.moduleId === undefined
    ? `init fault on plugin '${fault.pluginId}'`
    : `init fault on module '${fault.moduleId}' of plugin '${fault.pluginId}'`;
}

/**
 * Applies the `faults` of a test backend (TEST-240 to TEST-247, TEST-255): wraps the targeted
 * service factories and `init` functions so that they throw or hang, and rejects every pending
 * hang when the backend stops.
 */
export class FaultInjector {
  readonly #faults: readonly Fault[];
  readonly #hanging = new Set<(error: Error) => void>();

  constructor(faults: readonly Fault[] = []) {
    for (const fault of faults) {
      if ((fault.effect as string) !== 'throw' && (fault.effect as string) !== 'hang') {
        throw new TypeError(
          `Invalid fault effect ${JSON.stringify(fault.effect)} in ${describeFault(fault)}, expected 'throw' or 'hang'`,
        );
      }
    }
    this.#faults = faults;
  }

  /** TEST-246: every fault must name a plugin, module or service the backend has. */
  checkTargets(
    registrations: readonly InternalRegistration[],
    serviceIds: ReadonlySet<string>,
  ): void {
    const plugins = new Set(registrations.map((r) => r.pluginId));
    const modules = new Set(
      registrations
        .filter((r) => 'moduleId' in r)
        .map((r) => `${r.pluginId}/${(r as { moduleId: string }).moduleId}`),
    );
    for (const fault of this.#faults) {
      const unknown =
        fault.target === 'serviceFactory'
          ? !serviceIds.has(fault.serviceId) ||
            (fault.pluginId !== undefined && !plugins.has(fault.pluginId))
          : fault.moduleId === undefined
            ? !plugins.has(fault.pluginId)
            : !modules.has(`${fault.pluginId}/${fault.moduleId}`);
      if (unknown) {
        throw new TestKitError('TEST_UNKNOWN_FAULT_TARGET', faultTarget(fault));
      }
    }
  }

  /** Replaces the init of every targeted plugin or module (TEST-242). */
  wrapRegistration(registration: InternalRegistration): InternalRegistration {
    const moduleId = 'moduleId' in registration ? registration.moduleId : undefined;
    const fault = this.#faults.find(
      (f) => f.target === 'init' && f.pluginId === registration.pluginId && f.moduleId === moduleId,
    );
    if (fault === undefined) return registration;
    return {
      ...registration,
      init: { ...registration.init, func: () => this.#fire(fault) },
    } as InternalRegistration;
  }

  /** Wraps a factory whose service a fault targets (TEST-241); others are returned as they are. */
  wrapFactory(factory: InternalServiceFactory): InternalServiceFactory {
    const faults = this.#faults.filter(
      (f) => f.target === 'serviceFactory' && f.serviceId === factory.service.id,
    );
    if (faults.length === 0) return factory;
    const pick = (pluginId: string | undefined): Fault | undefined =>
      faults.find(
        (f) =>
          f.target === 'serviceFactory' && (f.pluginId === undefined || f.pluginId === pluginId),
      );
    if (factory.service.scope === 'root') {
      return {
        ...factory,
        factory: (deps, context) => {
          const fault = pick(undefined);
          return fault ? this.#fire(fault) : factory.factory(deps, context);
        },
      };
    }
    return {
      ...factory,
      deps: {
        ...factory.deps,
        [PLUGIN_KEY]: coreServiceRefs.pluginMetadata as unknown as InternalServiceRef,
      },
      factory: (deps, context) => {
        const { [PLUGIN_KEY]: metadata, ...rest } = deps;
        const fault = pick((metadata as { getId(): string }).getId());
        return fault ? this.#fire(fault) : factory.factory(rest, context);
      },
    };
  }

  /** TEST-255: pending hangs reject so the backend can stop. */
  releaseHangs(): void {
    for (const reject of [...this.#hanging]) {
      reject(new TestKitError('TEST_INJECTED_FAULT', { outcome: 'pending' }));
    }
    this.#hanging.clear();
  }

  #fire(fault: Fault): Promise<never> {
    const target = faultTarget(fault);
    if (fault.effect === 'throw') {
      return Promise.reject(
        new TestKitError('TEST_INJECTED_FAULT', { ...target, outcome: 'threw' }),
      );
    }
    return new Promise<never>((_resolve, reject) => {
      const release = (cause: Error): void => {
        this.#hanging.delete(release);
        reject(new TestKitError('TEST_INJECTED_FAULT', { ...target, outcome: 'hung' }, { cause }));
      };
      this.#hanging.add(release);
    });
  }
}
