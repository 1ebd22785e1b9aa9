export { DatabaseManager, type DatabaseManagerOptions } from './DatabaseManager.js';
export {
  DatabaseError,
  type DatabaseErrorCode,
  type DatabaseErrorDetails,
} from './DatabaseError.js';
export { databaseServiceFactory } from './databaseServiceFactory.js';
