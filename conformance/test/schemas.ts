import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

const ajv = new Ajv({ allErrors: true, strict: false });
(addFormats as unknown as (a: Ajv) => void)(ajv);

/** A validator for one of the suite's schemas in conformance/schemas. */
export function schemaValidator(name: string): ValidateFunction {
  const schema = JSON.parse(
    readFileSync(new URL(`../schemas/${name}`, import.meta.url), 'utf8'),
  ) as object;
  return ajv.compile(schema);
}

export function errorsText(validate: ValidateFunction): string {
  return ajv.errorsText(validate.errors);
}
