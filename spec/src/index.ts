/**
 * The typed interfaces of the Openstage specification: the feature wire format, the authoring
 * API, the backend instance, every core service, credentials, errors and the test utilities.
 *
 * @packageDocumentation
 */
export * from './authoring/index.js';
export * from './backend/index.js';
export * from './credentials/index.js';
export * from './errors/index.js';
export * from './http/index.js';
export * from './json/index.js';
export * from './services/index.js';
export * from './testing/index.js';
export * from './time/index.js';
export * from './wire/index.js';
export type { ErrorCode } from './generated/ErrorCode.js';
export * from './generated/config/index.js';
