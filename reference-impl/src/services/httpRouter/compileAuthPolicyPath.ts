/**
 * Compiles an auth policy path into a test of request paths (HTTP-026 to HTTP-027), or returns
 * `undefined` when the path is not a valid route pattern (HTTP-008).
 *
 * **Details**: patterns are written as express 4 routes: literal segments, named parameters
 * (`:id`, optionally `:id?` or with a group `:id(\\d+)`) and `*`. They match without regard to
 * case, like express's routes, and as a prefix: `/static/:id` matches `/static/1` and
 * `/static/1/logo.png` but not `/staticx`. `/` and `*` match
 * every path.
 */
export function compileAuthPolicyPath(
  path: string,
): ((requestPath: string) => boolean) | undefined {
  if (typeof path !== 'string') return undefined;
  // Matchers are pure (the regular expression is neither global nor sticky), so plugins that
  // declare the same policy path, such as `/health`, share one instead of each compiling it.
  // The cache is bounded: a plugin that adds policies for paths made at run time (one per
  // entity, say) gets matchers of its own beyond it instead of growing it forever.
  if (compiled.has(path)) return compiled.get(path);
  const matcher = compile(path);
  if (compiled.size < MAX_SHARED_MATCHERS) compiled.set(path, matcher);
  return matcher;
}

/** How many policy paths share their matcher; far more than the backends we know declare. */
export const MAX_SHARED_MATCHERS = 1024;

const compiled = new Map<string, ((requestPath: string) => boolean) | undefined>();

function compile(path: string): ((requestPath: string) => boolean) | undefined {
  if (path === '*' || path === '/') return matchAll;
  if (!path.startsWith('/') || /\s/.test(path)) return undefined;
  let source = '';
  let i = 0;
  while (i < path.length) {
    const char = path[i]!;
    if (char === ':') {
      const name = /^[A-Za-z0-9_]+/.exec(path.slice(i + 1));
      if (name === null) return undefined;
      i += 1 + name[0].length;
      let group = '[^/]+?';
      if (path[i] === '(') {
        const end = closingParen(path, i);
        if (end === -1) return undefined;
        group = path.slice(i + 1, end);
        i = end + 1;
      }
      const optional = path[i] === '?';
      if (optional) i++;
      // An optional parameter takes its leading slash with it, as in express.
      if (optional && source.endsWith('\\/')) source = `${source.slice(0, -2)}(?:\\/(${group}))?`;
      else source += `(${group})${optional ? '?' : ''}`;
      continue;
    }
    if (char === '*') source += '(.*)';
    else if ('()[]{}'.includes(char)) return undefined;
    else source += char.replace(/[.+?^$|\\/]/g, '\\$&');
    i++;
  }
  source = source.replace(/(\\\/)+$/, '');
  let regexp: RegExp;
  try {
    regexp = new RegExp(`^${source}\\/?(?=\\/|$)`, 'i');
  } catch {
    return undefined;
  }
  return (requestPath) => regexp.test(requestPath);
}

function matchAll(): boolean {
  return true;
}

function closingParen(path: string, open: number): number {
  let depth = 0;
  for (let i = open; i < path.length; i++) {
    if (path[i] === '\\') i++;
    else if (path[i] === '(') depth++;
    else if (path[i] === ')' && --depth === 0) return i;
  }
  return -1;
}
