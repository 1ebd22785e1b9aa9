import type { ConfigReader } from './ConfigReader.js';
import { readDuration } from './readDuration.js';

/** The `backend.server` settings applied to the Node server; absent keys keep Node's defaults. */
export interface ServerOptions {
  headersTimeout?: number;
  requestTimeout?: number;
  keepAliveTimeout?: number;
  timeout?: number;
  maxHeadersCount?: number;
  maxRequestsPerSocket?: number;
}

const TIMEOUTS = ['headersTimeout', 'requestTimeout', 'keepAliveTimeout', 'timeout'] as const;
const LIMITS = ['maxHeadersCount', 'maxRequestsPerSocket'] as const;

/**
 * Reads `backend.server` (RHTTP-032 to RHTTP-035): timeouts as milliseconds or durations, limits
 * as numbers.
 *
 * @throws ConfigError `CONF_INVALID_DURATION` naming the timeout's config path.
 */
export function readServerOptions(config: ConfigReader): ServerOptions {
  const options: ServerOptions = {};
  for (const key of TIMEOUTS) {
    const value = config.getOptional(`backend.server.${key}`);
    if (value !== undefined && value !== null)
      options[key] = readDuration(value, `backend.server.${key}`);
  }
  for (const key of LIMITS) {
    const value = config.getOptional(`backend.server.${key}`);
    if (value === undefined || value === null) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      // The config schema already rejects this; the spec defines no code of its own for it.
      throw new TypeError(
        `backend.server.${key} must be a non-negative integer, received ${JSON.stringify(value)}`,
      );
    }
    options[key] = value;
  }
  return options;
}
