/**
 * One problem `openstage validate` reports: a preflight finding of the runtime or a problem of
 * the configuration, reduced to what is printed.
 */
export interface CliFinding {
  /** The catalog code, such as `INIT_MISSING_DEPENDENCY` or `CONF_SCHEMA_VALIDATION_FAILED`. */
  code: string;
  severity: 'error' | 'warning';
  /** What is wrong, naming the culprit. */
  message: string;
  /** How to fix it. */
  hint: string;
  /** The identifiers of the culprit, such as `{ pluginId: 'todo', configPath: 'todo.max' }`. */
  culprit: Record<string, string>;
}
