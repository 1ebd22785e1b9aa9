import { describe, expect, it } from 'vitest';
import { DefaultRootLogger } from './DefaultRootLogger.js';
import { compileLevelOverrides } from './LevelOverrides.js';
import { createTestLogger } from './createTestLogger.js';
import { createTimestampClock } from './createTimestampClock.js';
import { formatTextLine } from './formatTextLine.js';

const fixedNow = () => new Date('2024-05-06T07:08:09.010Z');

function jsonLogger(options: Parameters<typeof DefaultRootLogger.create>[0] = {}) {
  const lines: string[] = [];
  const logger = DefaultRootLogger.create({
    format: 'json',
    now: fixedNow,
    write: (l) => lines.push(l),
    ...options,
  });
  const parsed = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { logger, lines, parsed };
}

describe('DefaultRootLogger entries', () => {
  it('LOG-003: offers error, warn, info, debug and child', () => {
    const { logger } = jsonLogger();
    for (const m of ['error', 'warn', 'info', 'debug', 'child'] as const)
      expect(typeof logger[m]).toBe('function');
  });

  it('LOG-005, LOG-006, LOG-019, LOG-020: one JSON object per line with level, message, fields and an ISO timestamp', () => {
    const { logger, lines, parsed } = jsonLogger({ meta: { service: 'backstage' } });
    logger.info('hello', { a: 1, nested: { b: [true, null] } });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
    expect(parsed()[0]).toEqual({
      level: 'info',
      message: 'hello',
      timestamp: '2024-05-06T07:08:09.010Z',
      service: 'backstage',
      a: 1,
      nested: { b: [true, null] },
    });
  });

  it('LOG-007, LOG-008: an Error meta carries name, message, stack and the cause chain', () => {
    const { logger, parsed } = jsonLogger();
    const root = new TypeError('inner');
    const error = Object.assign(new Error('outer', { cause: root }), { code: 'E_X' });
    logger.error('failed', error);
    const entry = parsed()[0]!;
    expect(entry['message']).toBe('failed');
    expect(entry['error']).toMatchObject({
      name: 'Error',
      message: 'outer',
      code: 'E_X',
      stack: error.stack,
    });
    expect((entry['error'] as { cause: unknown }).cause).toMatchObject({
      name: 'TypeError',
      message: 'inner',
      stack: root.stack,
    });
  });

  it('LOG-009, LOG-011, LOG-012: child fields add to, and win over, the parent fields without touching the parent', () => {
    const { logger, parsed } = jsonLogger({ meta: { service: 'backstage', x: 'root' } });
    const child = logger.child({ plugin: 'catalog', x: 'child' });
    const grandchild = child.child({ task: 't1' });
    grandchild.info('gc');
    logger.info('root');
    const [gc, root] = parsed();
    expect(gc).toMatchObject({ service: 'backstage', plugin: 'catalog', x: 'child', task: 't1' });
    expect(root).not.toHaveProperty('plugin');
    expect(root).toMatchObject({ x: 'root' });
  });

  it('LOG-010: call meta wins over logger fields, and no property appears twice', () => {
    const { logger, lines, parsed } = jsonLogger({ meta: { service: 'backstage' } });
    logger.child({ plugin: 'a' }).warn('m', { plugin: 'b' });
    expect(parsed()[0]).toMatchObject({ plugin: 'b', service: 'backstage' });
    expect(lines[0]!.match(/"plugin"/g)).toHaveLength(1);
  });

  it('LOG-004: never throws, even for circular meta, bigints or a throwing toJSON', () => {
    const { logger, lines } = jsonLogger();
    const circular: Record<string, unknown> = { a: 1 };
    circular['self'] = circular;
    const hostile = {
      toJSON: () => {
        throw new Error('no');
      },
    };
    expect(() => logger.info('c', circular as never)).not.toThrow();
    expect(() => logger.info('b', { n: 10n } as never)).not.toThrow();
    expect(() => logger.info('h', hostile as never)).not.toThrow();
    expect(() => logger.info(undefined as never)).not.toThrow();
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(JSON.parse(lines[0]!)).toMatchObject({ a: 1, self: { a: 1, self: '[Circular]' } });
  });

  it('LOG-013: drops entries less severe than the level in force', () => {
    const { logger, parsed } = jsonLogger({ level: 'warn' });
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    expect(parsed().map((e) => e['message'])).toEqual(['w', 'e']);
  });
});

