export { titleRulesModule as default } from './titleRulesModule.js';
