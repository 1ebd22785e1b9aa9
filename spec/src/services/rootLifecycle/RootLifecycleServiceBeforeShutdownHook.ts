/**
 * A function run when the backend begins to shut down, before any plugin shutdown hook.
 *
 * **When to use**: with `addBeforeShutdownHook`, for work that must happen while every plugin is
 * still running, such as failing readiness checks and waiting for load balancers to notice.
 *
 * @requirement LIFE-004
 * @requirement LIFE-027
 * @see {@link RootLifecycleService}
 * @category services
 * @since 0.1.0
 */
export type RootLifecycleServiceBeforeShutdownHook = () => void | Promise<void>;
