export { loggerServiceFactory } from './loggerServiceFactory.js';
