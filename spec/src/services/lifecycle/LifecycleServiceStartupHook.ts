/**
 * A function run when a plugin (or, for the root lifecycle, the whole backend) has started.
 *
 * **When to use**: with `addStartupHook`, for work that must wait until initialization is done,
 * such as starting background jobs.
 *
 * **Details**: may return a promise; the lifecycle service awaits it. A hook that throws or
 * rejects is logged and does not affect the startup result.
 *
 * @requirement LIFE-003
 * @requirement LIFE-014
 * @requirement LIFE-016
 * @requirement LIFE-017
 * @see {@link LifecycleService}
 * @category services
 * @since 0.1.0
 */
export type LifecycleServiceStartupHook = () => void | Promise<void>;
