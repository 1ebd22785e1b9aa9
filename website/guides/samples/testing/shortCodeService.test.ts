import { mockServices, ServiceFactoryTester } from '@openstage/reference-impl/testing';
import { expect, it } from 'vitest';
import { shortCodeServiceFactory } from '../service/shortCodeService.js';

// #region tester
it('prefixes codes with the plugin id and never repeats them across plugins', async () => {
  const tester = ServiceFactoryTester.from(shortCodeServiceFactory, {
    dependencies: [mockServices.rootConfig.factory({ data: { shortCodes: { length: 4 } } })],
  });
  const bookmarks = await tester.getSubject('bookmarks');
  const notes = await tester.getSubject('notes');
  expect([bookmarks.next(), notes.next(), bookmarks.next()]).toEqual([
    'bookmarks-0001',
    'notes-0002',
    'bookmarks-0003',
  ]);
});

it('names the config key it cannot use', async () => {
  const tester = ServiceFactoryTester.from(shortCodeServiceFactory, {
    dependencies: [mockServices.rootConfig.factory({ data: { shortCodes: { length: 2 } } })],
  });
  await expect(tester.getSubject()).rejects.toThrow(/shortCodes\.length/);
});
// #endregion tester
