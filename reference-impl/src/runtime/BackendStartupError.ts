import { OpenstageError } from '../errors/OpenstageError.js';
import type { BackendStartupResult } from './BackendStartupResult.js';

function summarize(result: BackendStartupResult): string {
  const lines: string[] = [];
  for (const plugin of result.plugins) {
    if (plugin.failure && !plugin.failure.allowed) {
      lines.push(`  Plugin '${plugin.pluginId}' startup failed; caused by ${plugin.failure.error}`);
    }
    for (const mod of plugin.modules) {
      if (mod.failure && !mod.failure.allowed) {
        lines.push(
          `  Module '${mod.moduleId}' for plugin '${plugin.pluginId}' startup failed; caused by ${mod.failure.error}`,
        );
      }
    }
  }
  return lines.join('\n');
}

/**
 * Thrown by `start()` when a plugin or module failed and policy did not allow
 * it. Carries the full startup result, like Backstage's error of the same name.
 */
export class BackendStartupError extends OpenstageError<'BACK_STARTUP_FAILED'> {
  override readonly name = 'BackendStartupError';
  readonly #result: BackendStartupResult;

  constructor(result: BackendStartupResult) {
    super('BACK_STARTUP_FAILED', { summary: summarize(result) });
    this.#result = result;
  }

  /** The startup results of every plugin and module. */
  get result(): BackendStartupResult {
    return this.#result;
  }
}
