import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { composeHandlers, type ComposableHandler } from './composeHandlers.js';

/** A request handler, typed for the array of mixed handlers it goes in. */
const step = (handler: RequestHandler): ComposableHandler => handler;

/** An error handler that records `caught <message>`, then passes the error on or clears it. */
const catcher =
  (trace: string[], then: 'pass on' | 'clear'): ComposableHandler =>
  (err: unknown, _req: Request, _res: Response, next: NextFunction) => {
    trace.push(`caught ${(err as Error).message}`);
    if (then === 'pass on') next(err);
    else next();
  };

/** Runs `handlers` on a fresh request; resolves to the trace and what reached `done`. */
function run(
  handlers: ComposableHandler[],
  trace: string[],
): Promise<{ trace: string[]; done: unknown[]; req: Request }> {
  const parentNext = (() => undefined) as NextFunction;
  const req = { next: parentNext } as unknown as Request;
  return new Promise((resolve) => {
    composeHandlers(handlers)(req, {} as Response, (...args: unknown[]) => {
      expect(req.next).toBe(parentNext);
      resolve({ trace, done: args, req });
    });
  });
}

describe('composeHandlers', () => {
  it('runs the handlers in order and passes the request on when all call next', async () => {
    const trace: string[] = [];
    const result = await run(
      [
        step((_req, _res, next) => (trace.push('a'), next())),
        step((_req, _res, next) => void setImmediate(() => (trace.push('b'), next()))),
        step((_req, _res, next) => (trace.push('c'), next())),
      ],
      trace,
    );
    expect(result.trace).toEqual(['a', 'b', 'c']);
    expect(result.done).toEqual([undefined]);
  });

  it('skips request handlers on an error and error handlers without one, as express does', async () => {
    const trace: string[] = [];
    const failure = new Error('boom');
    const result = await run(
      [
        (_err: unknown, _req: Request, _res: Response, next: NextFunction) => {
          trace.push('error handler without error');
          next();
        },
        step((_req, _res, next) => (trace.push('a'), next(failure))),
        step((_req, _res, next) => (trace.push('skipped'), next())),
        catcher(trace, 'pass on'),
      ],
      trace,
    );
    expect(result.trace).toEqual(['a', 'caught boom']);
    expect(result.done).toEqual([failure]);
  });

  it('turns a synchronous throw into an error for the next error handler', async () => {
    const trace: string[] = [];
    const result = await run(
      [
        step(() => {
          throw new Error('thrown');
        }),
        catcher(trace, 'clear'),
        step((_req, _res, next) => (trace.push('after'), next())),
      ],
      trace,
    );
    expect(result.trace).toEqual(['caught thrown', 'after']);
    expect(result.done).toEqual([undefined]);
  });

  it("treats next('route') and falsy values as no error, and leaves the chain on next('router')", async () => {
    const trace: string[] = [];
    const result = await run(
      [
        step((_req, _res, next) => (trace.push('a'), next('route'))),
        step((_req, _res, next) => (trace.push('b'), next(null))),
        step((_req, _res, next) => (trace.push('c'), next('router'))),
        step((_req, _res, next) => (trace.push('skipped'), next())),
      ],
      trace,
    );
    expect(result.trace).toEqual(['a', 'b', 'c']);
    expect(result.done).toEqual([]);
  });

  it('sets req.next to the chain while a handler runs', async () => {
    const trace: string[] = [];
    let seen: unknown;
    await run(
      [
        step((req) => {
          seen = req.next;
          // express's res.format passes a not-acceptable error on through req.next.
          req.next!(new Error('from req.next'));
        }),
        (err: unknown, _req: Request, _res: Response, next: NextFunction) => {
          trace.push((err as Error).message);
          next();
        },
      ],
      trace,
    );
    expect(typeof seen).toBe('function');
    expect(trace).toEqual(['from req.next']);
  });

  it('serves handlers added to the array after it was composed', async () => {
    const trace: string[] = [];
    const handlers: ComposableHandler[] = [step((_req, _res, next) => (trace.push('a'), next()))];
    const composed = composeHandlers(handlers);
    handlers.push(step((_req, _res, next) => (trace.push('late'), next())));
    await new Promise<void>((resolve) => composed({} as Request, {} as Response, () => resolve()));
    expect(trace).toEqual(['a', 'late']);
  });
});

describe('composeHandlers with many synchronous handlers', () => {
  it('passes a request through 20,000 of them without overflowing the stack', async () => {
    const handlers = Array.from({ length: 20_000 }, () => step((_req, _res, next) => next()));
    let reached = 0;
    handlers.push(step((_req, _res, next) => (reached++, next())));
    const result = await run(handlers, []);
    expect(reached).toBe(1);
    expect(result.done).toEqual([undefined]);
  });

  it('carries an error across the turns it takes', async () => {
    const failure = new Error('deep');
    const handlers: ComposableHandler[] = [
      step((_req, _res, next) => next(failure)),
      ...Array.from(
        { length: 5_000 },
        () => (err: unknown, _q: Request, _s: Response, next: NextFunction) => next(err),
      ),
    ];
    const result = await run(handlers, []);
    expect(result.done).toEqual([failure]);
  });
});
