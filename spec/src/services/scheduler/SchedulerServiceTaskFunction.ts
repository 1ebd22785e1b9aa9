/**
 * The work of a scheduled task.
 *
 * **When to use**: as the `fn` of a task.
 *
 * **Details**: receives an `AbortSignal` that fires when the run times out or the backend shuts
 * down; long-running work should check it. A function that ignores the signal, or takes no
 * argument, is also a task function.
 *
 * @requirement SCHED-007
 * @requirement SCHED-041
 * @see {@link SchedulerServiceTaskInvocationDefinition}
 * @category services
 * @since 0.1.0
 */
export type SchedulerServiceTaskFunction = (abortSignal: AbortSignal) => void | Promise<void>;
