import { createBackend } from '@openstage/reference-impl';

// #region backend
const backend = createBackend();

backend.add(import('./bookmarks.js'));
backend.add(import('./bookmarksHttpsOnly.js'));

await backend.start();
// #endregion backend