describe('DefaultRootLogger text format', () => {
  it('LOG-021: time, plugin (or service), level, message, then key=JSON fields', () => {
    const lines: string[] = [];
    const logger = DefaultRootLogger.create({
      format: 'text',
      now: fixedNow,
      meta: { service: 'backstage' },
      write: (l) => lines.push(l),
    });
    logger.info('root line', { n: 1 });
    logger.child({ plugin: 'catalog' }).warn('plugin line', { s: 'a b', o: { k: true } });
    expect(lines[0]).toBe('2024-05-06T07:08:09.010Z backstage info root line n=1');
    expect(lines[1]).toBe('2024-05-06T07:08:09.010Z catalog warn plugin line s="a b" o={"k":true}');
  });

  it('LOG-021: a line is the merged fields in order, whichever fields the meta shadows', () => {
    const fields = { service: 'svc', a: 1, '7': 'seven', u: undefined };
    const metas: Array<Record<string, unknown> | undefined> = [
      undefined,
      {},
      { b: 'x', c: { d: [1] } },
      { a: 'shadowed', b: 2 },
      { plugin: 'named' },
      { service: 'renamed', z: null },
      { '3': 'integer-like', b: 1 },
      { b: undefined, e: 'e' },
    ];
    for (const meta of metas) {
      const lines: string[] = [];
      const logger = DefaultRootLogger.create({
        format: 'text',
        now: fixedNow,
        write: (l) => lines.push(l),
      }).child(fields as never);
      logger.info('m', meta as never);
      logger.info('again', meta as never);
      const merged = { ...fields, ...meta };
      for (const [i, message] of ['m', 'again'].entries()) {
        expect(lines[i], JSON.stringify(meta)).toBe(
          formatTextLine('2024-05-06T07:08:09.010Z', 'info', message, merged),
        );
      }
    }
  });
});

describe('createTimestampClock', () => {
  it('LOG-020: gives the time as new Date().toISOString() does, following the clock', async () => {
    const clock = createTimestampClock();
    const before = Date.now();
    const first = clock();
    expect(Date.parse(first)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(first)).toBeLessThanOrEqual(Date.now());
    expect(first).toBe(new Date(Date.parse(first)).toISOString());
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(Date.parse(clock())).toBeGreaterThan(Date.parse(first));
  });
});

describe('DefaultRootLogger level overrides', () => {
  const overrides = compileLevelOverrides([
    { matchers: { plugin: 'catalog' }, level: 'debug' },
    { matchers: { plugin: ['scaffolder', '/^search-/'] }, level: 'error' },
    { matchers: { message: '/^noisy/i', plugin: 'catalog' }, level: 'error' },
  ]);

  it('LOG-024, LOG-026, LOG-028: the first matching override decides, more verbose than the default', () => {
    const { logger, parsed } = jsonLogger({ level: 'info', overrides });
    logger.child({ plugin: 'catalog' }).debug('cat debug');
    logger.child({ plugin: 'other' }).debug('other debug');
    // The third override would silence it, but the first one matches first.
    logger.child({ plugin: 'catalog' }).debug('Noisy but first override wins');
    expect(parsed().map((e) => e['message'])).toEqual([
      'cat debug',
      'Noisy but first override wins',
    ]);
  });

  it('LOG-025, LOG-027, LOG-028: regex and array matchers, less verbose than the default', () => {
    const { logger, parsed } = jsonLogger({ level: 'info', overrides });
    logger.child({ plugin: 'scaffolder' }).warn('dropped');
    logger.child({ plugin: 'search-pg' }).info('dropped too');
    logger.child({ plugin: 'search-pg' }).error('kept');
    logger.child({ plugin: 'xsearch-pg' }).info('kept, regex is anchored');
    expect(parsed().map((e) => e['message'])).toEqual(['kept', 'kept, regex is anchored']);
  });

  it('LOG-024: every matcher of an override must match; meta of the call counts as fields', () => {
    const o = compileLevelOverrides([{ matchers: { plugin: 'a', task: 'x' }, level: 'debug' }]);
    const { logger, parsed } = jsonLogger({ level: 'info', overrides: o });
    logger.child({ plugin: 'a' }).debug('only plugin');
    logger.child({ plugin: 'a' }).debug('both', { task: 'x' });
    expect(parsed().map((e) => e['message'])).toEqual(['both']);
  });

  it('LOG-026: non-string matchers compare strictly; an invalid regex is a plain string', () => {
    const o = compileLevelOverrides([
      { matchers: { n: 1 }, level: 'debug' },
      { matchers: { s: '/[/' }, level: 'debug' },
    ]);
    const { logger, parsed } = jsonLogger({ level: 'info', overrides: o });
    logger.debug('n string', { n: '1' });
    logger.debug('n number', { n: 1 });
    logger.debug('s literal', { s: '/[/' });
    logger.debug('s other', { s: '[' });
    expect(parsed().map((e) => e['message'])).toEqual(['n number', 's literal']);
  });

  it('LOG-029: entries that match nothing use the default level', () => {
    const { logger, parsed } = jsonLogger({ level: 'warn', overrides });
    logger.child({ plugin: 'unrelated' }).info('dropped');
    logger.child({ plugin: 'unrelated' }).warn('kept');
    expect(parsed().map((e) => e['message'])).toEqual(['kept']);
  });

  it('LOG-032: setLevelOverrides applies from the next entry, also in children made before', () => {
    const { logger, parsed } = jsonLogger({ level: 'info' });
    const child = logger.child({ plugin: 'catalog' });
    child.debug('before');
    logger.setLevelOverrides([{ matchers: { plugin: 'catalog' }, level: 'debug' }]);
    child.debug('after');
    expect(parsed().map((e) => e['message'])).toEqual(['after']);
  });
});

