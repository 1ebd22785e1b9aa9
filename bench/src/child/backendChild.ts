/**
 * One benchmarked backend process.
 *
 *   node dist/child/backendChild.js <openstage|backstage> <plugins> <lifecycle|serve> --config <file>
 *
 * `lifecycle`: starts the backend with `<plugins>` bench plugins, reports the ready time (from
 * process start), the duration of `start()` and the memory after start, then calls `stop()`
 * and lets the process exit by itself; the harness times that exit.
 * `serve`: starts the bench plugins plus the HTTP scenario's plugins, reports a plugin token
 * for the service route and keeps serving until killed.
 */
import {
  createBenchPlugins,
  createHttpPlugins,
  type TokenIssuer,
} from '../fixtures/createBenchPlugins.js';
import { loadCreateBackend, parseRuntime } from './loadRuntime.js';
import { epochNow, report } from './report.js';

const runtime = parseRuntime(process.argv[2]);
const pluginCount = Number(process.argv[3]);
const mode = process.argv[4];
if (!Number.isInteger(pluginCount) || pluginCount < 0) {
  throw new Error(`backendChild: plugin count "${process.argv[3]}" is not a whole number.`);
}
if (mode !== 'lifecycle' && mode !== 'serve') {
  throw new Error(`backendChild: mode "${mode}" is neither "lifecycle" nor "serve".`);
}

const createBackend = await loadCreateBackend(runtime);
const backend = createBackend();
for (const plugin of createBenchPlugins(pluginCount)) backend.add(plugin);
let issuer: TokenIssuer | undefined;
if (mode === 'serve') {
  for (const plugin of createHttpPlugins((issue) => (issuer = issue))) backend.add(plugin);
}

const startedAt = performance.now();
await backend.start();
const readyAt = performance.now();

if (mode === 'serve') {
  if (!issuer) throw new Error('backendChild: the caller plugin did not initialize.');
  report({ type: 'serving', token: await issuer() });
} else {
  // Collect twice: the first pass can leave finalizer-held objects for the second.
  globalThis.gc?.();
  globalThis.gc?.();
  const memory = process.memoryUsage();
  report({
    type: 'started',
    readyMs: readyAt,
    startMs: readyAt - startedAt,
    rssBytes: memory.rss,
    heapUsedBytes: memory.heapUsed,
  });
  report({ type: 'stopping', at: epochNow() });
  await backend.stop();
  const stoppedAt = epochNow();
  // What is still alive once stop() has resolved, seen after pending callbacks have run.
  setImmediate(() => {
    report({ type: 'stopped', at: stoppedAt, activeResources: process.getActiveResourcesInfo() });
  });
}
