import type { UrlReaderFactory } from '@openstage/spec';
import { createServiceRef } from '../../authoring/createServiceRef.js';

/**
 * The multiton service through which features contribute custom readers (URL-071), with the
 * same id as Backstage's `urlReaderFactoriesServiceRef`, so factories match across runtimes.
 */
export const urlReaderFactoriesServiceRef = createServiceRef<UrlReaderFactory>({
  id: 'core.urlReader.factories',
  scope: 'plugin',
  multiton: true,
});
