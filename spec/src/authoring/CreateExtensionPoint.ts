import type { ExtensionPoint } from '../wire/ExtensionPoint.js';
import type { CreateExtensionPointOptions } from './CreateExtensionPointOptions.js';

/**
 * The signature of `createExtensionPoint`: creates a typed extension point ref.
 *
 * **When to use**: in a plugin's node library, so that both the plugin and the modules that
 * extend it can import the ref.
 *
 * @example
 * ```ts
 * export interface TodoProcessingExtensionPoint {
 *   addProcessor(processor: TodoProcessor): void;
 * }
 * export const todoProcessingExtensionPoint =
 *   createExtensionPoint<TodoProcessingExtensionPoint>({ id: 'todo.processing' });
 * ```
 *
 * @requirement FEAT-080
 * @requirement FEAT-081
 * @requirement FEAT-082
 * @requirement NAME-021
 * @requirement NAME-022
 * @see {@link ExtensionPoint}
 * @category authoring
 * @since 0.1.0
 */
export type CreateExtensionPoint = <T>(options: CreateExtensionPointOptions) => ExtensionPoint<T>;
