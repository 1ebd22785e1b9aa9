import { join, resolve } from 'node:path';
import type { CliCommand } from '../CliCommand.js';
import { CliError } from '../CliError.js';
import type { CliIo } from '../CliIo.js';
import { assertNpmScope } from '../ids/assertNpmScope.js';
import { describeCreated } from '../new/describeCreated.js';
import { findWorkspaceRoot } from '../new/findWorkspaceRoot.js';
import type { PlanContext } from '../new/PackagePlan.js';
import { planModule } from '../new/planModule.js';
import { planPlugin } from '../new/planPlugin.js';
import { planService } from '../new/planService.js';
import { writePackage } from '../new/writePackage.js';
import { parseCommandArgs } from '../parseCommandArgs.js';

const KINDS = ['plugin', 'module', 'service'] as const;

const help = `Usage:
  openstage new plugin <pluginId> [--dir <folder>] [--scope <@scope>]
  openstage new module <pluginId> <moduleId> [--dir <folder>] [--scope <@scope>]
  openstage new service <name> [--plugin <pluginId>] [--root] [--dir <folder>] [--scope <@scope>]

Creates a package that follows the Openstage naming patterns (spec chapter "Naming and
packaging"): it builds with tsc, has a test written with @openstage/reference-impl/testing and a
README. An existing folder is never overwritten.

  plugin    <scope>/plugin-<pluginId>-backend in plugins/<pluginId>-backend: the plugin
            <camelPluginId>Plugin as the default export, with GET /health and GET /hello.
  module    <scope>/plugin-<pluginId>-backend-module-<moduleId> in
            plugins/<pluginId>-backend-module-<moduleId>: the module
            <camelPluginId>Module<PascalModuleId> as the default export, with a route under
            /modules/<moduleId>/. When a built package of the workspace (plugin-<pluginId>-node,
            then plugin-<pluginId>-backend, or backstage.pluginId) exports extension point refs,
            the module depends on them.
  service   <Name>Service, <name>ServiceRef and <name>ServiceFactory in a library package:
            <scope>/plugin-<pluginId>-node in plugins/<pluginId>-node with --plugin (service id
            <pluginId>.<name>), else <scope>/<name-in-kebab-case>-service in packages/ (id <name>).

Ids: plugin and module ids are lower-case letters, digits and single dashes, starting with a
letter (user-settings); service names are camelCase (todoList).

Options:
  --dir <folder>       Where to create the package, instead of the default folder under the
                       workspace root (or the current folder outside a workspace).
  --scope <@scope>     The npm scope of the package name. Default: @internal.
  --plugin <pluginId>  (service) The plugin whose library holds the service.
  --root               (service) One instance for the whole backend instead of one per plugin.
  -h, --help           Show this help.

Examples:
  openstage new plugin todo
  openstage new module todo github-import --scope @acme
  openstage new service todoList --plugin todo
  openstage new plugin user-settings --dir packages/settings-backend
`;

const OPTIONS = {
  dir: { type: 'string' },
  scope: { type: 'string', default: '@internal' },
  plugin: { type: 'string' },
  root: { type: 'boolean' },
} as const;

/** `openstage new plugin|module|service`: creates a package from a template. */
export const newCommand: CliCommand = {
  name: 'new',
  summary: 'Create a plugin, module or service package',
  help,
  async run(args: string[], io: CliIo): Promise<number> {
    const kind = args[0];
    if (kind === undefined || kind === '--help' || kind === '-h') {
      if (kind === undefined) {
        throw CliError.usage(
          `'openstage new' needs what to create: ${KINDS.join(', ')}. Run 'openstage new --help' for its usage.`,
        );
      }
      io.out(help);
      return 0;
    }
    if (!(KINDS as readonly string[]).includes(kind)) {
      throw CliError.usage(
        `Unknown kind '${kind}' for 'openstage new': use ${KINDS.join(', ')}. Run 'openstage new --help' for its usage.`,
      );
    }
    const positionalNames =
      kind === 'module' ? ['pluginId', 'moduleId'] : kind === 'plugin' ? ['pluginId'] : ['name'];
    const { values, positionals } = parseCommandArgs(`new ${kind}`, args.slice(1), OPTIONS, {
      names: positionalNames,
      required: positionalNames.length,
    });
    if (values.help) {
      io.out(help);
      return 0;
    }
    if (kind !== 'service' && (values.plugin !== undefined || values.root !== undefined)) {
      const flag = values.plugin !== undefined ? '--plugin' : '--root';
      throw CliError.usage(
        `Option '${flag}' is only for 'openstage new service'. Run 'openstage new --help' for its usage.`,
      );
    }
    const scope = values.scope;
    assertNpmScope(scope);
    const workspaceRoot = findWorkspaceRoot(io.cwd);
    const context: PlanContext = {
      scope,
      workspaceRoot,
      target: (defaultFolder) =>
        values.dir !== undefined
          ? resolve(io.cwd, values.dir)
          : join(workspaceRoot ?? io.cwd, defaultFolder),
    };
    const plan =
      kind === 'plugin'
        ? planPlugin(positionals[0]!, context)
        : kind === 'module'
          ? await planModule(positionals[0]!, positionals[1]!, context)
          : planService(
              positionals[0]!,
              {
                root: values.root === true,
                ...(values.plugin !== undefined ? { pluginId: values.plugin } : {}),
              },
              context,
            );
    await writePackage(plan.dir, plan.files, io.cwd);
    io.out(describeCreated(plan.what, plan.dir, plan.packageName, plan.files, io.cwd));
    for (const note of plan.notes) io.out(`Note: ${note}\n`);
    return 0;
  },
};
