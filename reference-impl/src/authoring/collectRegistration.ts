import { OpenstageError } from '../errors/OpenstageError.js';
import type {
  ConnectionRegistration,
  ExtensionPointFactoryContext,
  InternalExtensionPoint,
  InternalExtensionPointRegistration,
  InternalInitRegistration,
} from '../wireFormat/types.js';

/** What one `register()` call produced. */
export interface CollectedRegistration {
  extensionPoints: InternalExtensionPointRegistration[];
  connections: ConnectionRegistration[];
  init: InternalInitRegistration;
}

/** The registration points at run time: the public ones plus `registerConnection`. */
export interface RuntimeRegistrationPoints {
  registerExtensionPoint(
    refOrOptions:
      | InternalExtensionPoint
      | {
          extensionPoint: InternalExtensionPoint;
          factory: (ctx: ExtensionPointFactoryContext) => unknown;
        },
    impl?: unknown,
  ): void;
  registerConnection(registration: ConnectionRegistration): void;
  registerInit(options: {
    deps: InternalInitRegistration['deps'];
    init(deps: { [name in string]: unknown }): Promise<void>;
  }): void;
}

/**
 * Runs a plugin's or module's `register` callback and collects what it
 * registered, enforcing the registration-time rules: extension points and
 * connections before `registerInit`, `registerInit` exactly once, connection
 * types unique.
 */
export function collectRegistration(
  owner: { pluginId: string; moduleId?: string },
  register: (reg: RuntimeRegistrationPoints) => void,
): CollectedRegistration {
  const extensionPoints: InternalExtensionPointRegistration[] = [];
  const connections: ConnectionRegistration[] = [];
  let init: InternalInitRegistration | undefined;

  const reg: RuntimeRegistrationPoints = {
    registerExtensionPoint(refOrOptions, impl) {
      if (init) {
        throw new OpenstageError('FEAT_REGISTRATION_AFTER_INIT', {
          ...owner,
          method: 'registerExtensionPoint',
        });
      }
      if (
        typeof refOrOptions === 'object' &&
        refOrOptions !== null &&
        'extensionPoint' in refOrOptions
      ) {
        extensionPoints.push({
          extensionPoint: refOrOptions.extensionPoint,
          factory: refOrOptions.factory,
        });
      } else {
        extensionPoints.push({ extensionPoint: refOrOptions, factory: () => impl });
      }
    },
    registerConnection(registration) {
      if (init) {
        throw new OpenstageError('FEAT_REGISTRATION_AFTER_INIT', {
          ...owner,
          method: 'registerConnection',
        });
      }
      if (connections.some((c) => c.type === registration.type)) {
        throw new OpenstageError('FEAT_DUPLICATE_CONNECTION', {
          ...owner,
          connectionType: registration.type,
        });
      }
      connections.push({ ...registration });
    },
    registerInit(options) {
      if (init) {
        throw new OpenstageError('FEAT_INIT_ALREADY_REGISTERED', owner);
      }
      init = { deps: options.deps, func: options.init };
    },
  };

  register(reg);
  if (!init) {
    throw new OpenstageError('FEAT_INIT_NOT_REGISTERED', owner);
  }
  return { extensionPoints, connections, init };
}
