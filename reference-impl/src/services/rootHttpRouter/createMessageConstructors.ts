import { IncomingMessage, ServerResponse } from 'node:http';

/** The objects an express app makes the prototypes of its requests and responses. */
export interface MessagePrototypes {
  /** `app.request`. */
  readonly request: object;
  /** `app.response`. */
  readonly response: object;
}

/** The two server options that choose the classes of requests and responses. */
export interface MessageConstructors {
  IncomingMessage: typeof IncomingMessage;
  ServerResponse: typeof ServerResponse;
}

/**
 * Constructors for Node's server (its `IncomingMessage` and `ServerResponse` options) that create
 * requests and responses whose prototypes already are the express app's `request` and
 * `response`.
 *
 * **Details**: express's first handler sets those prototypes on every request and then adds
 * properties (`res.locals`, `req.query`, ...). V8 does not share the hidden class of a property
 * added after a prototype change, so every request and response got hidden classes of its own:
 * every property access in express, in the plugin's router and in Node's HTTP code then missed
 * its inline cache, and every request allocated new hidden classes for the collector to free.
 * When the prototype is already right, express's `setPrototypeOf` changes nothing and every
 * request shares the same hidden classes. That more than doubles the requests a core serves (see
 * bench/). The objects are still `IncomingMessage` and `ServerResponse` instances: the
 * prototypes inherit from Node's through express's.
 *
 * @param node Node's constructors, which the returned ones run; a parameter for the tests.
 * @returns `undefined` when Node's constructors are classes, which cannot be called on an object
 *   of another prototype; the server then keeps Node's own.
 */
export function createMessageConstructors(
  prototypes: MessagePrototypes,
  node: MessageConstructors = { IncomingMessage, ServerResponse },
): MessageConstructors | undefined {
  const request = asCallable(node.IncomingMessage);
  const response = asCallable(node.ServerResponse);
  // Node's own constructors must be callable on an object made elsewhere, as they are in Node 20
  // and 22; should a later Node make them classes, the server keeps Node's classes.
  if (request === undefined || response === undefined) return undefined;
  // Plain functions, not classes: a class's `prototype` cannot be an object that already exists.
  const OpenstageRequest = function (this: object, ...args: unknown[]): void {
    request.apply(this, args);
  };
  OpenstageRequest.prototype = prototypes.request;
  const OpenstageResponse = function (this: object, ...args: unknown[]): void {
    response.apply(this, args);
  };
  OpenstageResponse.prototype = prototypes.response;
  return {
    // `new` on these functions makes instances of Node's classes (their prototypes inherit from
    // Node's); TypeScript cannot see that through the plain-function form.
    IncomingMessage: OpenstageRequest as unknown as typeof IncomingMessage,
    ServerResponse: OpenstageResponse as unknown as typeof ServerResponse,
  };
}

type Callable = (this: object, ...args: unknown[]) => void;

/** `constructor` as a function to call on `this`, or `undefined` when it is a class. */
function asCallable(constructor: abstract new (...args: never[]) => unknown): Callable | undefined {
  if (/^class\b/.test(Function.prototype.toString.call(constructor))) return undefined;
  return constructor as unknown as Callable;
}
