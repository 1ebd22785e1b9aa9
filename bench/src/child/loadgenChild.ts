/**
 * The load generator, in its own process so that it does not share an event loop with the
 * server it measures.
 *
 *   node dist/child/loadgenChild.js '<json options>'
 *
 * Options: `{ url, durationSec, connections, headers }`. Reports requests per second and the
 * p50 and p99 latencies, with the counts of non-2xx answers and errors.
 */
import autocannon from 'autocannon';
import { report } from './report.js';

interface LoadOptions {
  url: string;
  durationSec: number;
  connections: number;
  headers?: Record<string, string>;
}

const options = JSON.parse(process.argv[2] ?? '{}') as LoadOptions;
if (typeof options.url !== 'string') {
  throw new Error('loadgenChild: the options argument must name a url.');
}
const result = await autocannon({
  url: options.url,
  duration: options.durationSec,
  connections: options.connections,
  headers: options.headers ?? {},
});
report({
  type: 'load',
  requestsPerSec: result.requests.average,
  latencyP50Ms: result.latency.p50,
  latencyP99Ms: result.latency.p99,
  total: result.requests.total,
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
});
