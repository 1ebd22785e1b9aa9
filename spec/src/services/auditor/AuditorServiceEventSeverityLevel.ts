/**
 * How sensitive an audited operation is.
 *
 * **When to use**: in the `severityLevel` of an audit event: `'low'` for normal use, `'medium'`
 * for writes, `'high'` for changes to permissions other than the root ones, `'critical'` for
 * changes to root permissions.
 *
 * **Details**: `'low'` is the default. The default auditor maps levels to log levels through
 * configuration.
 *
 * @requirement AUDIT-003
 * @requirement AUDIT-004
 * @see {@link AuditorService}
 * @category services
 * @since 0.1.0
 */
export type AuditorServiceEventSeverityLevel = 'low' | 'medium' | 'high' | 'critical';
