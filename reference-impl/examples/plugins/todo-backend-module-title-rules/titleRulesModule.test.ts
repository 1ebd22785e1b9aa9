import { afterEach, describe, expect, it } from 'vitest';
import type { JsonObject, TestBackend } from '@openstage/spec';
import { mockServices, startTestBackend } from '../../../src/testing/index.js';
import type { TodoRulesExtensionPoint, TodoTitleRule } from '../todo/index.js';
import { todoRulesExtensionPoint } from '../todo/index.js';
import titleRulesModule from './index.js';

/** The module on its own: the todo plugin's extension point is stood in for by a recorder. */
async function startModule(config: JsonObject = {}) {
  const rules: TodoTitleRule[] = [];
  const extensionPoint: TodoRulesExtensionPoint = { addTitleRule: (rule) => void rules.push(rule) };
  const backend = await startTestBackend({
    features: [titleRulesModule, mockServices.rootConfig.factory({ data: config })],
    extensionPoints: [[todoRulesExtensionPoint, extensionPoint]],
  });
  started.push(backend);
  return rules;
}

const started: TestBackend[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((b) => b.stop()));
});

const verdicts = (rules: TodoTitleRule[], title: string) =>
  rules.map((rule) => rule(title)).filter((v) => v !== undefined);

describe('the title-rules module', () => {
  it('adds a rule against titles in capitals', async () => {
    const rules = await startModule();
    expect(rules).toHaveLength(1);
    expect(verdicts(rules, 'SHIP IT')).toEqual([expect.stringMatching(/all capitals/)]);
    expect(verdicts(rules, 'Ship it')).toEqual([]);
    expect(verdicts(rules, '42')).toEqual([]); // no letters, nothing to shout
  });

  it('adds a rule against the words of todo.titleRules.forbiddenWords, ignoring case', async () => {
    const rules = await startModule({ todo: { titleRules: { forbiddenWords: ['Someday'] } } });
    expect(rules).toHaveLength(2);
    expect(verdicts(rules, 'Clean up someday')).toEqual([
      "The title holds the forbidden word 'someday'",
    ]);
    expect(verdicts(rules, 'Clean up today')).toEqual([]);
  });

  it('fails startup naming the config key when forbiddenWords is not a list of strings', async () => {
    await expect(
      startModule({ todo: { titleRules: { forbiddenWords: 'someday' } } }),
    ).rejects.toThrow(/todo\.titleRules\.forbiddenWords must be a list of strings/);
  });
});
