import { describe, expect, it } from 'vitest';
import { substituteEnv } from './substituteEnv.js';

describe('substituteEnv', () => {
  const env = { HOST: '  db.internal ', PORT: '5432', BLANK: '   ', EMPTY: '' };

  it('CONF-026: replaces ${NAME} with the trimmed value, trimming the name too', () => {
    expect(substituteEnv('postgres://${HOST}:${ PORT }/x', env)).toBe(
      'postgres://db.internal:5432/x',
    );
    expect(substituteEnv('no references', env)).toBe('no references');
  });

  it('CONF-026: a set but empty variable yields the empty string', () => {
    expect(substituteEnv('a${EMPTY}b', env)).toBe('ab');
  });

  it('CONF-027: a reference to an unset variable makes the whole value absent', () => {
    expect(substituteEnv('prefix-${MISSING}-suffix', env)).toBeUndefined();
    expect(substituteEnv('${HOST}${MISSING}', env)).toBeUndefined();
  });

  it('CONF-028: ${NAME:-fallback} uses the trimmed fallback when unset or blank, the value otherwise', () => {
    expect(substituteEnv('${MISSING:- fallback }', env)).toBe('fallback');
    expect(substituteEnv('${BLANK:-fb}', env)).toBe('fb');
    expect(substituteEnv('${EMPTY:-fb}', env)).toBe('fb');
    expect(substituteEnv('${PORT:-1}', env)).toBe('5432');
  });

  it('CONF-029: an empty fallback with an unset or blank variable makes the value absent', () => {
    expect(substituteEnv('${MISSING:-}', env)).toBeUndefined();
    expect(substituteEnv('x${BLANK:-  }', env)).toBeUndefined();
  });

  it('CONF-030: $${ yields a literal ${ without looking anything up', () => {
    expect(substituteEnv('$${MISSING}', env)).toBe('${MISSING}');
    expect(substituteEnv('$${PORT} and ${PORT}', env)).toBe('${PORT} and 5432');
  });
});
