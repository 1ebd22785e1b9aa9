export type { RootHttpRouterService } from './RootHttpRouterService.js';
