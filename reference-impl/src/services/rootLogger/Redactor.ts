const REPLACEMENT = '***';

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** The form a string takes inside a JSON string literal. */
function jsonEscaped(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}

/**
 * Replaces secrets in written lines by `***` (LOG-034 to LOG-041).
 *
 * Secrets only accumulate (LOG-040). Each secret is matched in its raw form and in the form
 * JSON would escape it to (LOG-036). In JSON lines only the escaped form is searched, and never
 * right after an escaping backslash, so a replacement can neither cut an escape sequence in
 * half nor reach across the quotes that delimit a string; the line stays valid JSON.
 */
export class Redactor {
  readonly #secrets = new Set<string>();
  readonly #allow: Set<string>;
  #json: RegExp | undefined;
  #text: RegExp | undefined;

  constructor(allowlist: Iterable<string> = []) {
    this.#allow = new Set([...allowlist].map((v) => v.trim()));
  }

  /** The number of distinct secrets being redacted. */
  get size(): number {
    return this.#secrets.size;
  }

  /** Adds secrets; resolves to how many of them were new. */
  add(values: Iterable<unknown>): number {
    let added = 0;
    for (const value of values) {
      if (typeof value !== 'string') continue;
      const secret = value.trim(); // LOG-037
      // LOG-038: one-character secrets would blank out most of every line.
      if (secret.length < 2 || this.#allow.has(secret) || this.#secrets.has(secret)) continue;
      this.#secrets.add(secret);
      added += 1;
    }
    if (added > 0) this.#compile();
    return added;
  }

  /** Replaces the allowlist (LOG-041); values already allowed stay out of the set. */
  setAllowlist(values: Iterable<string>): void {
    this.#allow.clear();
    for (const v of values) this.#allow.add(v.trim());
    this.#compile();
  }

  #compile(): void {
    const active = [...this.#secrets].filter((s) => !this.#allow.has(s));
    if (active.length === 0) {
      this.#json = this.#text = undefined;
      return;
    }
    // Longest first, so a secret that contains another is replaced whole.
    const escaped = [...new Set(active.map(jsonEscaped))].sort((a, b) => b.length - a.length);
    const both = [...new Set([...active, ...escaped])].sort((a, b) => b.length - a.length);
    // Not preceded by an odd run of backslashes, i.e. not in the middle of an escape sequence.
    const notEscaped = '(?<!(?:^|[^\\\\])(?:\\\\\\\\)*\\\\)';
    this.#json = new RegExp(`${notEscaped}(?:${escaped.map(escapeRegExp).join('|')})`, 'g');
    this.#text = new RegExp(both.map(escapeRegExp).join('|'), 'g');
  }

  /** `line` with every secret replaced, for a line of the given format. */
  redact(line: string, format: 'json' | 'text'): string {
    const re = format === 'json' ? this.#json : this.#text;
    return re === undefined ? line : line.replace(re, REPLACEMENT);
  }
}
