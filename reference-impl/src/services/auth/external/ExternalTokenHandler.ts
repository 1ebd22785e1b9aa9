/** What an external access entry accepted a token as. */
export interface ExternalTokenResult {
  subject: string;
}

/** The context an external token handler is initialised with, once per config entry. */
export interface ExternalTokenHandlerInitContext {
  /** The entry's `options` object, as plain data. */
  options: Record<string, unknown>;
  /** The config path of the entry's `options`, for error messages. */
  configPath: string;
}

/**
 * A handler for one `type` of `backend.auth.externalAccess` entries (AUTH-150 to AUTH-175,
 * AUTH-190). `initialize` validates an entry's options and throws
 * `AUTH_EXTERNAL_ACCESS_INVALID_OPTIONS` naming the config path; `verifyToken` resolves to
 * `undefined` when the token is not for this entry, so the next entry is tried (AUTH-153).
 */
export interface ExternalTokenHandler<TContext = unknown> {
  type: string;
  initialize(context: ExternalTokenHandlerInitContext): TContext;
  verifyToken(token: string, context: TContext): Promise<ExternalTokenResult | undefined>;
}
