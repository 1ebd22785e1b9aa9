import { isLogLevel, type LogLevel } from './LogLevel.js';
import { RootLoggerError, describeValue } from './rootLoggerErrors.js';

/** Tests one field value of an entry; `undefined` when the entry lacks the field. */
type FieldMatcher = (value: unknown) => boolean;

/** One compiled `backend.logger.overrides` entry. */
export interface LevelOverride {
  readonly level: LogLevel;
  /** Field name and matcher pairs; all must match (LOG-024). */
  readonly matchers: ReadonlyArray<readonly [field: string, matcher: FieldMatcher]>;
}

const REGEX_FORM = /^\/(.*)\/([a-z]*)$/s;

function compileMatcher(raw: unknown): FieldMatcher {
  if (Array.isArray(raw)) {
    const any = raw.map(compileMatcher);
    return (value) => any.some((m) => m(value));
  }
  if (typeof raw === 'string') {
    const parts = REGEX_FORM.exec(raw);
    if (parts) {
      let regex: RegExp | undefined;
      try {
        regex = new RegExp(parts[1] ?? '', parts[2]);
      } catch {
        // LOG-025 only applies to a valid expression; anything else is a plain string (LOG-026).
      }
      if (regex) {
        const re = regex;
        return (value) => {
          if (typeof value !== 'string') return false;
          // A `g` or `y` flag makes `test` stateful; reset so every entry is judged alone.
          re.lastIndex = 0;
          return re.test(value);
        };
      }
    }
  }
  return (value) => value === raw;
}

/**
 * Validates and compiles `backend.logger.overrides` (LOG-023 to LOG-031).
 *
 * @throws RootLoggerError `LOG_INVALID_OVERRIDE_LEVEL` or `LOG_INVALID_OVERRIDE_MATCHERS`,
 *   naming `backend.logger.overrides[<index>]...`.
 */
export function compileLevelOverrides(
  raw: unknown,
  configPath = 'backend.logger.overrides',
): LevelOverride[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    throw new RootLoggerError('LOG_INVALID_OVERRIDE_MATCHERS', {
      configPath,
      value: describeValue(raw),
    });
  }
  return raw.map((entry: unknown, index) => {
    const at = `${configPath}[${index}]`;
    const record =
      typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
    const matchers = record['matchers'];
    if (typeof matchers !== 'object' || matchers === null || Array.isArray(matchers)) {
      throw new RootLoggerError('LOG_INVALID_OVERRIDE_MATCHERS', {
        configPath: `${at}.matchers`,
        value: describeValue(matchers),
      });
    }
    const level = record['level'];
    if (!isLogLevel(level)) {
      throw new RootLoggerError('LOG_INVALID_OVERRIDE_LEVEL', {
        configPath: `${at}.level`,
        value: describeValue(level),
      });
    }
    return {
      level,
      matchers: Object.entries(matchers as Record<string, unknown>).map(
        ([field, m]) => [field, compileMatcher(m)] as const,
      ),
    };
  });
}

/**
 * The level in force for an entry: the level of the first matching override, else `fallback`
 * (LOG-028, LOG-029). `field` reads one field of the entry, the message included.
 */
export function levelFor(
  overrides: readonly LevelOverride[],
  field: (name: string) => unknown,
  fallback: LogLevel,
): LogLevel {
  for (const override of overrides) {
    let all = true;
    for (const [name, matcher] of override.matchers) {
      if (!matcher(field(name))) {
        all = false;
        break;
      }
    }
    if (all) return override.level;
  }
  return fallback;
}
