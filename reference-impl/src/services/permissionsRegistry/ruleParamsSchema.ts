import { createRequire } from 'node:module';
import type * as AjvModule from 'ajv';
import type { Ajv, ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);

/**
 * The parameter schema of a rule, in whichever form the rule carries it: a Standard Schema
 * (zod 3.24+, valibot, ...; `~standard.validate`), optionally with a JSON Schema form
 * (`~standard.jsonSchema`, or zod 4's `toJSONSchema()`), or a plain JSON Schema object.
 */
interface StandardSchemaLike {
  '~standard': {
    validate: (
      value: unknown,
    ) =>
      | { issues?: ReadonlyArray<{ message: string }> }
      | Promise<{ issues?: ReadonlyArray<{ message: string }> }>;
    jsonSchema?: { input?: (options: { target: string }) => Record<string, unknown> };
  };
  toJSONSchema?: () => Record<string, unknown>;
}

function isStandard(schema: unknown): schema is StandardSchemaLike {
  const std = (schema as { '~standard'?: { validate?: unknown } } | null)?.['~standard'];
  return typeof std?.validate === 'function';
}

// Created on the first plain JSON Schema: most rules carry a Standard Schema or none, and loading
// ajv's compiler costs tens of milliseconds that every process importing this service paid.
let ajv: Ajv | undefined;
const compiled = new WeakMap<object, ValidateFunction>();

/**
 * The JSON Schema of a rule's parameters for the metadata route (PREG-022). A schema library
 * without a JSON Schema export (zod 3) yields `{}`, which describes any parameters.
 */
export function paramsJsonSchema(schema: unknown): Record<string, unknown> {
  if (schema === undefined || schema === null) return {};
  if (isStandard(schema)) {
    try {
      const viaStandard = schema['~standard'].jsonSchema?.input?.({ target: 'draft-07' });
      if (viaStandard) return viaStandard;
      if (typeof schema.toJSONSchema === 'function') return schema.toJSONSchema();
    } catch {
      // Some schemas (transforms, custom types) cannot be expressed; describe them as open.
    }
    return {};
  }
  return typeof schema === 'object' ? (schema as Record<string, unknown>) : {};
}

/** Validates `params` against a rule's schema; resolves to the problems, empty when valid. */
export async function validateRuleParams(schema: unknown, params: unknown): Promise<string[]> {
  if (schema === undefined || schema === null) return [];
  if (isStandard(schema)) {
    const result = await schema['~standard'].validate(params);
    return (result.issues ?? []).map((i) => i.message);
  }
  if (typeof schema !== 'object') return [];
  let validate = compiled.get(schema);
  if (!validate) {
    if (!ajv) {
      const { Ajv: AjvClass } = require('ajv') as typeof AjvModule;
      ajv = new AjvClass({ strict: false, allErrors: true });
    }
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate(params ?? {})
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}
