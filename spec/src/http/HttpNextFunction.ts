/**
 * Passes control to the next handler of a router; with an error argument, to the error handlers.
 *
 * **When to use**: the third argument of an {@link HttpRequestHandler}.
 *
 * **Details**: express's `NextFunction` is assignable to this type and back.
 *
 * @see {@link HttpRequestHandler}
 * @category services
 * @since 0.1.0
 */
export type HttpNextFunction = (error?: unknown) => void;
