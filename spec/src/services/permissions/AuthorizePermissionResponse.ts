import type { DefinitivePolicyDecision } from './DefinitivePolicyDecision.js';

/**
 * The answer to one {@link AuthorizePermissionRequest}: always definitive.
 *
 * **When to use**: as the element type of the array `permissions.authorize` resolves to.
 *
 * @see {@link PermissionsService}
 * @category services
 * @since 0.1.0
 */
export type AuthorizePermissionResponse = DefinitivePolicyDecision;
