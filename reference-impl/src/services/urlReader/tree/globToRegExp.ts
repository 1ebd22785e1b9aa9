/**
 * A regular expression for a glob pattern over `/`-separated paths: `*` and `?` stay within one
 * segment, `**` as a whole segment spans any number of segments (none included), `[...]` is a
 * character class (`[!...]` negated) and `{a,b}` an alternation. Every other character is
 * literal.
 */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i += 1) {
    const char = glob[i]!;
    if (char === '*') {
      if (glob[i + 1] === '*') {
        const atStart = i === 0 || glob[i - 1] === '/';
        const atEnd = i + 2 === glob.length || glob[i + 2] === '/';
        if (atStart && atEnd) {
          // `**/` matches zero or more whole segments; a trailing `**` matches the rest.
          source += i + 2 === glob.length ? '.*' : '(?:[^/]*/)*';
          i += i + 2 === glob.length ? 1 : 2;
          continue;
        }
      }
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else if (char === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close === -1) {
        source += '\\[';
        continue;
      }
      let body = glob.slice(i + 1, close);
      const negated = body.startsWith('!') || body.startsWith('^');
      if (negated) body = body.slice(1);
      source += `[${negated ? '^/' : ''}${body.replace(/[\\\]]/g, '\\$&')}]`;
      i = close;
    } else if (char === '{') {
      braces += 1;
      source += '(?:';
    } else if (char === '}' && braces > 0) {
      braces -= 1;
      source += ')';
    } else if (char === ',' && braces > 0) {
      source += '|';
    } else {
      source += char.replace(/[.+^$()|\\{}]/g, '\\$&');
    }
  }
  if (braces > 0) throw new SyntaxError(`The glob pattern '${glob}' has a '{' without its '}'`);
  return new RegExp(`^${source}$`);
}

/** Whether `text` holds a glob pattern character. */
export function hasGlob(text: string): boolean {
  return /[*?[\]{}]/.test(text);
}
