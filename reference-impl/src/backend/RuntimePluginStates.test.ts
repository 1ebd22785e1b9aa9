import { describe, expect, it } from 'vitest';
import type { BackendStartupResult } from '../runtime/BackendStartupResult.js';
import { RuntimePluginStates, type TimelineEntryView } from './RuntimePluginStates.js';

const at = new Date(0);

describe('RuntimePluginStates', () => {
  it('reports nothing before it is attached to a backend', () => {
    expect([...new RuntimePluginStates().getPluginStates()]).toEqual([]);
  });

  it('derives live states from the startup timeline while start() runs', () => {
    const entries: TimelineEntryView[] = [
      { kind: 'rootService', outcome: 'success' },
      { kind: 'plugin', pluginId: 'waiting', outcome: 'pending' },
      { kind: 'plugin', pluginId: 'initialised', outcome: 'success' },
      { kind: 'pluginStartupHooks', pluginId: 'initialised', outcome: 'pending' },
      { kind: 'plugin', pluginId: 'done', outcome: 'success' },
      { kind: 'pluginStartupHooks', pluginId: 'done', outcome: 'success' },
      { kind: 'module', pluginId: 'done', moduleId: 'lost', outcome: 'failure' },
      { kind: 'plugin', pluginId: 'crashed', outcome: 'failure' },
      { kind: 'plugin', pluginId: 'skipped', outcome: 'skipped' },
    ];
    const states = new RuntimePluginStates();
    states.attach(() => entries);
    expect([...states.getPluginStates()]).toEqual([
      { pluginId: 'waiting', state: 'starting' },
      { pluginId: 'initialised', state: 'starting' },
      { pluginId: 'done', state: 'ready', failedModules: ['lost'] },
      { pluginId: 'crashed', state: 'failed' },
      { pluginId: 'skipped', state: 'failed' },
    ]);
  });

  it('settles on the startup result, telling allowed failures apart, and stops reading the timeline', () => {
    let reads = 0;
    const states = new RuntimePluginStates();
    states.attach(() => {
      reads++;
      return [];
    });
    const result: BackendStartupResult = {
      beginAt: at,
      resultAt: at,
      durationMs: 1,
      outcome: 'success',
      plugins: [
        {
          pluginId: 'ok',
          beginAt: at,
          resultAt: at,
          durationMs: 1,
          outcome: 'success',
          modules: [],
        },
        {
          pluginId: 'allowed',
          beginAt: at,
          resultAt: at,
          durationMs: 1,
          outcome: 'failure',
          modules: [],
          failure: { error: new Error('boom'), allowed: true },
        },
        {
          pluginId: 'fatal',
          beginAt: at,
          resultAt: at,
          durationMs: 1,
          outcome: 'failure',
          modules: [
            {
              moduleId: 'm',
              beginAt: at,
              resultAt: at,
              durationMs: 1,
              outcome: 'failure',
              failure: { error: new Error('m'), allowed: false },
            },
          ],
          failure: { error: new Error('boom'), allowed: false },
        },
      ],
    };
    states.settle(result);
    const first = states.getPluginStates();
    expect([...first]).toEqual([
      { pluginId: 'ok', state: 'ready' },
      { pluginId: 'allowed', state: 'failed-allowed' },
      { pluginId: 'fatal', state: 'failed', failedModules: ['m'] },
    ]);
    expect(states.getPluginStates()).toBe(first);
    expect(reads).toBe(0);
  });
});
