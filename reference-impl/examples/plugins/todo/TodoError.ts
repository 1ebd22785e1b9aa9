/**
 * An error the todo API answers with a 4xx status. Its `name` is one the backend's error handler
 * maps to a status (`InputError` 400, `NotAllowedError` 403, `NotFoundError` 404).
 */
export class TodoError extends Error {
  constructor(name: 'InputError' | 'NotAllowedError' | 'NotFoundError', message: string) {
    super(message);
    this.name = name;
  }
}
