import { YAMLParseError, parse } from 'yaml';

/** The outcome of parsing a YAML (or JSON) document. */
export type ParseYamlResult =
  { ok: true; value: unknown } | { ok: false; line: number; column: number; reason: string };

/**
 * Parses `text` as YAML 1.2, which also accepts JSON (CONF-011). An empty document or one that
 * holds only comments yields `undefined` (CONF-013).
 *
 * A failure reports the position and the parser's description without the excerpt of the
 * offending line that the parser appends, because that line may hold a secret (CONF-068).
 */
export function parseYaml(text: string): ParseYamlResult {
  try {
    const value: unknown = parse(text, { prettyErrors: true });
    return { ok: true, value: value ?? undefined };
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const position = error.linePos?.[0];
      const reason = error.message.split(/ at line \d+/, 1)[0] ?? error.code;
      return { ok: false, line: position?.line ?? 1, column: position?.col ?? 1, reason };
    }
    throw error;
  }
}
