export { statsPlugin as default, type TodoSummary } from './statsPlugin.js';
