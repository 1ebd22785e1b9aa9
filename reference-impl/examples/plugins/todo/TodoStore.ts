import type { Knex } from 'knex';

/** One todo item as the API returns it (a type alias, so that it counts as JSON for the cache). */
export type Todo = {
  id: number;
  title: string;
  done: boolean;
  createdBy: string;
};

interface TodoRow {
  id: number;
  title: string;
  done: number | boolean;
  created_by: string;
}

function toTodo(row: TodoRow): Todo {
  // SQLite and MySQL hand booleans back as 0 and 1.
  return { id: row.id, title: row.title, done: Boolean(row.done), createdBy: row.created_by };
}

/** The todo plugin's table. */
export class TodoStore {
  readonly #knex: Knex;

  constructor(knex: Knex) {
    this.#knex = knex;
  }

  async list(): Promise<Todo[]> {
    const rows = await this.#knex<TodoRow>('todos')
      .select('id', 'title', 'done', 'created_by')
      .orderBy('id');
    return rows.map(toTodo);
  }

  async create(title: string, createdBy: string): Promise<Todo> {
    const [row] = await this.#knex<TodoRow>('todos')
      .insert({ title, done: false, created_by: createdBy })
      .returning(['id', 'title', 'done', 'created_by']);
    return toTodo(row as TodoRow);
  }

  async setDone(id: number, done: boolean): Promise<Todo | undefined> {
    const updated = await this.#knex<TodoRow>('todos').where({ id }).update({ done });
    if (updated === 0) return undefined;
    const row = await this.#knex<TodoRow>('todos').where({ id }).first();
    return row ? toTodo(row) : undefined;
  }
}
