import { RUNTIME_CHAPTERS, type ConformanceTest } from './ConformanceTest.js';
import { HarnessError } from './HarnessError.js';
import { isCapability } from './capabilities.js';
import { requirementIndex } from './version.js';

/**
 * Lints test headers, the way test262 lints frontmatter: unique ids of the form
 * `<chapter>/<slug>`, a known chapter, at least one requirement, every requirement id active in
 * spec/requirements.json, capabilities from the closed list.
 */
export function checkTests(tests: readonly ConformanceTest[]): void {
  const index = requirementIndex();
  const seen = new Set<string>();
  for (const test of tests) {
    const where = `test '${test.id}'`;
    if (seen.has(test.id))
      throw new HarnessError('CONF_HARNESS_INVALID_TEST', `${where}: duplicate id`);
    seen.add(test.id);
    if (!(test.chapter in RUNTIME_CHAPTERS))
      throw new HarnessError(
        'CONF_HARNESS_INVALID_TEST',
        `${where}: unknown chapter '${test.chapter}'`,
      );
    if (!new RegExp(`^${test.chapter}/[a-z0-9][a-z0-9-]*$`).test(test.id)) {
      throw new HarnessError(
        'CONF_HARNESS_INVALID_TEST',
        `${where}: id must be '${test.chapter}/<lowercase-slug>'`,
      );
    }
    const serviceChapter = test.chapter.startsWith('service-');
    if (serviceChapter !== (typeof test.service === 'string' && test.service.length > 0))
      throw new HarnessError(
        'CONF_HARNESS_INVALID_TEST',
        serviceChapter
          ? `${where}: a service contract test must name the service id it judges in 'service'`
          : `${where}: only tests of a 'service-*' chapter name a 'service'`,
      );
    if (test.serviceNeeds !== undefined && !serviceChapter)
      throw new HarnessError(
        'CONF_HARNESS_INVALID_TEST',
        `${where}: only service contract tests name 'serviceNeeds'; remove it or set 'service'`,
      );
    if (test.requirements.length === 0)
      throw new HarnessError('CONF_HARNESS_INVALID_TEST', `${where}: names no requirement`);
    for (const id of test.requirements) {
      const entry = index.get(id);
      if (!entry)
        throw new HarnessError(
          'CONF_HARNESS_INVALID_TEST',
          `${where}: requirement ${id} is not in spec/requirements.json`,
        );
      if (entry.status !== 'active')
        throw new HarnessError(
          'CONF_HARNESS_INVALID_TEST',
          `${where}: requirement ${id} is ${entry.status}`,
        );
    }
    const exemption = test.testkitExemption;
    if (exemption !== undefined) {
      const entry = index.get(exemption.requirement);
      if (!/^TEST-\d{3}$/.test(exemption.requirement) || entry?.status !== 'active')
        throw new HarnessError(
          'CONF_HARNESS_INVALID_TEST',
          `${where}: testkitExemption.requirement must be an active TEST requirement of the Test utilities chapter, received '${exemption.requirement}'`,
        );
      if (typeof exemption.reason !== 'string' || exemption.reason.trim().length < 20)
        throw new HarnessError(
          'CONF_HARNESS_INVALID_TEST',
          `${where}: testkitExemption needs a reason (a sentence) saying what ${exemption.requirement} specifies instead`,
        );
    }
    for (const capability of test.features ?? []) {
      if (!isCapability(capability))
        throw new HarnessError(
          'CONF_HARNESS_INVALID_TEST',
          `${where}: unknown capability '${capability}'`,
        );
    }
  }
}

/** The strongest level among a test's requirements. */
export function levelOf(test: ConformanceTest): 'MUST' | 'SHOULD' | 'MAY' {
  const levels = test.requirements.map((id) => requirementIndex().get(id)?.level);
  if (levels.includes('MUST')) return 'MUST';
  if (levels.includes('SHOULD')) return 'SHOULD';
  return 'MAY';
}
