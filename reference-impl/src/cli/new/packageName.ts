/**
 * The npm name of a generated package: `<scope>/<base>`, such as `@internal/plugin-todo-backend`
 * (NAME-040, NAME-042, NAME-044).
 */
export function packageName(scope: string, base: string): string {
  return `${scope}/${base}`;
}
