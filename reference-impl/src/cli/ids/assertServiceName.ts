import { CliError } from '../CliError.js';

/** A service name: camelCase, starting with a lower-case letter (NAME-030 to NAME-034). */
export const SERVICE_NAME_PATTERN = /^[a-z][a-zA-Z0-9]*$/;

/**
 * Refuses a service name that cannot become `<name>ServiceRef`, `<Name>Service` and
 * `<name>ServiceFactory`, with the pattern and an example. A trailing `Service` is refused
 * because the generated names add it.
 */
export function assertServiceName(name: string): void {
  if (!SERVICE_NAME_PATTERN.test(name)) {
    throw new CliError(
      `Invalid service name '${name}': use a camelCase name of letters and digits starting with ` +
        `a lower-case letter (${SERVICE_NAME_PATTERN.source}), such as 'todoList'.`,
    );
  }
  if (/Service$/.test(name)) {
    throw new CliError(
      `Invalid service name '${name}': leave out the 'Service' suffix, which the generated names ` +
        `add (${name.replace(/Service$/, '')}ServiceRef), such as 'todoList'.`,
    );
  }
}
