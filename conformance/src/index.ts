/**
 * @openstage/conformance: the Openstage conformance suite. Run it with the
 * `openstage-conformance` CLI or inside your own vitest run with {@link defineConformanceSuite}.
 */
export type {
  ConformanceAdapter,
  ServiceUnderTest,
  ServiceUnderTestOptions,
  ServicesUnderTest,
  ServiceProfile,
  AdapterBackend,
  CreateBackendOptions,
  SupportsManifest,
  ConformanceClass,
} from './harness/ConformanceAdapter.js';
export { CAPABILITIES, isCapability, type Capability } from './harness/capabilities.js';
export {
  defineTest,
  RUNTIME_CHAPTERS,
  type ConformanceTest,
  type Chapter,
  type NegativeExpectation,
  type NegativePhase,
  type TestFlag,
} from './harness/ConformanceTest.js';
export type {
  TestContext,
  TestBackend,
  TestBackendOptions,
  PropertyRun,
} from './harness/TestContext.js';
export {
  defineConformanceSuite,
  type DefineConformanceSuiteOptions,
  type TestApi,
} from './harness/defineConformanceSuite.js';
export {
  runConformance,
  STATUSES,
  type RunConformanceOptions,
  type ProgressListener,
} from './harness/runConformance.js';
export {
  loadExpectations,
  parseExpectations,
  applyExpectation,
  updateExpectations,
  formatExpectations,
  writeExpectations,
  type Expectation,
  type Expectations,
  type ExpectedKind,
} from './harness/expectations.js';
export { loadAdapter, checkAdapter, BUILT_IN_ADAPTERS } from './harness/loadAdapter.js';
export { HarnessError, type HarnessErrorCode } from './harness/HarnessError.js';
export { CERTIFICATION_SEED, testSeed } from './harness/seeds.js';
export { createSuiteClock, type SuiteClock } from './harness/createSuiteClock.js';
export { withServices } from './harness/withServices.js';
export { SUITE_VERSION, SPEC_VERSION, INTERPRETING_VERSION } from './harness/version.js';
export { writeReports } from './harness/reporters/writeReports.js';
export { junitReport } from './harness/reporters/junitReport.js';
export { markdownReport } from './harness/reporters/markdownReport.js';
export { terminalReporter, formatSummary } from './harness/reporters/terminalReporter.js';
export type {
  ConformanceReport,
  TestResult,
  Status,
  StatusCounts,
} from './harness/generated/ConformanceReport.js';
export type {
  RequirementLevel,
  Traceability,
  TraceabilityChapter,
  TraceabilityRequirement,
  TraceabilityTest,
} from './harness/Traceability.js';
export { runtimeTests, serviceTests, conformanceTests } from './suites/index.js';
export {
  checkFeaturePackage,
  formatFeatureReport,
  featureMockServices,
  FEATURE_CHECKS,
  type CheckFeaturePackageOptions,
  type FeatureCheckReport,
  type FeatureCheckResult,
  type FeatureTarget,
  type MockServiceRecord,
  type ServiceLibraryEntry,
} from './suites/features/index.js';
export {
  checkStaticConformance,
  formatStaticReport,
  type StaticCheckOptions,
  type StaticCheckReport,
  type StaticSymbolResult,
} from './static/index.js';
