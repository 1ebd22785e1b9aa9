/**
 * Whether a service has one implementation (`'singleton'`) or collects any number of them
 * (`'multiton'`).
 *
 * **When to use**: as the `TInstances` type parameter of service refs and factories.
 *
 * **Details**: a singleton service takes exactly one factory per backend; a dependency on it
 * resolves to one instance. A multiton service takes any number of factories; a dependency on it
 * resolves to an array holding one instance per factory, in registration order.
 *
 * @requirement FEAT-071
 * @requirement SVC-016
 * @requirement SVC-017
 * @requirement SVC-018
 * @requirement SVC-019
 * @requirement SVC-020
 * @requirement SVC-021
 * @see {@link ServiceRef}
 * @category wire-format
 * @since 0.1.0
 */
export type ServiceInstances = 'singleton' | 'multiton';
