import { appendConfigPath } from './configPath.js';
import { isJsonObject } from './jsonValues.js';

/**
 * Converts a JSON pointer into `data` (`/backend/logger/overrides/0`) into a config path
 * (`backend.logger.overrides[0]`), using the data to tell array indices from keys.
 */
export function pointerToConfigPath(pointer: string, data: unknown): string {
  if (pointer === '') return '';
  let path = '';
  let node: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node) && /^\d+$/.test(segment)) {
      path = appendConfigPath(path, Number(segment));
      node = node[Number(segment)];
    } else {
      path = appendConfigPath(path, segment);
      node = isJsonObject(node) ? node[segment] : undefined;
    }
  }
  return path;
}
