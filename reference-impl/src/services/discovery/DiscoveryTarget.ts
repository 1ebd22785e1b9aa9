import { DiscoveryError } from './discoveryErrors.js';

/** A compiled `discovery.endpoints[].target` for one direction. */
export type DiscoveryTarget =
  | { readonly kind: 'url'; readonly template: string }
  | { readonly kind: 'srv'; readonly template: string; readonly scheme: 'http' | 'https' };

const PLACEHOLDER = /\{\{\s*pluginId\s*\}\}/g;
const SRV_SCHEME = /^(https?)\+srv:/i;

/** `template` with every `{{pluginId}}` replaced by the encoded plugin id (DISC-048, DISC-049). */
export function fillTemplate(template: string, pluginId: string): string {
  return template.replace(PLACEHOLDER, () => encodeURIComponent(pluginId));
}

/** Removes every trailing `/` (DISC-050). */
export function stripTrailingSlashes(url: string): string {
  let end = url.length;
  while (end > 0 && url.charCodeAt(end - 1) === 47) end -= 1;
  return url.slice(0, end);
}

/**
 * Compiles a target for one direction, rejecting SRV URLs where they are not allowed
 * (DISC-063) and malformed SRV URLs (DISC-064).
 */
export function compileTarget(
  template: string,
  direction: 'internal' | 'external',
  configPath: string,
): DiscoveryTarget {
  const srv = SRV_SCHEME.exec(template);
  if (!srv) return { kind: 'url', template };
  if (direction === 'external') {
    throw new DiscoveryError('DISC_SRV_NOT_ALLOWED', { configPath, value: template });
  }
  let url: URL;
  try {
    url = new URL(fillTemplate(template, 'plugin'));
  } catch (cause) {
    throw new DiscoveryError(
      'DISC_SRV_INVALID_URL',
      { configPath, value: template, reason: 'is not a valid URL' },
      { cause },
    );
  }
  const problems = [
    url.port !== '' && 'holds a port',
    (url.username !== '' || url.password !== '') && 'holds a user name or password',
    url.search !== '' && 'holds a query',
    url.hash !== '' && 'holds a fragment',
    url.hostname === '' && 'has no record name',
  ].filter(Boolean);
  if (problems.length > 0) {
    throw new DiscoveryError('DISC_SRV_INVALID_URL', {
      configPath,
      value: template,
      reason: problems.join(', '),
    });
  }
  return { kind: 'srv', template, scheme: (srv[1] ?? 'http').toLowerCase() as 'http' | 'https' };
}
