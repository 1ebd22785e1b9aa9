/**
 * `user-settings` -> `userSettings`: each dash removed and the letter after it upper-cased, as the
 * naming chapter defines `camelPluginId` (spec/docs/11-naming.md).
 */
export function toCamelCase(kebab: string): string {
  return kebab.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
