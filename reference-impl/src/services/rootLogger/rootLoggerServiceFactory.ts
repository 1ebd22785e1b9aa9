import { coreServices } from '../../authoring/coreServices.js';
import { createServiceFactory } from '../../authoring/createServiceFactory.js';
import { ConsoleLogger } from './ConsoleLogger.js';

/** The default `core.rootLogger` factory: a console logger at `info`. */
export const rootLoggerServiceFactory = createServiceFactory({
  service: coreServices.rootLogger,
  deps: {},
  factory: () => new ConsoleLogger(),
});
