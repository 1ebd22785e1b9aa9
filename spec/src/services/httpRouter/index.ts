export type { HttpRouterService } from './HttpRouterService.js';
export type { HttpRouterServiceAuthPolicy } from './HttpRouterServiceAuthPolicy.js';
