export {
  checkFeaturePackage,
  FEATURE_CHECKS,
  type CheckFeaturePackageOptions,
  type FeatureCheckReport,
  type FeatureCheckResult,
  type ServiceLibraryEntry,
} from './checkFeaturePackage.js';
export { SERVICE_LIBRARY_CHECKS } from './checkServiceLibrary.js';
export {
  inspectServiceLibrary,
  isServiceLibrary,
  type ServiceLibraryFacts,
} from './inspectServiceLibrary.js';
export { formatFeatureReport } from './formatFeatureReport.js';
export { listExportedFeatures, type ExportedFeature } from './listExportedFeatures.js';
export { featureMockServices, type MockServiceRecord } from './featureMockServices.js';
export { inspectFeature, type FeatureFacts } from './inspectFeature.js';
export { loadFeatureTarget, resolvePackageEntry, type FeatureTarget } from './loadFeatureTarget.js';
