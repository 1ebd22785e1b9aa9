/**
 * The codes, requirements and message templates of every error the rootConfig service and the
 * configuration loader raise (spec chapters `12-configuration.md` and `services/root-config.md`).
 *
 * These codes are not in `src/errors/errorCatalog.ts` yet; this table has the same shape so that
 * the entries can move there unchanged. Messages name the culprit (file, config path, variable)
 * and never include a configured value, since that value could be a secret (CONF-068).
 */

/** One problem found by schema validation. */
export interface ConfigProblem {
  /** The config path of the offending value, such as `backend.listen.port`. */
  path: string;
  /** The rule that the value breaks. */
  message: string;
}

/** The culprit fields of each code; they become properties of the error. */
export interface ConfigErrorDetails {
  CONF_FILE_NOT_FOUND: { file: string };
  CONF_FILE_READ_FAILED: { file: string; reason: string };
  CONF_PARSE_FAILED: { file: string; line: number; column: number; reason: string };
  CONF_ROOT_NOT_OBJECT: { file: string; found: string };
  CONF_REMOTE_DISABLED: { url: string };
  CONF_INVALID_ENV_KEY: { variable: string };
  CONF_ENV_CONFLICT: { variables: [string, string] };
  CONF_INCLUDE_ADJACENT_KEYS: { configPath: string; file: string; includeKey: string };
  CONF_INCLUDE_NOT_STRING: { configPath: string; file: string; includeKey: string };
  CONF_INCLUDE_UNDEFINED: { configPath: string; file: string; includeKey: string };
  CONF_INCLUDE_READ_FAILED: { configPath: string; file: string; reason: string };
  CONF_INCLUDE_UNSUPPORTED_FORMAT: { configPath: string; file: string };
  CONF_INCLUDE_PARSE_FAILED: { configPath: string; file: string; reason: string };
  CONF_INCLUDE_FRAGMENT_INVALID: {
    configPath: string;
    file: string;
    fragment: string;
    walked: string;
  };
  CONF_INCLUDE_CYCLE: { configPath: string; files: string[] };
  CONF_INVALID_DURATION: { configPath: string; reason: string };
  CONF_SCHEMA_INVALID: {
    location: string;
    reason: string;
    packageName?: string;
    configPath?: string;
  };
  CONF_SCHEMA_VALIDATION_FAILED: { problems: ConfigProblem[] };
  RCFG_INVALID_KEY: { key: string; configPath: string };
  RCFG_MISSING_VALUE: { configPath: string; source?: string };
  RCFG_TYPE_MISMATCH: { configPath: string; expected: string; found: string; source?: string };
  RCFG_CONVERSION_FAILED: { configPath: string; expected: string; source?: string };
  RCFG_RELOAD_FAILED: { source: string; reason: string };
}

/** Every code the configuration code raises. */
export type ConfigErrorCode = keyof ConfigErrorDetails;

interface Entry<TDetails> {
  readonly requirement: string;
  readonly message: (details: TDetails) => string;
  readonly hint: string;
}

type Catalog = { readonly [C in ConfigErrorCode]: Entry<ConfigErrorDetails[C]> };

const q = (value: string): string => `'${value}'`;
const from = (source: string | undefined): string => (source === undefined ? '' : ` in ${source}`);

