export { errorCatalog, type ErrorCode, type ErrorDetails } from './errorCatalog.js';
export {
  OpenstageError,
  isOpenstageError,
  describeCause,
  toError,
  type AnyOpenstageError,
} from './OpenstageError.js';
