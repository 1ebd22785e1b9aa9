/**
 * The options `start`, `validate` and `graph` share, and their help text. An optional positional
 * argument names the entry file.
 */
export const BACKEND_OPTIONS = {
  config: { type: 'string', multiple: true },
} as const;

/** The help lines describing the entry file and `--config`. */
export const BACKEND_OPTIONS_HELP = `Arguments:
  [entry]              A JavaScript module whose default export is a feature or an array of
                       features, e.g. export default [import('@acme/plugin-todo-backend')].
                       Without it, the packages listed under backend.packages in the
                       configuration are discovered from the current folder's package.json.

Options:
  --config <file>      A configuration file, repeatable; later files override earlier ones.
                       Default: app-config.yaml (and app-config.local.yaml) of the workspace
                       root. APP_CONFIG_* variables apply on top.
  -h, --help           Show this help.`;
