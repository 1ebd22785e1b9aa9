/**
 * What an injected fault does: `'throw'` an error naming the fault's target, or `'hang'` forever
 * while the backend runs.
 *
 * **When to use**: in the `effect` of a {@link Fault}.
 *
 * @requirement TEST-243
 * @requirement TEST-244
 * @requirement TEST-255
 * @see {@link Fault}
 * @category testing
 * @since 0.1.0
 */
export type FaultEffect = 'throw' | 'hang';
