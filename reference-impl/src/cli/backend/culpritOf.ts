/**
 * The culprit fields the command line prints, in this order: those of the spec's `Culprit` and
 * those configuration errors add (`file`, `url`, `variable`).
 */
const CULPRIT_KEYS = [
  'pluginId',
  'moduleId',
  'serviceId',
  'extensionPointId',
  'loader',
  'packageName',
  'configPath',
  'file',
  'url',
  'variable',
  'dependencyKey',
  'ref',
  'cycle',
  'path',
] as const;

/** The culprit fields of an error or finding, rendered as strings (a cycle as `a -> b -> a`). */
export function culpritOf(source: object): Record<string, string> {
  const culprit: Record<string, string> = {};
  for (const key of CULPRIT_KEYS) {
    const value = (source as Record<string, unknown>)[key];
    if (value === undefined || value === null) continue;
    culprit[key] = Array.isArray(value) ? value.map(String).join(' -> ') : String(value);
  }
  return culprit;
}
