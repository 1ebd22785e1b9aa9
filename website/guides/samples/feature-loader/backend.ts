import { createBackend } from '@openstage/reference-impl';
import { bookmarksFeatures } from './bookmarksFeatures.js';

// #region add
const backend = createBackend();
backend.add(bookmarksFeatures);
await backend.start();
// #endregion add
