import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STATUS_BY_ERROR_NAME } from './statusByErrorName.js';
import { errorCatalog, type CatalogEntry } from './errorCatalog.js';
import { OpenstageError, isOpenstageError } from './OpenstageError.js';
import { InvalidEntityRefError } from '../testing/TestKitError.js';

const docs = join(import.meta.dirname, '../../../spec/docs');
const generatedCodes = join(import.meta.dirname, '../../../spec/src/generated/ErrorCode.ts');

/**
 * Spec codes that only the conformance harness raises (the `CLS_*` codes of
 * spec/docs/01-conformance.md, about expectation files and reports); a runtime
 * never meets those conditions.
 */
const RAISED_ONLY_BY_THE_HARNESS = /^CLS_/;

/** Code -> requirement ids, from every chapter's `## Errors` table. */
function specCodes(): Map<string, string[]> {
  const codes = new Map<string, string[]>();
  const files = readdirSync(docs, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md') && f !== 'errors.md')
    .map((f) => join(docs, f));
  for (const file of files) {
    let inErrors = false;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.startsWith('#')) inErrors = /^##+ Errors\s*$/.test(line);
      if (!inErrors) continue;
      const match = /^\| `([A-Z][A-Z0-9]*_[A-Z0-9_]+)` \| ([^|]+) \|/.exec(line);
      if (match)
        codes.set(
          match[1]!,
          match[2]!.split(',').map((s) => s.trim()),
        );
    }
  }
  return codes;
}

const entries = Object.entries(errorCatalog) as [string, CatalogEntry<never>][];

/**
 * Codes whose message may be the text of a single details field, worded by the raising site.
 * None: every code's sentence lives in the catalog, and sites pass only culprit values. Keep it
 * that way; add a code here only with the reason it cannot have a template.
 */
const MAY_PASS_THROUGH: ReadonlyMap<string, string> = new Map();

/**
 * A details value that works as a string, as a list of strings and as a list of lists, so every
 * template can be rendered without knowing its details type: list members come from the array,
 * string methods from the marked text.
 */
function probeValue(key: string, depth = 0): string[] {
  const text = `\u2039${key}\u203a`;
  const list: unknown[] = depth < 2 ? [probeValue(key, depth + 1)] : [text];
  return new Proxy(list, {
    get: (target, property, receiver) => {
      if (property === 'toString' || property === Symbol.toPrimitive) return () => text;
      if (property in target) return Reflect.get(target, property, receiver) as unknown;
      const member = (String.prototype as unknown as Record<PropertyKey, unknown>)[property];
      return typeof member === 'function' ? (member as () => unknown).bind(text) : undefined;
    },
  }) as string[];
}

/**
 * Renders an entry's template with details that answer every field with a marked probe value,
 * and records which fields the template read.
 */
function renderWithProbe(entry: CatalogEntry<never>): { text: string; read: string[] } {
  const read: string[] = [];
  const details = new Proxy(
    {},
    {
      get: (_target, key) => {
        if (typeof key !== 'string') return undefined;
        read.push(key);
        return probeValue(key);
      },
    },
  );
  return { text: String(entry.message(details as never)), read };
}

