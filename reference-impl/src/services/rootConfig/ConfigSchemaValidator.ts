import { createRequire } from 'node:module';
import type * as AjvModule from 'ajv';
import type { Ajv } from 'ajv';
import type * as Ajv2020Module from 'ajv/dist/2020.js';
import type { Ajv2020, AnySchemaObject, KeywordCxt, ValidateFunction } from 'ajv/dist/2020.js';
import type * as Codegen from 'ajv/dist/compile/codegen/index.js';
import { ConfigError } from './ConfigError.js';
import { ConfigValidatorCache, standaloneValidatorCode } from './ConfigValidatorCache.js';
import type { ConfigProblem } from '../../errors/ConfigProblem.js';
import { isJsonObject, type JsonObject } from './jsonValues.js';
import { collectMarkedSecrets } from './collectMarkedSecrets.js';
import { pointerToConfigPath } from './pointerToConfigPath.js';
import { compareProblems, toConfigProblems } from './toConfigProblems.js';

const require = createRequire(import.meta.url);

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
  /**
   * A hash of `schema` and `references` that whoever built this object vouches for, such as a
   * hash of the files they are parsed from. When present, fingerprints
   * ({@link ConfigSchemaValidator.fingerprint}) use it instead of serializing the schema, so a
   * schema that nothing has to validate against need not be parsed: `schema` and `references`
   * may then be getters that parse on first use.
   */
  digest?: string;
}

/** A visibility that a schema gives to a path of the configuration. */
export type ConfigVisibility = 'frontend' | 'backend' | 'secret';

/** What one validation found. */
export interface ConfigValidationResult {
  /** Every violation, in config path order (CONF-061, CONF-062). */
  problems: ConfigProblem[];
  /** Every secret string of the configuration (CONF-067). */
  secrets: Set<string>;
  /** The visibilities the schemas gave to paths of the configuration, which `secrets` came from. */
  marks: ConfigVisibilityMarks;
}

/**
 * The visibilities that schemas gave to JSON pointers into a document during its validation:
 * `visibility` marks one value, `deepVisibility` a value and everything below it. Plain JSON, so
 * that a document's marks can be kept beside a digest of it (`PassedConfigCache`).
 */
export interface ConfigVisibilityMarks {
  visibility: ReadonlyArray<readonly [pointer: string, visibilities: readonly ConfigVisibility[]]>;
  deepVisibility: ReadonlyArray<
    readonly [pointer: string, visibilities: readonly ConfigVisibility[]]
  >;
}

const DRAFT_2020 = /^https?:\/\/json-schema\.org\/draft\/2020-12\/schema#?$/;
const VISIBILITIES: ConfigVisibility[] = ['frontend', 'backend', 'secret'];
const DECLARES = 'openstageDeclaresKeys';
// Part of the key of validators cached on disk: bump it whenever `createAjv`'s options or
// keywords change the code ajv generates, or validators compiled by older code get loaded.
const GENERATED_CODE_VERSION = 1;

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

/** A {@link Declaration} as JSON, the form compiled code carries it in. */
interface DeclarationData {
  keys: string[];
  patterns: string[];
  anyKey: boolean;
}

/**
 * What the code compiled from a schema calls back into while it validates: its custom keywords
 * record here. Precompiled validators (`generated/specConfigValidator.ts`) receive the same
 * object, so both paths record identically.
 */
export interface ConfigKeywordHooks {
  /** A `visibility`/`deepVisibility` keyword saw `data`, whose subschema declares `types`. */
  visibility(
    keyword: 'visibility' | 'deepVisibility',
    visibility: ConfigVisibility,
    types: string[] | null,
    data: unknown,
    instancePath: string,
  ): void;
  /** Builds, once per compiled object subschema, the keys that it declares. */
  declaration(data: DeclarationData): Declaration;
  /** An object subschema applied to the object at `instancePath`. */
  declared(declaration: Declaration, instancePath: string): void;
}

const keywordHooks: ConfigKeywordHooks = {
  visibility(keyword, visibility, types, data, instancePath) {
    // A visibility belongs to the value its subschema describes; in a `oneOf` of a string and
    // an object, the string branch's `secret` must not mark the object's fields.
    if (!recording || !matchesDeclaredType(types, data)) return;
    const map = keyword === 'visibility' ? recording.visibility : recording.deepVisibility;
    let set = map.get(instancePath);
    if (!set) map.set(instancePath, (set = new Set()));
    set.add(visibility);
  },
  declaration: (data) => ({
    keys: new Set(data.keys),
    patterns: data.patterns.map((p) => new RegExp(p, 'u')),
    anyKey: data.anyKey,
  }),
  declared(declaration, instancePath) {
    if (!recording) return;
    const list = recording.declared.get(instancePath) ?? [];
    list.push(declaration);
    recording.declared.set(instancePath, list);
  },
};

