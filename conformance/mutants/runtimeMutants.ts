import type { Mutant } from './Mutant.js';

const INIT = 'runtime/BackendInitializer.ts';
const REGISTRY = 'runtime/ServiceRegistry.ts';
const PREFLIGHT = 'runtime/preflight/runPreflight.ts';

/**
 * Mutants of the reference runtime. Each edit is the smallest change that introduces one bug a
 * real implementation could have; `breaks` lists the requirements it violates.
 */
export const runtimeMutants: readonly Mutant[] = [
  {
    name: 'plugin-init-before-modules',
    description: "a plugin's init starts without waiting for its modules' inits",
    file: INIT,
    find: 'await moduleOrderGraph(modules).parallelTopologicalTraversal(',
    replace: 'void moduleOrderGraph(modules).parallelTopologicalTraversal(',
    breaks: ['INIT-031'],
    tests: ['startup/modules-before-plugin'],
  },
  {
    name: 'providers-before-consumers',
    description: 'a module providing an extension point runs before the modules consuming it',
    file: PREFLIGHT,
    find: `        consumes: m.provides.map((p) => p.ref.id),
        provides: Object.values(m.init.deps)
          .filter(isExtensionPoint)
          .map((d) => d.id),`,
    replace: `        provides: m.provides.map((p) => p.ref.id),
        consumes: Object.values(m.init.deps)
          .filter(isExtensionPoint)
          .map((d) => d.id),`,
    breaks: ['INIT-033'],
    tests: ['startup/consumer-modules-first'],
  },
  {
    name: 'plugins-sequential',
    description: 'plugins are initialized one after another instead of concurrently',
    file: INIT,
    find: `    await Promise.all(
      pluginIds.map((pluginId) => {`,
    replace: `    await (async (thunks: Array<() => unknown>) => {
      for (const thunk of thunks) await thunk();
    })(
      pluginIds.map((pluginId) => () => {`,
    breaks: ['INIT-030'],
    tests: ['startup/plugins-in-parallel'],
  },
  {
    name: 'root-startup-before-plugins',
    description: 'root startup hooks run before the plugins are initialized',
    file: INIT,
    find: `    this.#pluginPhaseReached = true;
`,
    replace: `    this.#pluginPhaseReached = true;
    await (await this.#getRootLifecycle()).startup();
`,
    breaks: ['LIFE-024'],
    tests: ['startup/root-startup-hooks-last'],
  },
  {
    name: 'startup-failure-not-reported',
    description: 'start() resolves even when a plugin whose failure is not allowed failed',
    file: INIT,
    find: 'throw new BackendStartupError(result);',
    replace: 'return { result };',
    breaks: ['BACK-022'],
    tests: ['startup/plugin-init-failure'],
  },
  {
    name: 'continue-policy-ignored',
    description: "onPluginBootFailure 'continue' is ignored: every plugin failure aborts startup",
    file: 'runtime/createAllowBootFailurePredicate.ts',
    find: "return (str(plugin, 'onPluginBootFailure') ?? defaultPlugin) === 'continue';",
    replace: 'return false;',
    breaks: ['INIT-067', 'BACK-021'],
    tests: ['startup/continue-policy'],
  },
  {
    name: 'shutdown-root-before-plugins',
    description: 'the root shutdown phase runs before the plugin shutdown phase',
    file: INIT,
    find: `        phases.push(await runShutdownPhase('pluginShutdown', parts, timeoutMs, this.#logger));
      }
      phases.push(
        await runShutdownPhase(
          'rootShutdown',
          root((s, o) => s.shutdown(o)),
          timeoutMs,
          this.#logger,
        ),
      );`,
    replace: `        const rootPhase = await runShutdownPhase(
          'rootShutdown',
          root((s, o) => s.shutdown(o)),
          timeoutMs,
          this.#logger,
        );
        phases.push(rootPhase);
        phases.push(await runShutdownPhase('pluginShutdown', parts, timeoutMs, this.#logger));
      } else {
        phases.push(
          await runShutdownPhase('rootShutdown', root((s, o) => s.shutdown(o)), timeoutMs, this.#logger),
        );
      }`,
    breaks: ['LIFE-031', 'LIFE-033'],
    tests: ['shutdown/phase-order', 'shutdown/default-hooks-order'],
  },
  {
    name: 'throwing-hook-blocks-others',
    description: 'lifecycle hooks run one after another and a throwing hook stops the rest',
    file: 'services/rootLifecycle/runHooks.ts',
    find: `  const settled = hooks.map(async ({ hook, logger }): Promise<HookSettlement> => {
    try {
      await hook();`,
    replace: `  let previous: Promise<unknown> = Promise.resolve();
  const settled = hooks.map(async ({ hook, logger }): Promise<HookSettlement> => {
    try {
      const mine = previous.then(() => hook());
      previous = mine;
      await mine;`,
    breaks: ['LIFE-017'],
    tests: ['shutdown/failing-hook-isolated'],
  },
  {
    name: 'stop-not-idempotent',
    description: 'every stop() call runs the shutdown phases again',
    file: INIT,
    find: 'this.#stopPromise ??= this.#doStop();',
    replace: 'this.#stopPromise = this.#doStop();',
    // The default lifecycle services run their hooks once however often they are called, so
    // only the shutdown result (a new one per call) shows the bug.
    breaks: ['STOP-026'],
    tests: ['shutdown/result'],
  },
  {
    name: 'stop-ignores-running-start',
    description: 'stop() begins shutdown while start() is still running',
    file: INIT,
    find: 'if (this.#startPromise) await this.#startPromise.catch(() => undefined);',
    replace: 'if (this.#startPromise) void this.#startPromise.catch(() => undefined);',
    breaks: ['BACK-058'],
    tests: ['shutdown/waits-for-running-start'],
  },
  {
    name: 'add-after-start-accepted',
    description: 'add() after start() is silently accepted',
    file: INIT,
    find: "if (this.#startPromise) throw new OpenstageError('BACK_ADD_AFTER_START', {});",
    replace: '',
    breaks: ['BACK-014'],
    tests: ['backend-instance/add-after-start'],
  },
  {
    name: 'second-start-shares-first',
    description: 'a second start() returns the first call’s promise instead of rejecting',
    file: INIT,
    find: "if (this.#startPromise) return Promise.reject(new OpenstageError('BACK_ALREADY_STARTED', {}));",
    replace: 'if (this.#startPromise) return this.#startPromise;',
    breaks: ['BACK-023'],
    tests: ['backend-instance/second-start-rejects'],
  },
  {
    name: 'duplicate-plugin-accepted',
    description: 'two plugins with the same id are accepted; the first one wins',
    file: PREFLIGHT,
    find: "if (paths.length > 1) push(new OpenstageError('BACK_DUPLICATE_PLUGIN_ID', { pluginId, paths }));",
    replace: '',
    breaks: ['BACK-026'],
    tests: ['backend-instance/duplicate-plugin-id'],
  },
  {
    name: 'multiton-returns-one',
    description: 'a multiton dependency receives only the first factory’s instance',
    file: REGISTRY,
    find: 'return ref.multiton === true ? instances : instances.then((all) => all[0]);',
    replace:
      'return ref.multiton === true ? instances.then((all) => all.slice(0, 1)) : instances.then((all) => all[0]);',
    breaks: ['SVC-018'],
    tests: ['services/multiton-collects-in-order'],
  },
  {
    name: 'unprovided-multiton-missing',
    description: 'a multiton nobody provides resolves to undefined instead of an empty array',
    file: REGISTRY,
    find: 'return ref.multiton === true ? Promise.resolve([]) : undefined;',
    replace: 'return undefined;',
    breaks: ['SVC-020'],
    tests: ['services/multiton-collects-in-order'],
  },
  {
    name: 'root-service-per-plugin',
    description: 'a root service is built again for every plugin that depends on it',
    file: REGISTRY,
    find: 'let existing = this.#rootInstances.get(factory);',
    replace: "let existing = pluginId === 'root' ? this.#rootInstances.get(factory) : undefined;",
    breaks: ['SVC-001'],
    tests: ['services/root-singleton-shared'],
  },
  {
    name: 'plugin-service-shared',
    description: 'a plugin-scoped service instance is shared by every plugin',
    file: REGISTRY,
    find: 'let existing = instances.byPlugin.get(pluginId);',
    replace: 'let existing = instances.byPlugin.values().next().value;',
    breaks: ['SVC-002'],
    tests: ['services/plugin-scoped-per-plugin'],
  },
  {
    name: 'root-context-per-plugin',
    description: 'createRootContext runs once per plugin instead of once per backend',
    file: REGISTRY,
    find: `    const ref = factory.service;
    this.timeline?.begin(key, {
      kind: 'pluginService',`,
    replace: `    const ref = factory.service;
    if (typeof factory.createRootContext === 'function') context = this.#createRootContext(factory);
    this.timeline?.begin(key, {
      kind: 'pluginService',`,
    breaks: ['SVC-011'],
    tests: ['services/root-context-once'],
  },
  {
    name: 'default-wins-over-added',
    description: 'a default factory takes precedence over a factory passed to add()',
    file: REGISTRY,
    find: '  added: 4,',
    replace: '  added: 0,',
    breaks: ['SVC-027'],
    tests: ['services/added-factory-overrides-default'],
  },
  {
    name: 'service-cycle-not-detected',
    description: 'cycles among service factories are not detected',
    file: 'runtime/preflight/findServiceCycles.ts',
    find: '  ).findCycles();',
    replace: '  ).findCycles().slice(0, 0);',
    breaks: ['SVC-047', 'SVC-048', 'SVC-052'],
    tests: ['services/cycle-among-added-factories', 'services/cycle-among-defaults'],
  },
  {
    name: 'root-depends-on-plugin-accepted',
    description: 'preflight accepts a root factory that depends on a plugin-scoped service',
    file: PREFLIGHT,
    find: "if (node.scope === 'root' && dep.scope !== 'root') {",
    replace: 'if (false) {',
    // The registry still refuses to build such a service; only the preflight report is gone.
    breaks: ['SVC-043'],
    tests: ['services/scope-violation'],
  },
  {
    name: 'unsupported-version-accepted',
    description: "a feature whose version is not 'v1' is accepted",
    file: 'runtime/validateBackendFeature.ts',
    find: "if (fields['version'] !== BACKEND_FEATURE_VERSION) {",
    replace: "if (typeof fields['version'] !== 'string') {",
    breaks: ['FEAT-008'],
    tests: ['wire-format/unsupported-version'],
  },
  {
    name: 'nested-default-not-unwrapped',
    description: 'only one level of module namespace `default` is unwrapped',
    file: 'runtime/unwrapFeature.ts',
    find: 'for (let i = 0; i < 2; i++) {',
    replace: 'for (let i = 0; i < 1; i++) {',
    breaks: ['FEAT-014'],
    tests: ['wire-format/module-namespaces-unwrapped'],
  },

  {
    name: 'foreign-extension-point-accepted',
    description: 'a module may consume an extension point owned by another plugin',
    file: PREFLIGHT,
    find: '} else if (ep.pluginId !== r.pluginId) {',
    replace: '} else if (false) {',
    breaks: ['EXT-021'],
    tests: ['modules/fixture-foreign-extension-point'],
  },
  {
    name: 'duplicate-extension-point-accepted',
    description: 'two registrations of one extension point id are accepted; the first one wins',
    file: PREFLIGHT,
    find: `    if (paths.length > 1)
      push(new OpenstageError('EXT_DUPLICATE_EXTENSION_POINT', { extensionPointId, paths }));`,
    replace: '',
    breaks: ['EXT-012'],
    tests: [
      'modules/fixture-duplicate-extension-point-plugin-and-module',
      'modules/fixture-duplicate-extension-point-across-plugins',
    ],
  },
  {
    name: 'orphan-module-fatal',
    description: 'a module whose plugin is not installed fails startup instead of being skipped',
    file: PREFLIGHT,
    find: "push(new OpenstageError('BACK_ORPHAN_MODULE', { pluginId, moduleId, ...at(r) }), 'warning');",
    replace: "push(new OpenstageError('BACK_ORPHAN_MODULE', { pluginId, moduleId, ...at(r) }));",
    breaks: ['BACK-034'],
    tests: ['backend-instance/orphan-module-skipped'],
  },
  {
    name: 'module-cycle-not-detected',
    description: 'modules consuming each other’s extension points are not reported as a cycle',
    file: PREFLIGHT,
    find: "if (cycle) push(new OpenstageError('INIT_MODULE_CYCLE', { pluginId, cycle }));",
    replace: '',
    breaks: ['INIT-036', 'EXT-027'],
    tests: ['startup/fixture-module-cycle', 'modules/fixture-self-consumption-cycle'],
  },
  {
    name: 'loader-output-not-installed',
    description: 'the features a feature loader yields are dropped instead of installed',
    file: 'runtime/collectFeatures.ts',
    find: 'items.forEach((item, index) => {',
    replace: 'items.slice(0, 0).forEach((item, index) => {',
    breaks: ['LOAD-012'],
    tests: ['loaders/sync-array', 'loaders/promise-of-array'],
  },
  {
    name: 'nested-loaders-not-run',
    description: 'a feature loader produced by another loader is ignored',
    file: 'runtime/collectFeatures.ts',
    find: 'if (seenLoaders.has(classified.feature)) return;',
    replace: 'if (seenLoaders.has(classified.feature) || loader !== undefined) return;',
    breaks: ['LOAD-013'],
    tests: ['loaders/nested-loaders'],
  },
  {
    name: 'loader-runs-twice',
    description: 'one loader object added twice runs twice',
    file: 'runtime/collectFeatures.ts',
    find: `      if (seenLoaders.has(classified.feature)) return;
      seenLoaders.add(classified.feature);`,
    replace: '',
    breaks: ['LOAD-015'],
    tests: ['loaders/runs-once'],
  },
  {
    name: 'extension-point-factory-shared',
    description:
      'an extension point factory is called once and its result shared by every consumer',
    file: INIT,
    find: 'impl = ep.factory({',
    replace: 'impl = (ep as { shared?: unknown }).shared ??= ep.factory({',
    breaks: ['EXT-030'],
    tests: ['modules/extension-point-factory-per-consumer'],
  },
  {
    name: 'plugin-extension-point-dependency-accepted',
    description: 'preflight accepts a plugin whose init depends on an extension point',
    file: PREFLIGHT,
    find: `        if (r.moduleId === undefined) {
          push(
            new OpenstageError('EXT_ILLEGAL_DEPENDENCY', {`,
    replace: `        if (r.moduleId === undefined && ep === null) {
          push(
            new OpenstageError('EXT_ILLEGAL_DEPENDENCY', {`,
    breaks: ['EXT-023'],
    tests: ['plugins/extension-point-dependency-illegal'],
  },
];
