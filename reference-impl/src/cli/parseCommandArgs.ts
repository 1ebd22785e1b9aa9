import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './CliError.js';

type Options = NonNullable<ParseArgsConfig['options']>;

type OptionValue<O> = O extends { type: 'boolean' }
  ? O extends { multiple: true }
    ? boolean[]
    : boolean
  : O extends { multiple: true }
    ? string[]
    : string;

/**
 * The values of `options`, typed from their declaration (always present when they have a
 * `default`), plus `help`.
 */
export type ParsedOptions<T extends Options> = {
  [K in keyof T as T[K] extends { default: unknown } ? K : never]: OptionValue<T[K]>;
} & {
  [K in keyof T as T[K] extends { default: unknown } ? never : K]?: OptionValue<T[K]>;
} & { help?: boolean };

/** What a command accepts besides its options. */
export interface PositionalSpec {
  /** Names shown in errors, in order, such as `['pluginId', 'moduleId']`. */
  names: string[];
  /** How many are required; the rest are optional. */
  required: number;
}

/**
 * Parses a command's arguments strictly with `node:util`'s `parseArgs`, adding `--help`/`-h`, and
 * turns every mistake into a one-line usage error that names the option or argument and points
 * to `openstage <command> --help`. Missing positionals are not reported when `--help` is given.
 */
export function parseCommandArgs<T extends Options>(
  command: string,
  args: string[],
  options: T,
  positional: PositionalSpec = { names: [], required: 0 },
): { values: ParsedOptions<T>; positionals: string[] } {
  const help = `Run 'openstage ${command} --help' for its usage.`;
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    throw CliError.usage(`${describeParseError(command, error)} ${help}`);
  }
  const values = parsed.values as ParsedOptions<T>;
  if (values.help === true) return { values, positionals: parsed.positionals };
  const { names, required } = positional;
  if (parsed.positionals.length < required) {
    const missing = names[parsed.positionals.length] ?? 'argument';
    throw CliError.usage(`'openstage ${command}' is missing the argument <${missing}>. ${help}`);
  }
  if (parsed.positionals.length > names.length) {
    const extra = parsed.positionals[names.length]!;
    throw CliError.usage(`'openstage ${command}' does not take the argument '${extra}'. ${help}`);
  }
  return { values, positionals: parsed.positionals };
}

/** Rewrites `parseArgs`'s messages, which assume a different audience, into ours. */
function describeParseError(command: string, error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-[^' ]+)/.exec(message)?.[1] ?? 'an option';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Unknown option '${option}' for 'openstage ${command}'.`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return message.includes('argument missing')
        ? `Option '${option}' of 'openstage ${command}' needs a value.`
        : `Option '${option}' of 'openstage ${command}' does not take a value.`;
    default:
      return `Cannot read the arguments of 'openstage ${command}': ${message}.`;
  }
}
