import { mockServices, startTestBackend } from '@openstage/reference-impl/testing';
import { expect, it } from 'vitest';
import {
  bookmarkRulesExtensionPoint,
  type BookmarkRule,
} from '../extension-point/bookmarkRulesExtensionPoint.js';
import { httpsOnlyModule } from '../module/httpsOnlyModule.js';

// #region module
it('adds its rules through the extension point, without the plugin installed', async () => {
  const rules: BookmarkRule[] = [];
  const backend = await startTestBackend({
    // The module's plugin is not installed: the test stands in for its extension point.
    extensionPoints: [[bookmarkRulesExtensionPoint, { addRule: (rule) => rules.push(rule) }]],
    features: [
      httpsOnlyModule,
      mockServices.rootConfig.factory({ data: { bookmarks: { blockedHosts: ['blocked.test'] } } }),
    ],
  });
  try {
    const verdicts = (url: string) => rules.map((rule) => rule(new URL(url)));
    expect(verdicts('https://ok.test/')).toEqual([undefined, undefined]);
    expect(verdicts('http://ok.test/')[0]).toMatch(/only https/);
    expect(verdicts('https://blocked.test/')[1]).toMatch(/blocked/);
  } finally {
    await backend.stop();
  }
});
// #endregion module
