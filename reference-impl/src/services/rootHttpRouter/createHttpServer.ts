import * as http from 'node:http';
import type * as Https from 'node:https';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { RequestListener } from 'node:http';
import { createMessageConstructors, type MessagePrototypes } from './createMessageConstructors.js';
import type { ListenOptions } from './readListenOptions.js';
import type { ServerOptions } from './readServerOptions.js';
import { RootHttpRouterError } from './RootHttpRouterError.js';

/** A Node HTTP or HTTPS server with start and graceful stop. */
export interface ManagedHttpServer {
  readonly server: http.Server;
  /** Starts listening; rejects with `RHTTP_LISTEN_FAILED` naming host and port (RHTTP-016). */
  start(): Promise<void>;
  /**
   * Stops accepting connections, closes idle ones, and resolves once every connection has closed
   * (RHTTP-075). With `force`, closes every connection at once (RHTTP-076).
   */
  stop(options?: { force?: boolean }): Promise<void>;
  /** The port the server listens on, once started (the chosen one for port 0). */
  port(): number;
  /** The host as configured, `''` for every interface. */
  readonly host: string;
}

/** How often, while stopping, connections that became idle are closed. */
const IDLE_SWEEP_MS = 50;

// `node:https` loads TLS, a sizeable part of Node, which a backend served over plain HTTP (the
// default) never uses: it is required only when `backend.https` is configured (issue 10).
const require = createRequire(import.meta.url);

/**
 * Creates the backend's server: HTTPS when `tls` is given, plain HTTP otherwise (RHTTP-024,
 * RHTTP-029), with the `backend.server` options applied (RHTTP-032 to RHTTP-034).
 */
export function createHttpServer(options: {
  listener: RequestListener;
  listen: ListenOptions;
  serverOptions?: ServerOptions;
  tls?: { cert: string; key: string };
  /**
   * The prototypes the listener (an express app) gives requests and responses; the server then
   * creates them with those prototypes (see `createMessageConstructors`).
   */
  messagePrototypes?: MessagePrototypes;
}): ManagedHttpServer {
  const { listener, listen } = options;
  const constructors =
    (options.messagePrototypes && createMessageConstructors(options.messagePrototypes)) ?? {};
  const server: http.Server = options.tls
    ? (require('node:https') as typeof Https).createServer(
        { ...constructors, cert: options.tls.cert, key: options.tls.key },
        listener,
      )
    : http.createServer(constructors, listener);
  const serverOptions = options.serverOptions ?? {};
  if (serverOptions.headersTimeout !== undefined)
    server.headersTimeout = serverOptions.headersTimeout;
  if (serverOptions.requestTimeout !== undefined)
    server.requestTimeout = serverOptions.requestTimeout;
  if (serverOptions.keepAliveTimeout !== undefined)
    server.keepAliveTimeout = serverOptions.keepAliveTimeout;
  if (serverOptions.timeout !== undefined) server.timeout = serverOptions.timeout;
  if (serverOptions.maxHeadersCount !== undefined)
    server.maxHeadersCount = serverOptions.maxHeadersCount;
  if (serverOptions.maxRequestsPerSocket !== undefined)
    server.maxRequestsPerSocket = serverOptions.maxRequestsPerSocket;

  let stopping: Promise<void> | undefined;
  return {
    server,
    host: listen.host,
    start: () =>
      new Promise<void>((resolve, reject) => {
        const onError = (error: Error): void => {
          server.off('listening', onListening);
          reject(
            new RootHttpRouterError(
              'RHTTP_LISTEN_FAILED',
              {
                configPath: 'backend.listen',
                address: `${listen.host || '*'}:${listen.port}`,
                reason: error.message,
              },
              { cause: error },
            ),
          );
        };
        const onListening = (): void => {
          server.off('error', onError);
          resolve();
        };
        server.once('error', onError);
        server.once('listening', onListening);
        if (listen.host === '') server.listen(listen.port);
        else server.listen(listen.port, listen.host);
      }),
    stop: ({ force = false } = {}) => {
      stopping ??= new Promise<void>((resolve, reject) => {
        if (!server.listening) {
          resolve();
          return;
        }
        // A keep-alive connection that is busy when stop begins becomes idle once its response
        // is written; the sweep closes it then, so the server's close callback can fire.
        const sweep = force
          ? undefined
          : setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
        server.close((error) => {
          if (sweep !== undefined) clearInterval(sweep);
          if (error) reject(error);
          else resolve();
        });
        if (force) server.closeAllConnections();
        else server.closeIdleConnections();
      });
      return stopping;
    },
    port: () => {
      const address = server.address() as AddressInfo | string | null;
      return address !== null && typeof address === 'object' ? address.port : listen.port;
    },
  };
}
