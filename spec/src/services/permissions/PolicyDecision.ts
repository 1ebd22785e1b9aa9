import type { ConditionalPolicyDecision } from './ConditionalPolicyDecision.js';
import type { DefinitivePolicyDecision } from './DefinitivePolicyDecision.js';

/**
 * Any decision of a permission policy: definitive or conditional.
 *
 * **When to use**: as the result type of conditional queries.
 *
 * @see {@link DefinitivePolicyDecision}
 * @see {@link ConditionalPolicyDecision}
 * @category services
 * @since 0.1.0
 */
export type PolicyDecision = DefinitivePolicyDecision | ConditionalPolicyDecision;
