export type { LoggerService } from './LoggerService.js';
