export { checkStaticConformance } from './checkStaticConformance.js';
export { runStaticCommand, formatStaticReport, STATIC_HELP } from './runStaticCommand.js';
export type {
  StaticCheckOptions,
  StaticCheckReport,
  StaticSymbolResult,
} from './StaticCheckOptions.js';
