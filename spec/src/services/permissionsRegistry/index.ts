export type { PermissionResourceRef } from './PermissionResourceRef.js';
export type { PermissionRule } from './PermissionRule.js';
export type { PermissionRuleset } from './PermissionRuleset.js';
export type { PermissionsRegistryService } from './PermissionsRegistryService.js';
export type { PermissionsRegistryServiceAddResourceTypeOptions } from './PermissionsRegistryServiceAddResourceTypeOptions.js';
