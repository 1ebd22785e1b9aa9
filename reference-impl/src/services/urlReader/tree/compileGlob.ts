/** A compiled glob pattern. */
export interface GlobPattern {
  /** Whether the whole of `path` matches the pattern. */
  test(path: string): boolean;
}

/** One step of a brace-free pattern. */
type Step =
  | { readonly kind: 'char'; readonly test: (char: string) => boolean }
  | { readonly kind: 'star' }
  | { readonly kind: 'segments' }
  | { readonly kind: 'rest' };

/** A pattern part: a step, or a `{a,b}` alternation of part sequences. */
type Part = Step | { readonly kind: 'alternation'; readonly options: Part[][] };

/** More alternatives than this after expanding braces is refused rather than matched slowly. */
const MAX_ALTERNATIVES = 1024;

/**
 * Compiles a glob pattern over `/`-separated paths: `*` and `?` stay within one segment, `**` as
 * a whole segment spans any number of segments (none included), `[...]` is a character class
 * (`[!...]` negated) and `{a,b}` an alternation. Every other character is literal. Throws a
 * `SyntaxError` naming the pattern for an unclosed `{` or too many alternatives.
 *
 * Matching walks a table over pattern steps and path characters instead of a backtracking regular
 * expression, so its time grows with their product: a pattern such as `*a*a*a*a*b`, which a
 * regular expression takes exponential time on, comes from a URL a caller passes and must not
 * stall the event loop.
 */
export function compileGlob(glob: string): GlobPattern {
  let i = 0;
  const parseSequence = (inBraces: boolean): Part[] => {
    const parts: Part[] = [];
    while (i < glob.length) {
      const char = glob[i]!;
      if (inBraces && (char === ',' || char === '}')) return parts;
      if (char === '*') {
        if (glob[i + 1] === '*') {
          const atStart = i === 0 || glob[i - 1] === '/';
          const atEnd = i + 2 === glob.length || glob[i + 2] === '/';
          if (atStart && atEnd) {
            // `**/` matches zero or more whole segments; a trailing `**` matches the rest.
            const trailing = i + 2 === glob.length;
            parts.push({ kind: trailing ? 'rest' : 'segments' });
            i += trailing ? 2 : 3;
            continue;
          }
        }
        parts.push({ kind: 'star' });
        i += 1;
      } else if (char === '?') {
        parts.push({ kind: 'char', test: (c) => c !== '/' });
        i += 1;
      } else if (char === '[' && glob.indexOf(']', i + 2) !== -1) {
        const close = glob.indexOf(']', i + 2);
        let body = glob.slice(i + 1, close);
        const negated = body.startsWith('!') || body.startsWith('^');
        if (negated) body = body.slice(1);
        // A class matches one character, so its regular expression cannot backtrack.
        const single = new RegExp(`^[${negated ? '^/' : ''}${body.replace(/[\\\]]/g, '\\$&')}]$`);
        parts.push({ kind: 'char', test: (c) => single.test(c) });
        i = close + 1;
      } else if (char === '{') {
        i += 1;
        const options: Part[][] = [parseSequence(true)];
        while (glob[i] === ',') {
          i += 1;
          options.push(parseSequence(true));
        }
        if (glob[i] !== '}') {
          throw new SyntaxError(`The glob pattern '${glob}' has a '{' without its '}'`);
        }
        i += 1;
        parts.push({ kind: 'alternation', options });
      } else {
        parts.push({ kind: 'char', test: (c) => c === char });
        i += 1;
      }
    }
    return parts;
  };
  const alternatives = expand(parseSequence(false), glob);
  return { test: (path) => alternatives.some((steps) => matches(steps, path)) };
}

/** The brace-free step sequences `parts` stands for. */
function expand(parts: readonly Part[], glob: string): Step[][] {
  let results: Step[][] = [[]];
  for (const part of parts) {
    if (part.kind !== 'alternation') {
      for (const result of results) result.push(part);
      continue;
    }
    const next: Step[][] = [];
    for (const option of part.options) {
      for (const tail of expand(option, glob)) {
        for (const head of results) {
          next.push([...head, ...tail]);
          if (next.length > MAX_ALTERNATIVES) {
            throw new SyntaxError(
              `The glob pattern '${glob}' expands to more than ${MAX_ALTERNATIVES} alternatives; use fewer '{...}' groups`,
            );
          }
        }
      }
    }
    results = next;
  }
  return results;
}

/**
 * Whether `steps` match all of `path`. `after[j]` holds whether the steps after the current one
 * match `path` from index `j`; the table is filled from the last step back, one row at a time.
 */
function matches(steps: readonly Step[], path: string): boolean {
  const n = path.length;
  let after = new Uint8Array(n + 1);
  after[n] = 1;
  for (let s = steps.length - 1; s >= 0; s -= 1) {
    const step = steps[s]!;
    const here = new Uint8Array(n + 1);
    if (step.kind === 'char') {
      for (let j = 0; j < n; j += 1) here[j] = step.test(path[j]!) && after[j + 1] ? 1 : 0;
    } else if (step.kind === 'star') {
      here[n] = after[n]!;
      for (let j = n - 1; j >= 0; j -= 1) {
        here[j] = after[j] || (path[j] !== '/' && here[j + 1]) ? 1 : 0;
      }
    } else if (step.kind === 'rest') {
      here[n] = after[n]!;
      for (let j = n - 1; j >= 0; j -= 1) here[j] = after[j] || here[j + 1] ? 1 : 0;
    } else {
      // Zero or more of `[^/]*/`: `segment` tracks being part-way through one such segment.
      let segment = 0;
      here[n] = after[n]!;
      for (let j = n - 1; j >= 0; j -= 1) {
        segment = path[j] === '/' ? here[j + 1]! : segment;
        here[j] = after[j] || segment ? 1 : 0;
      }
    }
    after = here;
  }
  return after[0] === 1;
}

/** Whether `text` holds a glob pattern character. */
export function hasGlob(text: string): boolean {
  return /[*?[\]{}]/.test(text);
}
