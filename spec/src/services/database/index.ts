export type { DatabaseService } from './DatabaseService.js';
