import { CliError } from '../CliError.js';

/** An npm scope: `@` and a lower-case name, such as `@acme`. */
export const NPM_SCOPE_PATTERN = /^@[a-z0-9][a-z0-9._-]*$/;

/** Refuses a `--scope` value that npm would not accept as a scope, with an example. */
export function assertNpmScope(scope: string): void {
  if (NPM_SCOPE_PATTERN.test(scope)) return;
  throw new CliError(
    `Invalid --scope '${scope}': use an npm scope (${NPM_SCOPE_PATTERN.source}), such as '@acme'.`,
  );
}
