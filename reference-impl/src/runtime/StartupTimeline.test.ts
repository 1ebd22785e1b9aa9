import { describe, expect, it } from 'vitest';
import { StartupTimeline } from './StartupTimeline.js';

describe('StartupTimeline', () => {
  it('INIT-142: a snapshot entry carries its ref, label, times, outcome and what it waits on', () => {
    let now = 0;
    const timeline = new StartupTimeline(() => now);
    timeline.begin('service:core.logger@a', {
      kind: 'pluginService',
      label: "service 'core.logger' of plugin 'a'",
      serviceId: 'core.logger',
      pluginId: 'a',
    });
    now = 2.5;
    timeline.end('service:core.logger@a');
    const [entry] = timeline.entries().entries;
    expect(Object.keys(entry!)).toEqual([
      'kind',
      'pluginId',
      'serviceId',
      'label',
      'beginAt',
      'endAt',
      'durationMs',
      'outcome',
      'waitingOn',
    ]);
    expect(entry).toMatchObject({ durationMs: 2.5, outcome: 'success', waitingOn: [] });
  });

  it('INIT-143: what an entry waits on may be given as a function, read only when asked', () => {
    const timeline = new StartupTimeline();
    timeline.begin('service:core.rootConfig', {
      kind: 'rootService',
      label: "service 'core.rootConfig'",
      serviceId: 'core.rootConfig',
    });
    timeline.begin('plugin:a', { kind: 'plugin', label: "plugin 'a'", pluginId: 'a' });
    let reads = 0;
    timeline.waitOn('plugin:a', () => {
      reads++;
      return ['service:core.rootConfig', 'service:unknown'];
    });
    expect(reads).toBe(0);
    const entry = timeline.entries().entries.find((e) => e.kind === 'plugin');
    expect(entry?.waitingOn).toEqual([{ kind: 'rootService', serviceId: 'core.rootConfig' }]);
    expect(timeline.waitChain('plugin:a')).toEqual(["plugin 'a'", "service 'core.rootConfig'"]);
    expect(reads).toBe(2);
    timeline.end('plugin:a');
    expect(timeline.entries().entries.find((e) => e.kind === 'plugin')?.waitingOn).toEqual([]);
  });
});
