import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JsonObject } from '@openstage/spec';

let root: string | undefined;
let count = 0;

/**
 * Writes `config` to a fresh `app-config.yaml` (JSON is valid YAML) in its own empty folder under
 * one temporary directory per process, removed when the process exits. The default rootConfig
 * reads it through `--config`, so the suite judges the factory createBackend() installs.
 */
export function suiteConfigFile(config: JsonObject): { dir: string; file: string } {
  if (root === undefined) {
    const created = mkdtempSync(join(tmpdir(), 'openstage-conformance-config-'));
    root = created;
    process.once('exit', () => rmSync(created, { recursive: true, force: true }));
  }
  const dir = join(root, String(++count));
  mkdirSync(dir);
  const file = join(dir, 'app-config.yaml');
  writeFileSync(file, JSON.stringify(config));
  return { dir, file };
}