/**
 * Installs a validator compiled ahead of time for `source` (non-strict mode), so that
 * {@link ConfigSchemaValidator.create} does not compile it again. `createValidate` receives the
 * hooks its keyword code calls.
 */
export function registerPrecompiledSchema(
  source: ConfigSchema,
  createValidate: (hooks: ConfigKeywordHooks) => ValidateFunction,
): void {
  compileCache.set(source, { ...compileCache.get(source), plain: createValidate(keywordHooks) });
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

const fingerprints = new WeakMap<ConfigSchema, { plain?: string; strict?: string }>();

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
   * package, when one is not valid JSON Schema (CONF-059). With `cache`, a schema compiled on
   * an earlier start is loaded from there instead, and one compiled now is stored there.
   */
  static create(
    schemas: ReadonlyArray<ConfigSchema>,
    options: { strict?: boolean; cache?: ConfigValidatorCache } = {},
  ): ConfigSchemaValidator {
    const strict = options.strict ?? false;
    const { cache } = options;
    const remember = (source: ConfigSchema, validate: ValidateFunction): CompiledSchema => {
      compileCache.set(source, {
        ...compileCache.get(source),
        [strict ? 'strict' : 'plain']: validate,
      });
      return { source, validate };
    };
    const compiled = schemas.map((source) => {
      const cached = compileCache.get(source)?.[strict ? 'strict' : 'plain'];
      if (cached) return { source, validate: cached };
      const key = cache && ConfigSchemaValidator.fingerprint(source, strict);
      const stored = key === undefined ? undefined : cache?.load(key, keywordHooks, require);
      if (stored) return remember(source, stored);
      const prepare = (schema: JsonObject): JsonObject =>
        strict ? markObjectSchemas(schema) : schema;
      let code: string | undefined;
      const compileWith = (ajv: Ajv | Ajv2020): ValidateFunction => {
        for (const reference of source.references ?? []) ajv.addSchema(prepare(reference));
        const validate = ajv.compile(prepare(source.schema));
        // Generated here, while the references are still registered with `ajv`.
        if (key !== undefined) code = tryStandaloneCode(ajv, validate);
        return validate;
      };
      let validate: ValidateFunction;
      try {
        // A fresh instance reports a failure exactly as a schema compiled on its own would.
        validate =
          compileInSharedAjv(source.schema, compileWith) ??
          compileWith(createAjv(source.schema, { source: true }));
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
      // Outside the `try`: whatever the cache does is never reported as an invalid schema.
      if (key !== undefined && code !== undefined) cache?.save(key, code, source.location);
      return remember(source, validate);
    });
    return new ConfigSchemaValidator(compiled, strict);
  }

  /**
   * A hash of everything that decides how `source` validates in this mode: the schema and its
   * references (or the `digest` that stands for them), the versions of ajv and ajv-formats and
   * of this validator's keyword code. Two sources with one fingerprint accept the same
   * documents and record the same marks.
   */
  static fingerprint(source: ConfigSchema, strict: boolean): string {
    // Memoized: a start asks once for the passed-document record and again, on a miss, for the
    // compiled-validator cache, and each asking serializes the whole schema.
    const mode = strict ? 'strict' : 'plain';
    const known = fingerprints.get(source);
    if (known?.[mode] !== undefined) return known[mode];
    const fingerprint = ConfigValidatorCache.key(source, strict, GENERATED_CODE_VERSION);
    fingerprints.set(source, { ...known, [mode]: fingerprint });
    return fingerprint;
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
    const toEntries = (map: Map<string, Set<ConfigVisibility>>) =>
      [...map].map(([pointer, set]): [string, ConfigVisibility[]] => [pointer, [...set]]);
    const marks: ConfigVisibilityMarks = {
      visibility: toEntries(current.visibility),
      deepVisibility: toEntries(current.deepVisibility),
    };
    return {
      problems: [...problems.values()].sort(compareProblems),
      secrets: collectMarkedSecrets(data, marks),
      marks,
    };
  }
}

// One ajv instance per draft, reused for every schema compiled at run time: creating one compiles
// ajv's meta-schemas, which costs more than compiling a typical package's schema.
const sharedAjv = new Map<boolean, Ajv | Ajv2020>();

/**
 * Compiles with the shared instance of `schema`'s draft, leaving nothing of it registered there,
 * so that schemas of different packages cannot see each other's `$id`s. Returns `undefined`, and
 * drops the instance, when compiling fails: the caller then compiles on a fresh instance.
 */
function compileInSharedAjv(
  schema: JsonObject,
  compileWith: (ajv: Ajv | Ajv2020) => ValidateFunction,
): ValidateFunction | undefined {
  const draft2020 = isDraft2020(schema);
  let ajv = sharedAjv.get(draft2020);
  // `source: true` costs little and lets ConfigValidatorCache store what this compiles.
  if (!ajv) sharedAjv.set(draft2020, (ajv = createAjv(schema, { source: true })));
  const knownSchemas = new Set(Object.keys(ajv.schemas));
  const knownRefs = new Set(Object.keys(ajv.refs));
  try {
    return compileWith(ajv);
  } catch {
    sharedAjv.delete(draft2020);
    return undefined;
  } finally {
    // What this compilation registered (its schemas' `$id`s and those nested in them) goes;
    // the compiled functions keep their own references.
    for (const key of Object.keys(ajv.schemas)) {
      if (!knownSchemas.has(key)) ajv.removeSchema(key);
    }
    for (const key of Object.keys(ajv.refs)) {
      if (!knownRefs.has(key)) delete (ajv.refs as Record<string, unknown>)[key];
    }
  }
}

/** Standalone code for `validate`, or `undefined` when ajv cannot generate it: then nothing is cached. */
function tryStandaloneCode(ajv: Ajv | Ajv2020, validate: ValidateFunction): string | undefined {
  try {
    return standaloneValidatorCode(ajv, validate);
  } catch {
    return undefined;
  }
}

function isDraft2020(schema: JsonObject): boolean {
  return DRAFT_2020.test(String(schema['$schema'] ?? ''));
}

/**
 * Creates the ajv instance that compiles `schema`, with this validator's keywords. ajv is loaded
 * here, on first use, so that a process whose schemas are all precompiled never loads it.
 * `source: true` keeps what standalone code generation needs (`generateSpecConfigValidator`,
 * `ConfigValidatorCache`).
 */
export function createAjv(schema: JsonObject, settings: { source?: boolean } = {}): Ajv | Ajv2020 {
  const { Ajv } = require('ajv') as typeof AjvModule;
  const { Ajv2020 } = require('ajv/dist/2020.js') as typeof Ajv2020Module;
  type FormatsPlugin = (ajv: Ajv | Ajv2020) => unknown;
  // ajv-formats is CommonJS: its plugin is the module itself, also exported as `default`.
  const formats = require('ajv-formats') as FormatsPlugin & { default?: FormatsPlugin };
  const addFormats = formats.default ?? formats;
  const { _, strConcat, stringify } =
    require('ajv/dist/compile/codegen/index.js') as typeof Codegen;
  const names = (
    require('ajv/dist/compile/names.js') as { default: { instancePath: Codegen.Name } }
  ).default;
  // `verbose` adds the subschema to each error, whose description explains a long pattern.
  // `optimize: false` skips ajv's passes over the generated code: they roughly halve compile
  // time on startup's path and only tidy code that validates a handful of documents.
  const options = {
    allErrors: true,
    strict: false,
    validateFormats: true,
    verbose: true,
    code: { optimize: false, source: settings.source ?? false },
  } as const;
  const ajv = isDraft2020(schema) ? new Ajv2020(options) : new Ajv(options);
  addFormats(ajv);
  // The keywords generate code calling `keywordHooks`, rather than being functions ajv calls,
  // so that standalone code generation can emit them: `hooks` is what the generated module's
  // factory receives.
  const hooksRef = (cxt: KeywordCxt): Codegen.Name =>
    cxt.gen.scopeValue('keyword', { ref: keywordHooks, code: _`hooks` });
  const instancePath = (cxt: KeywordCxt): Codegen.Code =>
    strConcat(names.instancePath, cxt.it.errorPath);
  for (const keyword of ['visibility', 'deepVisibility'] as const) {
    ajv.addKeyword({
      keyword,
      schemaType: 'string',
      metaSchema: { enum: VISIBILITIES },
      errors: false,
      code: (cxt) => {
        const declared: unknown = cxt.parentSchema['type'];
        const types =
          declared === undefined ? null : Array.isArray(declared) ? declared : [declared];
        cxt.gen.code(
          _`${hooksRef(cxt)}.visibility(${keyword}, ${cxt.schema as string}, ${stringify(types)}, ${cxt.data}, ${instancePath(cxt)})`,
        );
      },
    });
  }
  ajv.addKeyword({
    keyword: DECLARES,
    type: 'object',
    schemaType: 'boolean',
    errors: false,
    code: (cxt) => {
      const data = toDeclarationData(cxt.parentSchema);
      const declaration = cxt.gen.scopeValue('obj', {
        ref: keywordHooks.declaration(data),
        code: _`hooks.declaration(${stringify(data)})`,
      });
      cxt.gen.code(_`${hooksRef(cxt)}.declared(${declaration}, ${instancePath(cxt)})`);
    },
  });
  return ajv;
}

function matchesDeclaredType(types: string[] | null, data: unknown): boolean {
  if (types === null) return true;
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

function toDeclarationData(schema: AnySchemaObject): DeclarationData {
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
  return { keys: properties, patterns, anyKey };
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
