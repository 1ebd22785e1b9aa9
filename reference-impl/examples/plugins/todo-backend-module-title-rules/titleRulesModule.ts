import { coreServices, createBackendModule } from '../../../src/authoring/index.js';
import { todoRulesExtensionPoint } from '../todo/index.js';

/**
 * A module of the `todo` plugin that refuses titles written in capitals and titles holding a
 * word from `todo.titleRules.forbiddenWords`.
 */
export const titleRulesModule = createBackendModule({
  pluginId: 'todo',
  moduleId: 'title-rules',
  register(env) {
    env.registerInit({
      deps: {
        rules: todoRulesExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ rules, config, logger }) {
        const forbidden = readForbiddenWords(config.getOptional('todo.titleRules.forbiddenWords'));
        rules.addTitleRule((title) =>
          /[a-z]/i.test(title) && title === title.toUpperCase()
            ? 'Please do not shout: the title is all capitals'
            : undefined,
        );
        if (forbidden.length > 0) {
          rules.addTitleRule((title) => {
            const word = title
              .toLowerCase()
              .split(/\W+/)
              .find((w) => forbidden.includes(w));
            return word === undefined ? undefined : `The title holds the forbidden word '${word}'`;
          });
        }
        logger.info(`Added title rules (${forbidden.length} forbidden word(s))`);
      },
    });
  },
});

function readForbiddenWords(value: unknown): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((word): word is string => typeof word === 'string')) {
    throw new TypeError('todo.titleRules.forbiddenWords must be a list of strings');
  }
  return value.map((word) => word.toLowerCase());
}
