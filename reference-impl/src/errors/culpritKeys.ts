import type { Culprit } from '@openstage/spec';

/**
 * The string-valued culprit identifiers of the spec's `Culprit` type that both catalog errors
 * and preflight findings carry, in the order they are copied (BACK-062).
 */
export const CULPRIT_STRING_KEYS = [
  'path',
  'pluginId',
  'moduleId',
  'serviceId',
  'extensionPointId',
  'loader',
  'configPath',
  'dependencyKey',
  'ref',
] as const satisfies readonly (keyof Culprit)[];

/**
 * Every culprit identifier a catalog error copies from its details onto itself: the string ones,
 * the `cycle`, and the few code-specific ones (`cycles`, `index`, `packageName`). They are
 * copied so `error.pluginId` works as the spec's `OpenstageError` type says.
 */
export const CULPRIT_KEYS: readonly string[] = [
  ...CULPRIT_STRING_KEYS,
  'cycle',
  'cycles',
  'index',
  'packageName',
];
