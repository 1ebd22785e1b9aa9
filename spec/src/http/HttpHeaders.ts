/**
 * The headers of an HTTP request, keyed by lower-case name.
 *
 * **When to use**: when reading request headers through {@link HttpRequest}.
 *
 * **Details**: Node's `IncomingHttpHeaders`, and therefore express's request headers, are
 * assignable to this type.
 *
 * @see {@link HttpRequest}
 * @category services
 * @since 0.1.0
 */
export type HttpHeaders = { [name: string]: string | string[] | undefined };
