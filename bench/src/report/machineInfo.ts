import { createRequire } from 'node:module';
import { cpus, release, totalmem, type as osType } from 'node:os';
import type { MachineInfo } from '../results/BenchResults.js';

const require = createRequire(import.meta.url);

/** The machine this process runs on. */
export function machineInfo(): MachineInfo {
  const cores = cpus();
  return {
    cpuModel: cores[0]?.model.trim() ?? 'unknown',
    cores: cores.length,
    totalMemoryBytes: totalmem(),
    node: process.version,
    os: `${osType()} ${release()} (${process.platform}/${process.arch})`,
  };
}

/** The installed versions of the packages the figures depend on, as resolved from bench/. */
export function packageVersions(): Record<string, string> {
  const names = [
    '@openstage/reference-impl',
    '@backstage/backend-defaults',
    '@backstage/backend-app-api',
    '@backstage/backend-plugin-api',
    'express',
    'autocannon',
  ];
  return Object.fromEntries(
    names.map((name) => [name, (require(`${name}/package.json`) as { version: string }).version]),
  );
}
