import type { Knex } from 'knex';
import { afterAll, describe, expect, it } from 'vitest';
import { TestDatabases } from '../testing/TestDatabases.js';
import { isDatabaseConflictError } from './isDatabaseConflictError.js';
import * as authoring from './index.js';

// SQLite always; PostgreSQL and MySQL when their OPENSTAGE_TEST_*_CONNECTION_STRING is set.
const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES', 'MYSQL'] });
afterAll(() => databases.shutdown());

async function thrownBy(action: () => Promise<unknown>): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    return error;
  }
  throw new Error('the statement was expected to fail');
}

describe('isDatabaseConflictError', () => {
  it('DB-071: the authoring library exports it', () => {
    expect(authoring.isDatabaseConflictError).toBe(isDatabaseConflictError);
  });

  it('DB-072: every pattern matches, compared case-sensitively', () => {
    for (const message of [
      'insert into x - SQLITE_CONSTRAINT: UNIQUE constraint failed: x.id',
      'SQLITE_CONSTRAINT_UNIQUE: UNIQUE constraint failed: x.id',
      'UNIQUE constraint failed: todos.id',
      'duplicate key value violates unique constraint "todos_pkey"',
      "Duplicate entry '1' for key 'PRIMARY'",
    ]) {
      expect(isDatabaseConflictError(new Error(message)), message).toBe(true);
    }
    expect(isDatabaseConflictError(new Error('DUPLICATE ENTRY 1'))).toBe(false);
    expect(isDatabaseConflictError(new Error('violates UNIQUE CONSTRAINT'))).toBe(false);
  });

  it('DB-074: false for non-errors and for errors that match no pattern', () => {
    for (const value of [
      undefined,
      null,
      'UNIQUE constraint failed: x.id',
      { message: 'Duplicate entry' },
      42,
    ]) {
      expect(isDatabaseConflictError(value)).toBe(false);
    }
    expect(isDatabaseConflictError(new Error('connection refused'))).toBe(false);
  });

  describe.each(databases.eachSupportedId())('DB-073 on %s', (id) => {
    let knex: Knex;
    it('DB-073: is true for the error an insert of a duplicate unique key raises', async () => {
      knex = await databases.init(id);
      await knex.schema.createTable('todos', (t) => {
        t.string('id').primary();
        t.string('slug').notNullable().unique();
      });
      await knex('todos').insert({ id: 'a', slug: 'first' });
      const duplicateKey = await thrownBy(() => knex('todos').insert({ id: 'a', slug: 'other' }));
      const duplicateSlug = await thrownBy(() => knex('todos').insert({ id: 'b', slug: 'first' }));
      expect(isDatabaseConflictError(duplicateKey), String(duplicateKey)).toBe(true);
      expect(isDatabaseConflictError(duplicateSlug), String(duplicateSlug)).toBe(true);
    });

    it('DB-074: is false for the error of another constraint', async () => {
      const missing = await thrownBy(() => knex('todos').insert({ id: 'c', slug: null }));
      expect(missing).toBeInstanceOf(Error);
      expect(isDatabaseConflictError(missing), String(missing)).toBe(false);
    });
  });
});
