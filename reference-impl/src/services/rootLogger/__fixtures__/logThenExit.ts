/**
 * Logs `<count>` entries through the default root logger in one turn of the event loop, then
 * ends the process as `<mode>` says: `exit` (process.exit), `throw` (an uncaught exception) or
 * `drain` (the event loop runs dry).
 */
import { DefaultRootLogger } from '../DefaultRootLogger.js';

const mode = process.argv[2];
const count = Number(process.argv[3]);
const logger = DefaultRootLogger.create({ format: 'json' });
for (let i = 0; i < count; i++) logger.info(`entry ${i}`);
if (mode === 'exit') process.exit(0);
if (mode === 'throw') throw new Error('uncaught after logging');
