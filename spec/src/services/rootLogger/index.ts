export type { RootLoggerService } from './RootLoggerService.js';
