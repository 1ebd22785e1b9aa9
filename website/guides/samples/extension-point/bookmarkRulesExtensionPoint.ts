import { createExtensionPoint } from '@openstage/reference-impl';

/** A rule a new bookmark must satisfy: returns why the URL is refused, or `undefined`. */
export type BookmarkRule = (url: URL) => string | undefined;

/** What modules of the `bookmarks` plugin can contribute. */
export interface BookmarkRulesExtensionPoint {
  addRule(rule: BookmarkRule): void;
}

// #region create
/** Lets modules add rules that every new bookmark is checked against. */
export const bookmarkRulesExtensionPoint = createExtensionPoint<BookmarkRulesExtensionPoint>({
  id: 'bookmarks.rules',
});
// #endregion create
