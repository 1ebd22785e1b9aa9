import { CliError } from '../CliError.js';

/** NAME-001, NAME-002: lower-case letters, digits and single dashes, starting with a letter. */
export const FEATURE_ID_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/**
 * Refuses a plugin or module id that does not follow the naming chapter, with the pattern and
 * an example of a valid id. `kind` is how the id is named in the message (`plugin id`).
 */
export function assertFeatureId(kind: 'plugin id' | 'module id', id: string): void {
  if (FEATURE_ID_PATTERN.test(id)) return;
  const example = kind === 'plugin id' ? 'user-settings' : 'github-entity-provider';
  const suggestion = suggestId(id);
  throw new CliError(
    `Invalid ${kind} '${id}': use lower-case letters, digits and single dashes, starting with a ` +
      `letter (${FEATURE_ID_PATTERN.source}), such as '${example}'` +
      (suggestion !== undefined && suggestion !== id ? ` or '${suggestion}'.` : '.'),
  );
}

/** The nearest valid id, when there is an obvious one (`User_Settings` -> `user-settings`). */
function suggestId(id: string): string | undefined {
  const candidate = id
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+|-+$/g, '');
  return FEATURE_ID_PATTERN.test(candidate) ? candidate : undefined;
}
