import {
  OpenstageError,
  attachCatalogFields,
  renderCatalogError,
} from '../errors/OpenstageError.js';
import type { ErrorCode, ErrorDetails } from '../errors/errorCatalog.js';

/** The catalog codes of the test kit (spec/docs/13-test-utilities.md, "Errors"). */
export type TestKitErrorCode = Extract<ErrorCode, `TEST_${string}`>;

/**
 * An error of the test kit, narrowable by `code`. Its requirement, hint and `name` come from the
 * error catalog (`src/errors/errorCatalog.ts`): a rejected mock token is an
 * `AuthenticationError`, so HTTP error handlers answer 401. Entity ref errors are
 * {@link InvalidEntityRefError}, a `TypeError` (TEST-141).
 */
export class TestKitError<
  C extends Exclude<TestKitErrorCode, 'TEST_INVALID_ENTITY_REF'> = Exclude<
    TestKitErrorCode,
    'TEST_INVALID_ENTITY_REF'
  >,
> extends OpenstageError<C> {
  constructor(code: C, details: ErrorDetails<C>, options?: { cause?: unknown }) {
    super(code, details, options);
    if (this.name === 'OpenstageError') this.name = 'Error';
  }
}

/**
 * The `TypeError` a mock credentials helper throws for a malformed entity ref (TEST-141). Its
 * catalog entry names `TypeError` as its base, so it cannot extend `OpenstageError`; it carries
 * the catalog's brand instead, so `instanceof OpenstageError` still holds.
 */
export class InvalidEntityRefError extends TypeError {
  readonly code = 'TEST_INVALID_ENTITY_REF' as const;
  readonly requirement: string;
  readonly ref: string;

  constructor(ref: string) {
    const rendered = renderCatalogError('TEST_INVALID_ENTITY_REF', { ref });
    super(rendered.message);
    this.requirement = rendered.requirement;
    this.ref = ref;
    attachCatalogFields(this, { ref }, rendered.hint, []);
  }
}

/** Whether `error` is a test kit error, optionally with the given code. */
export function isTestKitError<C extends TestKitErrorCode>(
  error: unknown,
  code?: C,
): error is C extends 'TEST_INVALID_ENTITY_REF'
  ? InvalidEntityRefError
  : TestKitError<Exclude<C, 'TEST_INVALID_ENTITY_REF'>> {
  const isKit = error instanceof TestKitError || error instanceof InvalidEntityRefError;
  return isKit && (code === undefined || (error as { code: string }).code === code);
}
