import { createExtensionPoint } from '../../../src/authoring/index.js';

/**
 * A rule a todo's title must satisfy: returns why the title is refused, or `undefined` to
 * accept it.
 */
export type TodoTitleRule = (title: string) => string | undefined;

/** What modules of the `todo` plugin can contribute. */
export interface TodoRulesExtensionPoint {
  addTitleRule(rule: TodoTitleRule): void;
}

/** Lets modules add title rules to the `todo` plugin, checked on every create. */
export const todoRulesExtensionPoint = createExtensionPoint<TodoRulesExtensionPoint>({
  id: 'todo.rules',
});
