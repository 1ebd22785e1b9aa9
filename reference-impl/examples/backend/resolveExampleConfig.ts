import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The example's `app-config.yaml`: next to this file when run from source, or back in
 * `examples/backend/` when run from the build in `dist-examples/examples/backend/`.
 */
export function resolveExampleConfig(): string {
  const candidates = [
    new URL('./app-config.yaml', import.meta.url),
    new URL('../../../examples/backend/app-config.yaml', import.meta.url),
  ].map((url) => fileURLToPath(url));
  const found = candidates.find((file) => existsSync(file));
  if (!found)
    throw new Error(`The example's app-config.yaml is missing; looked at ${candidates.join(', ')}`);
  return found;
}
