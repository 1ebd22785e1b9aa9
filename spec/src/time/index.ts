export type { HumanDuration } from './HumanDuration.js';
