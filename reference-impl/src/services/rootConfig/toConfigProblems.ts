import type { ErrorObject } from 'ajv/dist/2020.js';
import type { ConfigProblem } from '../../errors/ConfigProblem.js';
import type { JsonObject } from './jsonValues.js';
import { pointerToConfigPath } from './pointerToConfigPath.js';

/**
 * Turns the errors of one ajv validation into config problems (CONF-061, CONF-062): each names
 * the config path of the offending value (the missing or extra key for `required` and
 * `additionalProperties`) and the rule it breaks, without quoting the value (CONF-068).
 */
export function toConfigProblems(
  errors: ReadonlyArray<ErrorObject>,
  data: JsonObject,
  packageName: string | undefined,
): ConfigProblem[] {
  return simplifyErrors(errors).map((error) => toProblem(error, data, packageName));
}

// Keywords reported at an object's path that are about one of its keys.
const KEY_KEYWORDS = new Set([
  'required',
  'dependentRequired',
  'additionalProperties',
  'unevaluatedProperties',
]);

/**
 * Folds the errors of the branches of a failed `anyOf` or `oneOf` into something a person can
 * act on. When some branch got as far as the value's contents (errors deeper than the composite),
 * the value has that branch's shape and only those deeper errors matter; otherwise the branches'
 * own complaints become one problem listing the accepted forms.
 */
function simplifyErrors(errors: ReadonlyArray<ErrorObject>): ErrorObject[] {
  let result = errors.filter((e) => e.keyword !== 'if' || errors.length === 1);
  const composites = result.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  for (const composite of composites) {
    const at = composite.instancePath;
    if (!result.includes(composite)) continue;
    const here = result.filter((e) => e.instancePath === at && !KEY_KEYWORDS.has(e.keyword));
    const deeper = result.some(
      (e) =>
        e.instancePath.startsWith(`${at}/`) ||
        (e.instancePath === at && KEY_KEYWORDS.has(e.keyword)),
    );
    result = result.filter((e) => !here.includes(e));
    if (deeper) continue;
    const forms = [
      ...new Set(
        here.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf').map(describeError),
      ),
    ];
    result.push({
      ...composite,
      message:
        forms.length === 0
          ? (composite.message ?? 'matches none of the accepted forms')
          : `must match one of the accepted forms: ${forms.join('; or ')}`,
    });
  }
  return result;
}

function toProblem(
  error: ErrorObject,
  data: JsonObject,
  packageName: string | undefined,
): ConfigProblem {
  let pointer = error.instancePath;
  let message: string;
  const params = error.params as Record<string, unknown>;
  const child = (name: unknown): string =>
    `${pointer}/${String(name).replace(/~/g, '~0').replace(/\//g, '~1')}`;
  if (error.keyword === 'required' || error.keyword === 'dependentRequired') {
    pointer = child(params['missingProperty']);
    message = 'is required';
  } else if (error.keyword === 'additionalProperties') {
    pointer = child(params['additionalProperty']);
    message = 'is not an allowed key here';
  } else if (error.keyword === 'unevaluatedProperties') {
    pointer = child(params['unevaluatedProperty']);
    message = 'is not an allowed key here';
  } else {
    message = describeError(error);
  }
  if (packageName !== undefined) message += ` (schema of ${packageName})`;
  return { path: pointerToConfigPath(pointer, data), message };
}

/** The rule a value-level error says the value breaks. */
function describeError(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'pattern' && String(params['pattern']).length > 40) {
    // A long pattern says little to a reader; the description of the subschema says more.
    const description: unknown = error.parentSchema?.['description'];
    if (typeof description === 'string') return `must be ${firstSentence(description)}`;
  }
  if (error.keyword === 'enum' && Array.isArray(params['allowedValues'])) {
    return `must be one of ${params['allowedValues'].map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return error.message ?? `breaks the '${error.keyword}' rule`;
}

function firstSentence(text: string): string {
  const sentence = /^.*?\.(?=\s|$)/s.exec(text)?.[0] ?? text;
  return (sentence.charAt(0).toLowerCase() + sentence.slice(1)).replace(/\.$/, '');
}

export function compareProblems(a: ConfigProblem, b: ConfigProblem): number {
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}
