export type { RootHealthService } from './RootHealthService.js';
export type { RootHealthServiceResponse } from './RootHealthServiceResponse.js';
