/** The environment variables that substitution and `$env` read, by name. */
export type EnvSource = Readonly<Record<string, string | undefined>>;

// `$${` is an escape for a literal `${`; `${NAME}` and `${NAME:-fallback}` are references. The
// escape alternative comes first so that `$${X}` is never read as `$` followed by `${X}`.
const PATTERN = /\$\$\{|\$\{([^{}]*)\}/g;

/**
 * Replaces `${NAME}` and `${NAME:-fallback}` in `text` with trimmed environment values, and
 * `$${` with `${` (CONF-026, CONF-028, CONF-030).
 *
 * Returns `undefined` when the value must be treated as absent: a referenced variable is unset
 * (CONF-027), or a `:-` fallback is empty and the variable is unset or blank (CONF-029).
 */
export function substituteEnv(text: string, env: EnvSource): string | undefined {
  if (!text.includes('${')) return text;
  let absent = false;
  const result = text.replace(PATTERN, (match: string, reference: string | undefined) => {
    if (reference === undefined) return '${';
    const separator = reference.indexOf(':-');
    if (separator === -1) {
      const value = env[reference.trim()];
      if (value === undefined) {
        absent = true;
        return '';
      }
      return value.trim();
    }
    const value = env[reference.slice(0, separator).trim()]?.trim();
    if (value !== undefined && value !== '') return value;
    const fallback = reference.slice(separator + 2).trim();
    if (fallback === '') absent = true;
    return fallback;
  });
  return absent ? undefined : result;
}
