export type { HttpHeaders } from './HttpHeaders.js';
export type { HttpNextFunction } from './HttpNextFunction.js';
export type { HttpRequest } from './HttpRequest.js';
export type { HttpRequestHandler } from './HttpRequestHandler.js';
export type { HttpResponse } from './HttpResponse.js';
