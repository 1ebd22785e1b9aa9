import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { templateVersions } from '../../src/cli/new/templateVersions.js';
import { repoNodeModules } from './helpers/createTempWorkspace.js';

describe('the versions generated packages depend on', () => {
  it.each(Object.entries(templateVersions))(
    '%s %s is the version installed in this repository',
    (name, version) => {
      const installed = JSON.parse(
        readFileSync(join(repoNodeModules, name, 'package.json'), 'utf8'),
      ) as { version: string };
      expect(installed.version).toBe(version);
    },
  );
});
