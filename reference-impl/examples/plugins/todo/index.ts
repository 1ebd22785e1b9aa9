export { todoPlugin as default } from './todoPlugin.js';
export {
  todoRulesExtensionPoint,
  type TodoRulesExtensionPoint,
  type TodoTitleRule,
} from './todoRulesExtensionPoint.js';
export type { Todo } from './TodoStore.js';
