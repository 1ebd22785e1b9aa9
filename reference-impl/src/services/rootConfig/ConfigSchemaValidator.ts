import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { AnySchemaObject, ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { ConfigError } from './ConfigError.js';
import type { ConfigProblem } from '../../errors/ConfigProblem.js';
import { isJsonObject, type JsonObject } from './jsonValues.js';
import { collectMarkedSecrets } from './collectMarkedSecrets.js';
import { pointerToConfigPath } from './pointerToConfigPath.js';
import { compareProblems, toConfigProblems } from './toConfigProblems.js';

// ajv-formats is CommonJS; depending on the interop path its plugin is the module or its default.
const addFormats = addFormatsModule.default ?? addFormatsModule;

/** A JSON Schema that configuration is validated against. */
export interface ConfigSchema {
  /** The schema itself; draft 2020-12 when its `$schema` says so, draft-07 otherwise (CONF-056). */
  schema: JsonObject;
  /** Where it came from, named in errors: a file, `<package>/package.json#configSchema`, ... */
  location: string;
  /** The package that declared it, when there is one. */
  packageName?: string;
  /** Further schemas that `schema` refers to by `$id`, compiled alongside it. */
  references?: JsonObject[];
}

/** A visibility that a schema gives to a path of the configuration. */
export type ConfigVisibility = 'frontend' | 'backend' | 'secret';

/** What one validation found. */
export interface ConfigValidationResult {
  /** Every violation, in config path order (CONF-061, CONF-062). */
  problems: ConfigProblem[];
  /** Every secret string of the configuration (CONF-067). */
  secrets: Set<string>;
}

const DRAFT_2020 = /^https?:\/\/json-schema\.org\/draft\/2020-12\/schema#?$/;
const VISIBILITIES: ConfigVisibility[] = ['frontend', 'backend', 'secret'];
const DECLARES = 'openstageDeclaresKeys';

/** What the keywords saw during one validation, keyed by JSON pointer into the data. */
interface Recording {
  visibility: Map<string, Set<ConfigVisibility>>;
  deepVisibility: Map<string, Set<ConfigVisibility>>;
  declared: Map<string, Declaration[]>;
}

interface Declaration {
  keys: ReadonlySet<string>;
  patterns: RegExp[];
  anyKey: boolean;
}

// ajv validation is synchronous, so the keywords can write into whichever recording the current
// `validate` call installed here.
let recording: Recording | undefined;

// Compiling the spec's schemas takes long enough to notice, and `loadSpecSchemas` hands out the
// same object every time, so compiled functions are kept per schema object.
const compileCache = new WeakMap<
  ConfigSchema,
  { plain?: ValidateFunction; strict?: ValidateFunction }
>();

interface CompiledSchema {
  source: ConfigSchema;
  validate: ValidateFunction;
}

/**
 * Validates configuration against a set of JSON Schemas, collecting every problem, the secrets
 * that `visibility: secret` and `deepVisibility: secret` mark, and (with `strict`) the keys that
 * no schema declares.
 */
export class ConfigSchemaValidator {
  readonly #compiled: CompiledSchema[];
  readonly #strict: boolean;

  private constructor(compiled: CompiledSchema[], strict: boolean) {
    this.#compiled = compiled;
    this.#strict = strict;
  }

  /**
   * Compiles `schemas`. Fails with `CONF_SCHEMA_INVALID`, naming the schema's location and
   * package, when one is not valid JSON Schema (CONF-059).
   */
  static create(
    schemas: ReadonlyArray<ConfigSchema>,
    options: { strict?: boolean } = {},
  ): ConfigSchemaValidator {
    const strict = options.strict ?? false;
    const compiled = schemas.map((source) => {
      const cached = compileCache.get(source)?.[strict ? 'strict' : 'plain'];
      if (cached) return { source, validate: cached };
      const ajv = createAjv(source.schema);
      const prepare = (schema: JsonObject): JsonObject =>
        strict ? markObjectSchemas(schema) : schema;
      try {
        for (const reference of source.references ?? []) ajv.addSchema(prepare(reference));
        const validate = ajv.compile(prepare(source.schema));
        compileCache.set(source, {
          ...compileCache.get(source),
          [strict ? 'strict' : 'plain']: validate,
        });
        return { source, validate };
      } catch (error) {
        throw ConfigError.create(
          'CONF_SCHEMA_INVALID',
          {
            location: source.location,
            reason: (error as Error).message,
            ...(source.packageName === undefined ? {} : { packageName: source.packageName }),
          },
          { cause: error },
        );
      }
    });
    return new ConfigSchemaValidator(compiled, strict);
  }

  /**
   * Validates `data` against every schema. Fails with `CONF_SCHEMA_INVALID` only when two
   * schemas give one path both `frontend` and `secret` visibility (CONF-060); violations are
   * returned, not thrown.
   */
  validate(data: JsonObject): ConfigValidationResult {
    const current: Recording = {
      visibility: new Map(),
      deepVisibility: new Map(),
      declared: new Map(),
    };
    const problems = new Map<string, ConfigProblem>();
    recording = current;
    try {
      for (const { source, validate } of this.#compiled) {
        if (validate(data)) continue;
        for (const problem of toConfigProblems(validate.errors ?? [], data, source.packageName)) {
          problems.set(`${problem.path}\u0000${problem.message}`, problem);
        }
      }
    } finally {
      recording = undefined;
    }
    if (this.#strict) {
      // A key that a closed schema already rejects is reported once, by that schema.
      const reported = new Set([...problems.values()].map((p) => p.path));
      for (const problem of findUndeclaredKeys(data, current.declared)) {
        if (!reported.has(problem.path))
          problems.set(`${problem.path}\u0000${problem.message}`, problem);
      }
    }
    return {
      problems: [...problems.values()].sort(compareProblems),
      secrets: collectMarkedSecrets(data, current.visibility, current.deepVisibility),
    };
  }
}

function createAjv(schema: JsonObject): Ajv | Ajv2020 {
  // `verbose` adds the subschema to each error, whose description explains a long pattern.
  // `optimize: false` skips ajv's passes over the generated code: they roughly halve compile
  // time on startup's path and only tidy code that validates a handful of documents.
  const options = {
    allErrors: true,
    strict: false,
    validateFormats: true,
    verbose: true,
    code: { optimize: false },
  } as const;
  const ajv = DRAFT_2020.test(String(schema['$schema'] ?? ''))
    ? new Ajv2020(options)
    : new Ajv(options);
  addFormats(ajv);
  for (const keyword of ['visibility', 'deepVisibility'] as const) {
    ajv.addKeyword({
      keyword,
      schemaType: 'string',
      metaSchema: { enum: VISIBILITIES },
      errors: false,
      validate: (
        visibility: ConfigVisibility,
        data: unknown,
        parentSchema?: AnySchemaObject,
        cxt?: { instancePath: string },
      ) => {
        // A visibility belongs to the value its subschema describes; in a `oneOf` of a string
        // and an object, the string branch's `secret` must not mark the object's fields.
        if (recording && cxt && matchesDeclaredType(parentSchema, data)) {
          const map = keyword === 'visibility' ? recording.visibility : recording.deepVisibility;
          let set = map.get(cxt.instancePath);
          if (!set) map.set(cxt.instancePath, (set = new Set()));
          set.add(visibility);
        }
        return true;
      },
    });
  }
  ajv.addKeyword({
    keyword: DECLARES,
    type: 'object',
    schemaType: 'boolean',
    errors: false,
    compile: (_value: boolean, parentSchema: AnySchemaObject) => {
      const declaration = toDeclaration(parentSchema);
      return (_data: unknown, cxt?: { instancePath: string }) => {
        if (recording && cxt) {
          const list = recording.declared.get(cxt.instancePath) ?? [];
          list.push(declaration);
          recording.declared.set(cxt.instancePath, list);
        }
        return true;
      };
    },
  });
  return ajv;
}

function matchesDeclaredType(schema: AnySchemaObject | undefined, data: unknown): boolean {
  const declared: unknown = schema?.['type'];
  if (declared === undefined) return true;
  const types = Array.isArray(declared) ? declared : [declared];
  const actual =
    data === null
      ? 'null'
      : Array.isArray(data)
        ? 'array'
        : typeof data === 'number' && Number.isInteger(data)
          ? 'integer'
          : typeof data;
  return types.includes(actual) || (actual === 'integer' && types.includes('number'));
}

function toDeclaration(schema: AnySchemaObject): Declaration {
  const properties = isJsonObject(schema['properties']) ? Object.keys(schema['properties']) : [];
  const patterns = isJsonObject(schema['patternProperties'])
    ? Object.keys(schema['patternProperties'])
    : [];
  const additional: unknown = schema['additionalProperties'];
  // Any key is declared when the schema says so explicitly (`additionalProperties: true` or a
  // schema for the other keys) or names no keys at all (a free-form object). Keys of a schema
  // that lists properties and says nothing about others are the ones it declares: that is how
  // most published schemas are written, and where strict mode catches misspelt keys.
  const anyKey =
    additional === true ||
    isJsonObject(additional) ||
    (properties.length === 0 && patterns.length === 0 && additional !== false);
  return { keys: new Set(properties), patterns: patterns.map((p) => new RegExp(p, 'u')), anyKey };
}

/** A copy of `schema` whose object subschemas carry the keyword that records declared keys. */
function markObjectSchemas(schema: JsonObject): JsonObject {
  const mark = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(mark);
    if (!isJsonObject(node)) return node;
    const copy: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      // Only keywords that hold subschemas are followed; `default`, `const`, `enum` and
      // `examples` hold data and are copied as they are.
      if (
        ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'].includes(
          key,
        ) &&
        isJsonObject(value)
      ) {
        copy[key] = Object.fromEntries(
          Object.entries(value).map(([k, v]) => [k, mark(v)]),
        ) as JsonObject;
      } else if (SUBSCHEMA_KEYWORDS.has(key)) {
        copy[key] = mark(value) as JsonObject;
      } else {
        copy[key] = value;
      }
    }
    const type = node['type'];
    const isObjectSchema =
      type === 'object' ||
      (Array.isArray(type) && type.includes('object')) ||
      'properties' in node ||
      'patternProperties' in node ||
      'additionalProperties' in node;
    if (isObjectSchema) copy[DECLARES] = true;
    return copy;
  };
  return mark(schema) as JsonObject;
}

const SUBSCHEMA_KEYWORDS = new Set([
  'additionalProperties',
  'items',
  'prefixItems',
  'additionalItems',
  'anyOf',
  'oneOf',
  'allOf',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'unevaluatedProperties',
  'unevaluatedItems',
]);

function findUndeclaredKeys(
  data: JsonObject,
  declared: Map<string, Declaration[]>,
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const visit = (node: unknown, pointer: string): void => {
    if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, `${pointer}/${index}`));
      return;
    }
    if (!isJsonObject(node)) return;
    const declarations = declared.get(pointer);
    for (const [key, value] of Object.entries(node)) {
      const childPointer = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      const known =
        declarations === undefined ||
        declarations.some(
          (d) => d.anyKey || d.keys.has(key) || d.patterns.some((p) => p.test(key)),
        );
      if (known) visit(value, childPointer);
      else
        problems.push({
          path: pointerToConfigPath(childPointer, data),
          message: 'is not declared by any schema (strict mode)',
        });
    }
  };
  visit(data, '');
  return problems;
}
