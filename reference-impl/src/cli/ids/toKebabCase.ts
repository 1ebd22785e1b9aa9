/** `todoList` -> `todo-list`, for folder and package names derived from a camelCase name. */
export function toKebabCase(camel: string): string {
  return camel.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
