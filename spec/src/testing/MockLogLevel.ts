/**
 * The level of a fake logger: entries below it are not written; `'none'` writes nothing.
 *
 * **When to use**: in the options of `mockServices.rootLogger` and `mockServices.logger`.
 *
 * @requirement TEST-073
 * @requirement TEST-074
 * @see {@link MockServices}
 * @category testing
 * @since 0.1.0
 */
export type MockLogLevel = 'none' | 'error' | 'warn' | 'info' | 'debug';
