import type { ConformanceReport } from '../generated/ConformanceReport.js';

const escape = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // XML 1.0 forbids most control characters, even escaped.
    // eslint-disable-next-line no-control-regex -- matching them is the point
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

/**
 * JUnit XML for CI systems: one testsuite per chapter. Only unexpected outcomes are failures or
 * errors; expected failures and not-supported tests are reported as skipped with the reason.
 */
export function junitReport(report: ConformanceReport): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const total = report.results.length;
  const failures = report.results.filter((r) => r.unexpected && r.status !== 'error').length;
  const errors = report.results.filter((r) => r.unexpected && r.status === 'error').length;
  out.push(
    `<testsuites name="openstage-conformance ${escape(report.implementation.adapter)}" tests="${total}" failures="${failures}" errors="${errors}" time="${(report.run.durationMs / 1000).toFixed(3)}">`,
  );
  for (const chapter of report.chapters) {
    const own = report.results.filter((r) => r.chapter === chapter.chapter);
    const f = own.filter((r) => r.unexpected && r.status !== 'error').length;
    const e = own.filter((r) => r.unexpected && r.status === 'error').length;
    const s = own.filter((r) => !r.unexpected && r.status !== 'passed').length;
    out.push(
      `  <testsuite name="${escape(chapter.title)}" tests="${own.length}" failures="${f}" errors="${e}" skipped="${s}">`,
    );
    for (const r of own) {
      const name = `${r.id} [${r.requirements.join(', ')}] ${r.description}`;
      out.push(
        `    <testcase classname="${escape(`conformance.${r.chapter}`)}" name="${escape(name)}" time="${(r.durationMs / 1000).toFixed(3)}">`,
      );
      const message = escape(r.message ?? r.status);
      if (r.unexpected && r.status === 'error')
        out.push(`      <error type="${r.status}" message="${message}"/>`);
      else if (r.unexpected) out.push(`      <failure type="${r.status}" message="${message}"/>`);
      else if (r.status !== 'passed')
        out.push(
          `      <skipped message="${escape(`${r.status}: ${r.expectation?.reason ?? r.message ?? ''}`)}"/>`,
        );
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
