/**
 * A function run when the backend shuts down.
 *
 * **When to use**: with `addShutdownHook`, to release resources: close connections, stop timers,
 * flush buffers.
 *
 * **Details**: may return a promise; the lifecycle service awaits it. A hook that throws or
 * rejects is logged and the other hooks still run.
 *
 * @requirement LIFE-003
 * @requirement LIFE-014
 * @requirement LIFE-016
 * @requirement LIFE-017
 * @see {@link LifecycleService}
 * @category services
 * @since 0.1.0
 */
export type LifecycleServiceShutdownHook = () => void | Promise<void>;
