import { createBackend, rootConfigServiceFactory } from '@openstage/reference-impl/defaults';

// #region strict
const backend = createBackend();
// Replaces the default rootConfig factory: every key no schema declares is a violation.
backend.add(rootConfigServiceFactory({ strict: true }));
// #endregion strict
await backend.start();
