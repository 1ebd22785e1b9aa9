import type { ErrorCode, OpenstageError as OpenstageErrorShape } from '@openstage/spec';

/** The catalog codes of the test kit (spec/docs/13-test-utilities.md, "Errors"). */
export type TestKitErrorCode = Extract<ErrorCode, `TEST_${string}`>;

// TODO(lead): move into reference-impl/src/errors/errorCatalog.ts once the catalog takes the
// TEST_* codes; this folder may not edit it.
const REQUIREMENTS: Readonly<Record<TestKitErrorCode, string>> = {
  TEST_SERVER_UNAVAILABLE: 'TEST-007',
  TEST_EXTENSION_POINT_UNUSED: 'TEST-044',
  TEST_INVALID_ENTITY_REF: 'TEST-141',
  TEST_MOCK_TOKEN_WRONG_TARGET: 'TEST-156',
  TEST_INVALID_MOCK_TOKEN: 'TEST-158',
  TEST_SERVICE_NOT_FOUND: 'TEST-185',
  TEST_UNSUPPORTED_DATABASE: 'TEST-205',
  TEST_UNSUPPORTED_CACHE: 'TEST-221',
  TEST_INJECTED_FAULT: 'TEST-243',
  TEST_UNKNOWN_FAULT_TARGET: 'TEST-246',
};

/**
 * The Backstage error class name each code is raised as, so that HTTP error handlers map a
 * rejected mock token to 401 and `error.name` checks written for Backstage keep working.
 */
const NAMES: Readonly<Record<TestKitErrorCode, string>> = {
  TEST_SERVER_UNAVAILABLE: 'Error',
  TEST_EXTENSION_POINT_UNUSED: 'Error',
  TEST_INVALID_ENTITY_REF: 'TypeError',
  TEST_MOCK_TOKEN_WRONG_TARGET: 'AuthenticationError',
  TEST_INVALID_MOCK_TOKEN: 'AuthenticationError',
  TEST_SERVICE_NOT_FOUND: 'Error',
  TEST_UNSUPPORTED_DATABASE: 'Error',
  TEST_UNSUPPORTED_CACHE: 'Error',
  TEST_INJECTED_FAULT: 'Error',
  TEST_UNKNOWN_FAULT_TARGET: 'Error',
};

/** Culprit fields a test kit error may carry. */
export interface TestKitErrorDetails {
  pluginId?: string;
  moduleId?: string;
  serviceId?: string;
  extensionPointId?: string;
  ref?: string;
}

/**
 * An error of the test kit, narrowable by `code`; `name` is the Backstage error class name.
 * Entity ref errors are {@link InvalidEntityRefError}, a `TypeError` (TEST-141).
 */
export class TestKitError<C extends TestKitErrorCode = TestKitErrorCode>
  extends Error
  implements OpenstageErrorShape<C>
{
  override readonly name: string;
  readonly code: C;
  readonly requirement: string;
  readonly pluginId?: string;
  readonly moduleId?: string;
  readonly serviceId?: string;
  readonly extensionPointId?: string;
  readonly ref?: string;

  constructor(
    code: C,
    message: string,
    details: TestKitErrorDetails = {},
    options?: { cause?: unknown },
  ) {
    super(`${message} [${code}, ${REQUIREMENTS[code]}]`, options);
    this.name = NAMES[code];
    this.code = code;
    this.requirement = REQUIREMENTS[code];
    assignDetails(this, details);
  }
}

/** The `TypeError` a mock credentials helper throws for a malformed entity ref (TEST-141). */
export class InvalidEntityRefError
  extends TypeError
  implements OpenstageErrorShape<'TEST_INVALID_ENTITY_REF'>
{
  readonly code = 'TEST_INVALID_ENTITY_REF' as const;
  readonly requirement = REQUIREMENTS.TEST_INVALID_ENTITY_REF;
  readonly ref: string;

  constructor(ref: string) {
    super(
      `Invalid entity ref ${JSON.stringify(ref)}, expected the form <kind>:<namespace>/<name> such as 'user:default/jane' [TEST_INVALID_ENTITY_REF, ${REQUIREMENTS.TEST_INVALID_ENTITY_REF}]`,
    );
    this.ref = ref;
  }
}

function assignDetails(target: object, details: TestKitErrorDetails): void {
  for (const [key, value] of Object.entries(details)) {
    if (value !== undefined) Object.defineProperty(target, key, { value, enumerable: true });
  }
}

/** Whether `error` is a test kit error, optionally with the given code. */
export function isTestKitError<C extends TestKitErrorCode>(
  error: unknown,
  code?: C,
): error is
  TestKitError<C> | (C extends 'TEST_INVALID_ENTITY_REF' ? InvalidEntityRefError : never) {
  const isKit = error instanceof TestKitError || error instanceof InvalidEntityRefError;
  return isKit && (code === undefined || (error as { code: string }).code === code);
}
