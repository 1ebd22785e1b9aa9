export type { Culprit } from './Culprit.js';
export type { OpenstageError } from './OpenstageError.js';
