import { fileURLToPath } from 'node:url';
import type { RuntimeName } from '../child/loadRuntime.js';

const benchRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The configuration file both runtimes start with. */
export const CONFIG_FILE = `${benchRoot}config/app-config.yaml`;

/**
 * The backend package a runtime's processes run in: its `package.json` declares what a backend
 * on that runtime depends on, which is what the config-schema collection walks.
 */
export function backendPackageDir(runtime: RuntimeName): string {
  return `${benchRoot}fixtures/${runtime}-backend`;
}

/** Where results are written by default. */
export const RESULTS_DIR = `${benchRoot}results`;

/** Both runtimes, in the order every scenario alternates them. */
export const RUNTIMES: RuntimeName[] = ['openstage', 'backstage'];
