import type { AuditorServiceEventSeverityLevel, Config } from '@openstage/spec';
import { AuditorError } from './auditorErrors.js';

/** The log level each severity is written at. */
export type SeverityLogLevelMappings = Readonly<
  Record<AuditorServiceEventSeverityLevel, 'debug' | 'info' | 'warn' | 'error'>
>;

/** AUDIT-044. */
export const DEFAULT_SEVERITY_LOG_LEVEL_MAPPINGS: SeverityLogLevelMappings = {
  low: 'debug',
  medium: 'info',
  high: 'info',
  critical: 'info',
};

const LEVELS = new Set(['debug', 'info', 'warn', 'error']);

/**
 * Reads `backend.auditor.severityLogLevelMappings`, defaulting each severity it leaves out
 * (AUDIT-043, AUDIT-044).
 *
 * @throws AuditorError `AUDIT_INVALID_SEVERITY_MAPPING` naming
 *   `backend.auditor.severityLogLevelMappings.<severity>` (AUDIT-045).
 */
export function readSeverityLogLevelMappings(
  config: Pick<Config, 'getOptional'>,
): SeverityLogLevelMappings {
  const result = { ...DEFAULT_SEVERITY_LOG_LEVEL_MAPPINGS };
  for (const severity of Object.keys(result) as AuditorServiceEventSeverityLevel[]) {
    const configPath = `backend.auditor.severityLogLevelMappings.${severity}`;
    const value = config.getOptional(configPath);
    if (value === undefined) continue;
    if (typeof value !== 'string' || !LEVELS.has(value)) {
      throw new AuditorError('AUDIT_INVALID_SEVERITY_MAPPING', {
        configPath,
        value: JSON.stringify(value),
      });
    }
    result[severity] = value as SeverityLogLevelMappings[AuditorServiceEventSeverityLevel];
  }
  return result;
}
