import { toCamelCase } from './toCamelCase.js';

/** `user-settings` -> `UserSettings`, and `todoList` -> `TodoList` (`PascalPluginId`). */
export function toPascalCase(name: string): string {
  const camel = toCamelCase(name);
  return camel.charAt(0).toUpperCase() + camel.slice(1);
}
