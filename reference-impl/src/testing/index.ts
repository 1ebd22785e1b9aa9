/**
 * `@openstage/reference-impl/testing`: the Openstage test kit (spec/docs/13-test-utilities.md).
 * It works under any test runner: runner globals (`afterAll`, `jest.fn`, `vi.fn`) are used when
 * they exist and never needed.
 *
 * @packageDocumentation
 */
export { mockCredentials } from './mockCredentials.js';
export { mockServices } from './mockServices.js';
export { createServiceMock, spiesFor } from './createServiceMock.js';
export { createSpy, createOwnSpy } from './createSpy.js';
export { ServiceFactoryTester } from './ServiceFactoryTester.js';
export { MockAuthService, type MockAuthServiceOptions } from './MockAuthService.js';
export { MockHttpAuthService, type MockHttpAuthServiceOptions } from './MockHttpAuthService.js';
export { MockSchedulerService } from './MockSchedulerService.js';
export {
  TestKitError,
  InvalidEntityRefError,
  isTestKitError,
  type TestKitErrorCode,
} from './TestKitError.js';
export { startTestBackend } from './startTestBackend.js';
export { createTestBackend } from './createTestBackend.js';
export type { TestServer } from './createTestRootHttpRouterFactory.js';
export { TestDatabases } from './TestDatabases.js';
export { TestCaches } from './TestCaches.js';
export { createFakeClock, type FakeClock } from './scenario/createFakeClock.js';
export { createSharedTestDatabase } from './scenario/createSharedTestDatabase.js';
