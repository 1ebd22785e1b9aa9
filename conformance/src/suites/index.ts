import type { ConformanceTest } from '../harness/ConformanceTest.js';
import { backendInstanceTests } from './runtime/backend-instance.js';
import { loadersTests } from './runtime/loaders.js';
import { modulesTests } from './runtime/modules.js';
import { pluginsTests } from './runtime/plugins.js';
import { servicesTests } from './runtime/services.js';
import { shutdownTests } from './runtime/shutdown.js';
import { startupTests } from './runtime/startup.js';
import { wireFormatTests } from './runtime/wire-format.js';
import { wiringFixtureTests } from './runtime/wiring.js';
import { serviceTests } from './services/index.js';

/** Every runtime-class test, in chapter order. */
export const runtimeTests: readonly ConformanceTest[] = [
  ...wireFormatTests,
  ...backendInstanceTests,
  ...servicesTests,
  ...pluginsTests,
  ...modulesTests,
  ...loadersTests,
  ...wiringFixtureTests,
  ...startupTests,
  ...shutdownTests,
];

export { serviceTests };

/** Every test of the suite: the runtime chapters, then the service contract chapters. */
export const conformanceTests: readonly ConformanceTest[] = [...runtimeTests, ...serviceTests];
