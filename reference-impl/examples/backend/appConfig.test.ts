import { describe, expect, it } from 'vitest';
import { DefaultRootConfig } from '../../src/services/rootConfig/index.js';
import { resolveExampleConfig } from './resolveExampleConfig.js';

describe("the example's app-config.yaml", () => {
  it("passes the spec's schemas and every package schema in the workspace's dependency graph", async () => {
    const root = await DefaultRootConfig.create({
      argv: ['--config', resolveExampleConfig()],
      watch: false,
      env: {},
      logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    });
    expect(root.config.getOptional('backend.database')).toEqual({
      client: 'better-sqlite3',
      connection: ':memory:',
    });
    expect(root.config.getOptional('backend.listen')).toEqual({ port: 7007 });
    root.close();
  });
});
