import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express';

/** A handler of a composed chain: a request handler, or an error handler (four parameters). */
export type ComposableHandler = RequestHandler | ErrorRequestHandler;

/** Nested synchronous `next` calls after which the chain goes on in a later turn (express's limit). */
const MAX_SYNC_DEPTH = 100;

/**
 * Runs `handlers` one after the other as one request handler, as an express router with each of
 * them mounted by `use(handler)` at `/` would, without the router's per-layer path matching,
 * parameter processing and closures.
 *
 * **Details**: the same rules as express 4's router apply: without an error, handlers with more
 * than three parameters are skipped; with one (any truthy value passed to `next`, or thrown
 * synchronously), only those with exactly four run, with the error as first argument. `next('route')` is no error;
 * `next('router')` leaves the chain. `req.next` is the chain's `next` while a handler runs (express's
 * `res.format` calls it) and is restored when the chain passes the request on to `done`, with
 * the error, if any, that no handler took care of. The array is read as requests pass through,
 * so handlers added to it later serve the requests received from then on. After 100 nested
 * synchronous `next` calls the chain continues from `setImmediate`, as express 4's router does,
 * so that no number of synchronous handlers overflows the stack.
 */
export function composeHandlers(handlers: ReadonlyArray<ComposableHandler>): RequestHandler {
  return (req: Request, res: Response, done: NextFunction): void => {
    const parentNext = req.next;
    let index = 0;
    // How deep handlers that call `next` synchronously have nested this chain's calls.
    let depth = 0;
    const next = (error?: unknown): void => {
      if (error === 'router') {
        req.next = parentNext;
        done();
        return;
      }
      if (++depth > MAX_SYNC_DEPTH) {
        // Thousands of handlers that each call `next` synchronously would overflow the stack; go
        // on from an empty stack, as express's router does. The frames unwinding meanwhile reset
        // the depth.
        setImmediate(next, error);
        return;
      }
      // Falsy values are no error to express either; passing on `undefined` keeps them apart.
      const layerError = error && error !== 'route' ? error : undefined;
      while (index < handlers.length) {
        const handler = handlers[index++]!;
        const arity = handler.length;
        if (layerError === undefined ? arity > 3 : arity !== 4) continue;
        req.next = next;
        try {
          if (layerError !== undefined)
            (handler as ErrorRequestHandler)(layerError, req, res, next);
          else (handler as RequestHandler)(req, res, next);
        } catch (thrown) {
          next(thrown);
        }
        depth = 0;
        return;
      }
      req.next = parentNext;
      done(layerError);
    };
    next();
  };
}