describe('error catalog', () => {
  it('holds 204 codes', () => {
    // Pinned so that adding or dropping a code is a deliberate, reviewed change.
    expect(entries).toHaveLength(204);
  });

  it.skipIf(!existsSync(docs))(
    'every code and its requirement exist in the spec chapters\u2019 error tables',
    () => {
      const spec = specCodes();
      const mismatches = entries.flatMap(([code, entry]) =>
        !spec.has(code)
          ? [`${code}: not defined by any chapter`]
          : spec.get(code)!.includes(entry.requirement)
            ? []
            : [`${code}: cites ${entry.requirement}, chapter lists ${spec.get(code)!.join(', ')}`],
      );
      expect(mismatches).toEqual([]);
    },
  );

  it.skipIf(!existsSync(docs))(
    'every spec code a runtime can raise is in the catalog, in the chapters and in ErrorCode',
    () => {
      const fromChapters = [...specCodes().keys()];
      const fromType = [...readFileSync(generatedCodes, 'utf8').matchAll(/\| '([A-Z0-9_]+)'/g)].map(
        (m) => m[1]!,
      );
      expect([...fromType].sort()).toEqual([...fromChapters].sort());
      const missing = fromType.filter(
        (code) => !RAISED_ONLY_BY_THE_HARNESS.test(code) && !(code in errorCatalog),
      );
      expect(missing).toEqual([]);
      expect(entries.map(([code]) => code).filter((code) => !fromType.includes(code))).toEqual([]);
    },
  );

  it('HTTP-facing entries carry the status their name maps to, and every entry has a hint', () => {
    const problems = entries.flatMap(([code, entry]) => [
      ...(entry.hint.trim() === '' ? [`${code}: no hint`] : []),
      ...(entry.status !== undefined && STATUS_BY_ERROR_NAME[entry.name ?? ''] !== entry.status
        ? [
            `${code}: status ${entry.status} but name ${entry.name} maps to ${STATUS_BY_ERROR_NAME[entry.name ?? '']}`,
          ]
        : []),
      ...(entry.name !== undefined &&
      STATUS_BY_ERROR_NAME[entry.name] !== undefined &&
      entry.status === undefined
        ? [`${code}: name ${entry.name} without its status`]
        : []),
    ]);
    expect(problems).toEqual([]);
  });

  it('every template words its own sentence around the culprit values; none passes a site\u2019s text through', () => {
    const problems = entries.flatMap(([code, entry]) => {
      if (MAY_PASS_THROUGH.has(code)) return [];
      const { text, read } = renderWithProbe(entry);
      // What is left once every value the template read is removed must still be a sentence.
      const own = text.replace(/\u2039[^\u203a]*\u203a/g, '').replace(/[^A-Za-z]/g, '');
      return [
        ...(read.includes('message') ? [`${code}: reads details.message`] : []),
        ...(own.length < 10
          ? [`${code}: renders ${JSON.stringify(text)}, no words of its own`]
          : []),
      ];
    });
    expect(problems).toEqual([]);
  });

  it('the pass-through check catches a template that returns the text it is given', () => {
    const passThrough = {
      requirement: 'X-001',
      hint: 'h',
      message: (d: { message: string }) => d.message,
    };
    const { text, read } = renderWithProbe(passThrough as unknown as CatalogEntry<never>);
    expect(read).toEqual(['message']);
    expect(text.replace(/\u2039[^\u203a]*\u203a/g, '')).toBe('');
  });

  it('service templates name their culprit: plugin, config path, task, URL and token issuer', () => {
    const render = <C extends keyof typeof errorCatalog>(
      code: C,
      details: Parameters<(typeof errorCatalog)[C]['message']>[0],
    ): string => new OpenstageError(code, details).message;
    expect(
      render('AUTH_TOKEN_EXPIRED', { tokenKind: 'plugin token', pluginId: 'catalog' }),
    ).toMatch(
      /^The plugin token from plugin 'catalog' has expired \[AUTH_TOKEN_EXPIRED, AUTH-051\]$/,
    );
    expect(
      render('AUTH_EXTERNAL_ACCESS_UNKNOWN_TYPE', {
        configPath: 'backend.auth.externalAccess[1].type',
        type: 'magic',
        expected: ['static', 'jwks'],
      }),
    ).toContain("'magic' at backend.auth.externalAccess[1].type, expected one of 'static', 'jwks'");
    expect(render('HAUTH_PRINCIPAL_NOT_ALLOWED', { principalType: 'service' })).toBe(
      "This endpoint does not allow 'service' credentials",
    );
    expect(
      render('SCHED_INVALID_DURATION', {
        pluginId: 'p',
        taskId: 't',
        configPath: 'timeout',
        problem: 'negative',
      }),
    ).toMatch(/^Invalid timeout of task 't' of plugin 'p': negative /);
    expect(render('URL_NOT_FOUND', { url: 'https://h/x' })).toMatch(
      /^https:\/\/h\/x could not be read/,
    );
    expect(
      render('DB_MISSING_CONNECTION', {
        pluginId: 'todo',
        configPath: 'backend.database.connection',
        client: 'pg',
        pluginConfigPath: 'backend.database.plugin.todo.connection',
      }),
    ).toMatch(
      /'todo'.*'pg'.*backend\.database\.connection or backend\.database\.plugin\.todo\.connection/,
    );
    expect(
      render('CACHE_MISSING_CONNECTION', {
        configPath: 'backend.cache.connection',
        store: 'redis',
      }),
    ).toContain("'redis' needs a connection URL at backend.cache.connection");
    expect(render('TEST_INJECTED_FAULT', { serviceId: 'core.database', outcome: 'threw' })).toMatch(
      /^Injected serviceFactory fault on 'core\.database' threw /,
    );
  });

  it('messages end with the code and the requirement; details are kept', () => {
    const error = new OpenstageError('BACK_DUPLICATE_PLUGIN_ID', {
      pluginId: 'catalog',
      paths: ['features[0]', 'features[3]'],
    });
    expect(error.message).toMatch(
      /'catalog'.*features\[3\].*\[BACK_DUPLICATE_PLUGIN_ID, BACK-028\]$/,
    );
    expect(error.details.pluginId).toBe('catalog');
    expect(error.pluginId).toBe('catalog');
    expect(error.hint.length).toBeGreaterThan(0);
    // details and hint stay out of serialised bodies, which spread own enumerable properties.
    expect(Object.keys(error)).not.toContain('details');
    expect(Object.keys(error)).not.toContain('hint');
  });

  it('an entry with an HTTP-facing name gives the error that name', () => {
    const error = new OpenstageError('SCHED_TASK_NOT_FOUND', {
      pluginId: 'catalog',
      taskId: 'refresh',
    });
    expect(error.message).toMatch(/'catalog'.*'refresh'/);
    expect(error.name).toBe('NotFoundError');
    expect(STATUS_BY_ERROR_NAME[error.name]).toBe(404);
    expect(error.message).toMatch(/\[SCHED_TASK_NOT_FOUND, SCHED-083\]$/);
  });

  it('an entry fixed word for word gets no suffix', () => {
    const error = new OpenstageError('HAUTH_MISSING_CREDENTIALS', { pluginId: 'catalog' });
    expect(error.message).toBe('Missing credentials');
    expect(error.requirement).toBe('HAUTH-019');
  });

  it('an entry with a TypeError base raises a TypeError that is still a catalog error', () => {
    const error = new InvalidEntityRefError('jane');
    expect(errorCatalog.TEST_INVALID_ENTITY_REF.base).toBe('TypeError');
    expect(error).toBeInstanceOf(TypeError);
    expect(error).toBeInstanceOf(OpenstageError);
    expect(isOpenstageError(error, 'TEST_INVALID_ENTITY_REF')).toBe(true);
    expect(error.message).toMatch(/"jane".*\[TEST_INVALID_ENTITY_REF, TEST-141\]$/);
    // The brand does not leak to subclasses: a TypeError is no ConfigError.
    expect(new TypeError('x')).not.toBeInstanceOf(OpenstageError);
  });
});
