import type { PolicyDecision } from './PolicyDecision.js';

/**
 * The answer to one {@link QueryPermissionRequest}: definitive or conditional.
 *
 * **When to use**: as the element type of the array `permissions.authorizeConditional`
 * resolves to.
 *
 * @see {@link PermissionsService}
 * @category services
 * @since 0.1.0
 */
export type QueryPermissionResponse = PolicyDecision;
