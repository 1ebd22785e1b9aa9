import type { RootHealthService, RootHealthServiceResponse } from '@openstage/spec';
import type { RequestHandler, Response } from 'express';
import type { ConfigReader } from './ConfigReader.js';
import { RootHttpRouterError } from './RootHttpRouterError.js';

const PREFIX = '/.backstage/health/v1/';

/**
 * Serves `GET /.backstage/health/v1/liveness` and `.../readiness` at the server root from the
 * `rootHealth` service (HLTH-003 to HLTH-007), adding the headers of `backend.health.headers`.
 *
 * **Details**: any other request passes on after one string comparison, so the health endpoints
 * cost the rest of the traffic next to nothing.
 *
 * @throws RootHttpRouterError `HLTH_INVALID_HEADER` naming the key, when a header name or value
 *   is not a non-empty string (HLTH-008).
 */
export function createHealthRouter(options: {
  health: RootHealthService;
  config: ConfigReader;
}): RequestHandler {
  const { health } = options;
  const headers = readHealthHeaders(options.config.getOptional('backend.health.headers'));
  const send = (res: Response, result: RootHealthServiceResponse): void => {
    for (const [name, value] of headers) res.setHeader(name, value);
    res.status(result.status).json(result.payload ?? null);
  };
  return (req, res, next) => {
    const url = req.url;
    if (!url.startsWith(PREFIX) || (req.method !== 'GET' && req.method !== 'HEAD')) {
      next();
      return;
    }
    const queryAt = url.indexOf('?');
    const name = url.slice(PREFIX.length, queryAt === -1 ? undefined : queryAt);
    let pending: Promise<RootHealthServiceResponse>;
    if (name === 'liveness') pending = health.getLiveness();
    else if (name === 'readiness') pending = health.getReadiness();
    else {
      next();
      return;
    }
    pending.then((result) => send(res, result), next);
  };
}

function readHealthHeaders(value: unknown): Array<[string, string]> {
  if (value === undefined || value === null) return [];
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw invalidHeader('backend.health.headers', 'must be a mapping of header names to values');
  }
  const headers: Array<[string, string]> = [];
  for (const [name, headerValue] of Object.entries(value)) {
    const configPath = `backend.health.headers.${name}`;
    if (name.trim() === '') throw invalidHeader(configPath, 'the header name is empty');
    if (typeof headerValue !== 'string' || headerValue === '') {
      throw invalidHeader(
        configPath,
        `must be a non-empty string, received ${JSON.stringify(headerValue)}`,
      );
    }
    headers.push([name, headerValue]);
  }
  return headers;
}

function invalidHeader(
  configPath: string,
  problem: string,
): RootHttpRouterError<'HLTH_INVALID_HEADER'> {
  return new RootHttpRouterError('HLTH_INVALID_HEADER', { configPath, problem });
}
