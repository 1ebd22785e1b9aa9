import type { ConformanceTest } from '../harness/ConformanceTest.js';
import { backendInstanceTests } from './runtime/backend-instance.js';
import { servicesTests } from './runtime/services.js';
import { shutdownTests } from './runtime/shutdown.js';
import { startupTests } from './runtime/startup.js';
import { wireFormatTests } from './runtime/wire-format.js';
import { wiringFixtureTests } from './runtime/wiring.js';

/** Every runtime-class test, in chapter order. */
export const runtimeTests: readonly ConformanceTest[] = [
  ...wireFormatTests,
  ...backendInstanceTests,
  ...servicesTests,
  ...wiringFixtureTests,
  ...startupTests,
  ...shutdownTests,
];
