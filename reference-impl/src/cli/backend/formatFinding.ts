import type { CliFinding } from './CliFinding.js';

/**
 * A finding as printed: a first line with severity, code and culprit, then the message and the
 * hint, indented.
 *
 * ```
 * error INIT_MISSING_DEPENDENCY pluginId=todo dependencyKey=db ref=serviceRef{todo.store}
 *   Plugin 'todo' depends on ...
 *   hint: Install a factory for ...
 * ```
 */
export function formatFinding(finding: CliFinding): string {
  const culprit = Object.entries(finding.culprit)
    .map(([key, value]) => `${key}=${value}`)
    .join(' ');
  const message = finding.message
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
  return `${finding.severity} ${finding.code}${culprit === '' ? '' : ` ${culprit}`}\n${message}\n  hint: ${finding.hint}\n`;
}
