import { ConfigSchemaValidator, type ConfigSchema } from './ConfigSchemaValidator.js';
import type { ConfigValidatorCache } from './ConfigValidatorCache.js';
import { collectMarkedSecrets } from './collectMarkedSecrets.js';
import type { JsonObject } from './jsonValues.js';
import { PassedConfigCache } from './PassedConfigCache.js';
import { passedValidation } from './validateConfig.js';

/** Options of {@link ConfigValidation}. */
export interface ConfigValidationOptions {
  schemas: ReadonlyArray<ConfigSchema>;
  /** Reports keys that no schema declares (CONF-065). */
  strict: boolean;
  /** Where compiled validators and passed documents are kept across starts. */
  cache?: ConfigValidatorCache;
  /** Runs once before the schemas are first compiled, such as installing a precompiled validator. */
  beforeCompile?: () => Promise<void>;
  /** Runs after every validation that ran the validators, whatever its verdict. */
  afterValidating?: () => void;
}

/**
 * Validates the configuration documents of one `rootConfig` (the one loaded at start, then each
 * reload) against a fixed set of schemas, and returns each one's secret strings (CONF-061,
 * CONF-067). Fails with one `CONF_SCHEMA_VALIDATION_FAILED` error whose `problems` list every
 * violation, in config path order, without quoting configured values (CONF-062, CONF-068).
 *
 * **Details**: the schemas are compiled on the first document that has to be validated, not
 * before. A document that already passed with the same schemas, in this process or (with a
 * `cache`) on an earlier start, is not validated again ({@link PassedConfigCache}): a backend
 * restarted with unchanged configuration loads no validator at all (issue 10).
 */
export class ConfigValidation {
  readonly #options: ConfigValidationOptions;
  readonly #passed: PassedConfigCache;
  #validator: Promise<ConfigSchemaValidator> | undefined;

  constructor(options: ConfigValidationOptions) {
    this.#options = options;
    this.#passed = new PassedConfigCache(options.schemas, options.strict, options.cache?.dir);
  }

  /** The secret strings of `data`, once it is known to be valid. */
  async validate(data: JsonObject): Promise<Set<string>> {
    const digest = PassedConfigCache.digest(data);
    const marks = this.#passed.get(digest);
    if (marks) return collectMarkedSecrets(data, marks);
    const validator = await this.#compiled();
    let result;
    try {
      result = passedValidation(validator.validate(data));
    } finally {
      this.#options.afterValidating?.();
    }
    this.#passed.set(digest, result.marks);
    return result.secrets;
  }

  #compiled(): Promise<ConfigSchemaValidator> {
    this.#validator ??= (async () => {
      await this.#options.beforeCompile?.();
      const { schemas, strict, cache } = this.#options;
      return ConfigSchemaValidator.create(schemas, { strict, ...(cache ? { cache } : {}) });
    })().catch((error: unknown) => {
      // A failure to compile is reported again by the next document, not remembered.
      this.#validator = undefined;
      throw error;
    });
    return this.#validator;
  }
}