export const configErrorCatalog: Catalog = {
  CONF_FILE_NOT_FOUND: {
    requirement: 'CONF-003',
    message: (d) => `Config file ${q(d.file)} does not exist`,
    hint: 'Create the file, start the backend from the right directory, or pass the correct --config path.',
  },
  CONF_FILE_READ_FAILED: {
    requirement: 'CONF-010',
    message: (d) => `Config file ${q(d.file)} could not be read: ${d.reason}`,
    hint: "Fix the file's permissions or path.",
  },
  CONF_PARSE_FAILED: {
    requirement: 'CONF-012',
    message: (d) =>
      `Config file ${q(d.file)} is not valid YAML at line ${d.line}, column ${d.column}: ${d.reason}`,
    hint: 'Fix the syntax at the reported line.',
  },
  CONF_ROOT_NOT_OBJECT: {
    requirement: 'CONF-014',
    message: (d) =>
      `Config file ${q(d.file)} must hold a mapping at the top level, found ${d.found}`,
    hint: 'Make the file a mapping of keys to values.',
  },
  CONF_REMOTE_DISABLED: {
    requirement: 'CONF-016',
    message: (d) =>
      `Remote config ${q(d.url)} cannot be loaded: remote configuration is not enabled`,
    hint: 'Pass the remote option to the rootConfig factory, or use a file path.',
  },
  CONF_INVALID_ENV_KEY: {
    requirement: 'CONF-022',
    message: (d) =>
      `Invalid environment variable name ${q(d.variable)}: every _-separated part must start with a letter and hold only letters, digits and single dashes`,
    hint: 'Rename the variable; keys that contain _ can only be set in files.',
  },
  CONF_ENV_CONFLICT: {
    requirement: 'CONF-023',
    message: (d) =>
      `Environment variables ${q(d.variables[0])} and ${q(d.variables[1])} address the same or overlapping config paths`,
    hint: 'Remove one of the variables, or set the whole object in one of them.',
  },
  CONF_INCLUDE_ADJACENT_KEYS: {
    requirement: 'CONF-033',
    message: (d) =>
      `${d.includeKey} at ${q(d.configPath)} in ${q(d.file)} must be the only key of its mapping`,
    hint: 'Move the other keys elsewhere; an include replaces its whole mapping.',
  },
  CONF_INCLUDE_NOT_STRING: {
    requirement: 'CONF-034',
    message: (d) =>
      `The value of ${d.includeKey} at ${q(d.configPath)} in ${q(d.file)} must be a string`,
    hint: 'Give the include a variable name or a file path as a string.',
  },
  CONF_INCLUDE_UNDEFINED: {
    requirement: 'CONF-073',
    message: (d) =>
      `The value of ${d.includeKey} at ${q(d.configPath)} in ${q(d.file)} refers to an environment variable that is not set`,
    hint: 'Set the variable or give it a :- fallback.',
  },
  CONF_INCLUDE_READ_FAILED: {
    requirement: 'CONF-039',
    message: (d) =>
      `File ${q(d.file)} included at ${q(d.configPath)} could not be read: ${d.reason}`,
    hint: 'Create the file or fix the path, which is relative to the including file.',
  },
  CONF_INCLUDE_UNSUPPORTED_FORMAT: {
    requirement: 'CONF-040',
    message: (d) =>
      `File ${q(d.file)} included at ${q(d.configPath)} must end in .json, .yaml or .yml`,
    hint: 'Rename the file or use $file to read it as a string.',
  },
  CONF_INCLUDE_PARSE_FAILED: {
    requirement: 'CONF-041',
    message: (d) =>
      `File ${q(d.file)} included at ${q(d.configPath)} could not be parsed: ${d.reason}`,
    hint: 'Fix the included file.',
  },
  CONF_INCLUDE_FRAGMENT_INVALID: {
    requirement: 'CONF-043',
    message: (d) =>
      `Fragment ${q(d.fragment)} of the include at ${q(d.configPath)} does not resolve in ${q(d.file)}: ${d.walked === '' ? 'the document' : q(d.walked)} is not a mapping or is missing`,
    hint: 'Correct the # fragment or the structure of the included file.',
  },
  CONF_INCLUDE_CYCLE: {
    requirement: 'CONF-045',
    message: (d) => `Include cycle at ${q(d.configPath)}: ${d.files.map(q).join(' -> ')}`,
    hint: 'Break the cycle between the listed files.',
  },
  CONF_INVALID_DURATION: {
    requirement: 'CONF-052',
    message: (d) => `Invalid duration at ${q(d.configPath)}: ${d.reason}`,
    hint: 'Use a form such as 30s, PT30S or seconds: 30.',
  },
  CONF_SCHEMA_INVALID: {
    requirement: 'CONF-059',
    message: (d) =>
      `Invalid config schema ${q(d.location)}${d.packageName === undefined ? '' : ` of package ${q(d.packageName)}`}${d.configPath === undefined ? '' : ` at ${q(d.configPath)}`}: ${d.reason}`,
    hint: "Fix the package's configSchema, or report it to the package's authors.",
  },
  CONF_SCHEMA_VALIDATION_FAILED: {
    requirement: 'CONF-061',
    message: (d) =>
      `Configuration does not match the schema (${d.problems.length} problem${d.problems.length === 1 ? '' : 's'}):\n${d.problems
        .map((p) => `  ${p.path === '' ? '<root>' : p.path}: ${p.message}`)
        .join('\n')}`,
    hint: 'Correct every value listed in problems.',
  },
  RCFG_INVALID_KEY: {
    requirement: 'RCFG-004',
    message: (d) =>
      `Invalid config key ${q(d.key)}${d.configPath === d.key ? '' : ` (at ${q(d.configPath)})`}`,
    hint: 'Use keys such as backend.listen.port; each part starts with a letter.',
  },
  RCFG_MISSING_VALUE: {
    requirement: 'RCFG-010',
    message: (d) => `Missing required config value at ${q(d.configPath)}${from(d.source)}`,
    hint: 'Set the value in configuration, or read it with the optional getter.',
  },
  RCFG_TYPE_MISMATCH: {
    requirement: 'RCFG-011',
    message: (d) =>
      `Invalid type in config for key ${q(d.configPath)}${from(d.source)}, got ${d.found}, wanted ${d.expected}`,
    hint: 'Change the configured value to the expected type.',
  },
  RCFG_CONVERSION_FAILED: {
    requirement: 'RCFG-016',
    message: (d) =>
      `Unable to convert config value for key ${q(d.configPath)}${from(d.source)} to a ${d.expected}`,
    hint: 'Write a plain number, or one of the accepted boolean spellings.',
  },
  RCFG_RELOAD_FAILED: {
    requirement: 'RCFG-037',
    message: (d) =>
      `Reloading configuration from ${d.source} failed, keeping the previous configuration: ${d.reason}`,
    hint: 'Fix the reported file or value; the next change is picked up automatically.',
  },
};
