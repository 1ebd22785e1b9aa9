import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorCatalog } from './errorCatalog.js';
import { OpenstageError } from './OpenstageError.js';

const docs = join(import.meta.dirname, '../../../spec/docs');

/** Code -> requirement ids, from every chapter's `## Errors` table. */
function specCodes(): Map<string, string[]> {
  const codes = new Map<string, string[]>();
  const files = readdirSync(docs)
    .filter((f) => f.endsWith('.md'))
    .map((f) => join(docs, f));
  for (const file of files) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const match = /^\| `([A-Z][A-Z0-9_]+)` \| ([^|]+) \|/.exec(line);
      if (match)
        codes.set(
          match[1]!,
          match[2]!.split(',').map((s) => s.trim()),
        );
    }
  }
  return codes;
}

describe('error catalog', () => {
  it.skipIf(!existsSync(docs))(
    'every code and its requirement exist in the spec chapters\u2019 error tables',
    () => {
      const spec = specCodes();
      const mismatches = Object.entries(errorCatalog).flatMap(([code, entry]) =>
        !spec.has(code)
          ? [`${code}: not defined by any chapter`]
          : spec.get(code)!.includes(entry.requirement)
            ? []
            : [`${code}: cites ${entry.requirement}, chapter lists ${spec.get(code)!.join(', ')}`],
      );
      expect(mismatches).toEqual([]);
    },
  );

  it('messages end with the code and the requirement; details are kept', () => {
    const error = new OpenstageError('BACK_DUPLICATE_PLUGIN_ID', {
      pluginId: 'catalog',
      paths: ['features[0]', 'features[3]'],
    });
    expect(error.message).toMatch(
      /'catalog'.*features\[3\].*\[BACK_DUPLICATE_PLUGIN_ID, BACK-028\]$/,
    );
    expect(error.details.pluginId).toBe('catalog');
    expect(error.hint.length).toBeGreaterThan(0);
  });
});
