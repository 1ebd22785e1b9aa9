/**
 * Logs `<count>` entries through the default root logger in one turn of the event loop, then
 * ends the process as `<mode>` says: `exit` (process.exit), `throw` (an uncaught exception),
 * `drain` (the event loop runs dry), `beforeExit` (the loop runs dry and a `beforeExit` listener
 * logs once more) or `exitListener` (process.exit, and an `exit` listener logs three more).
 */
import { DefaultRootLogger } from '../DefaultRootLogger.js';

const mode = process.argv[2];
const count = Number(process.argv[3]);
const logger = DefaultRootLogger.create({ format: 'json' });
for (let i = 0; i < count; i++) logger.info(`entry ${i}`);
if (mode === 'beforeExit') {
  // A listener that logs on every `beforeExit`: logging must not schedule work that keeps the
  // loop going, or Node emits the event again and the process never ends.
  let rounds = 0;
  process.on('beforeExit', () => {
    rounds++;
    logger.info(`before exit ${rounds}`);
  });
}
if (mode === 'exitListener') {
  process.on('exit', () => {
    for (const name of ['A', 'B', 'C']) logger.info(`exit ${name}`);
  });
  process.exit(0);
}
if (mode === 'exit') process.exit(0);
if (mode === 'throw') throw new Error('uncaught after logging');