describe('DefaultRootLogger redaction', () => {
  it('LOG-034, LOG-035: redacts message, fields, error message and stack, in children too', () => {
    const { logger, lines } = jsonLogger();
    logger.addRedactions(['hunter22']);
    lines.length = 0;
    const child = logger.child({ plugin: 'p', token: 'Bearer hunter22' });
    child.info('password is hunter22', { nested: { deep: ['xhunter22x'] }, hunter22: 1 });
    child.error('boom', new Error('leaked hunter22'));
    expect(lines.join('\n')).not.toContain('hunter22');
    const [first, second] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(first).toMatchObject({
      message: 'password is ***',
      token: 'Bearer ***',
      nested: { deep: ['x***x'] },
      '***': 1,
    });
    expect((second!['error'] as { message: string; stack: string }).message).toBe('leaked ***');
    expect((second!['error'] as { stack: string }).stack).toContain('leaked ***');
  });

  it('LOG-036: redacts the JSON-escaped form and keeps the line valid JSON', () => {
    const { logger, lines } = jsonLogger();
    const secret = 'pa"ss\\wo\nrd';
    logger.addRedactions([secret]);
    lines.length = 0;
    logger.info(`x${secret}y`, { field: secret });
    expect(lines[0]).not.toContain(JSON.stringify(secret).slice(1, -1));
    expect(JSON.parse(lines[0]!)).toMatchObject({ message: 'x***y', field: '***' });
  });

  it('LOG-036: a match never starts inside an escape sequence', () => {
    const { logger, lines } = jsonLogger();
    logger.addRedactions(['nabc']);
    lines.length = 0;
    // The value holds a newline followed by "abc", not the secret "nabc".
    logger.info('x', { v: '\nabc', w: 'nabc' });
    expect(JSON.parse(lines[0]!)).toMatchObject({ v: '\nabc', w: '***' });
  });

  it('LOG-036: redacts raw and escaped forms in the text format', () => {
    const lines: string[] = [];
    const logger = DefaultRootLogger.create({ format: 'text', write: (l) => lines.push(l) });
    logger.addRedactions(['a"b']);
    lines.length = 0;
    logger.info('raw a"b', { f: 'a"b' });
    expect(lines[0]).not.toContain('a"b');
    expect(lines[0]).not.toContain('a\\"b');
  });

  it('LOG-037, LOG-038: trims secrets and leaves one-character secrets alone', () => {
    const { logger, lines } = jsonLogger();
    expect(logger.addRedactions(['  s3cret\n', 'x', ''])).toBe(1);
    lines.length = 0;
    logger.info('s3cret x');
    expect(JSON.parse(lines[0]!)['message']).toBe('*** x');
  });

  it('LOG-040: keeps redacting earlier secrets', () => {
    const { logger, lines } = jsonLogger();
    logger.addRedactions(['first-secret']);
    logger.addRedactions(['second-secret']);
    lines.length = 0;
    logger.info('first-secret second-secret');
    expect(JSON.parse(lines[0]!)['message']).toBe('*** ***');
  });

  it('LOG-041: never redacts allowlisted values', () => {
    const { logger, lines } = jsonLogger({
      meta: { service: 'backstage' },
      redactAllowlist: ['backstage'],
    });
    logger.addRedactions(['backstage', 'other-secret']);
    lines.length = 0;
    logger.info('backstage other-secret');
    expect(JSON.parse(lines[0]!)).toMatchObject({ message: 'backstage ***', service: 'backstage' });
  });

  it('LOG-042, LOG-043: logs the size of the set when it grows, never a secret', () => {
    const { logger, parsed, lines } = jsonLogger();
    logger.addRedactions(['alpha-secret', 'beta-secret']);
    logger.addRedactions(['alpha-secret']);
    expect(parsed()).toHaveLength(1);
    expect(parsed()[0]).toMatchObject({ level: 'info' });
    expect(String(parsed()[0]!['message'])).toMatch(/2 secrets/);
    expect(lines.join('')).not.toMatch(/alpha|beta/);
  });
});

describe('createTestLogger', () => {
  it('records entries after filtering and redaction, children included', () => {
    const test = createTestLogger({ level: 'info' });
    test.logger.addRedactions(['top-secret']);
    test.clear();
    test.logger.child({ plugin: 'p' }).info('uses top-secret', { k: 1 });
    test.logger.debug('filtered');
    expect(test.entries).toEqual([
      { level: 'info', message: 'uses ***', fields: { plugin: 'p', k: 1 } },
    ]);
    expect(test.find(/uses/)).toHaveLength(1);
  });
});
