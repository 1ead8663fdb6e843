import { Metrics } from '@referral/platform';
import type { Gauge } from 'prom-client';
import { showComponents, showQueue } from '../../src/metrics/component-gauges';

async function samples(gauge: Gauge): Promise<Array<{ labels: object; value: number }>> {
  return (await gauge.get()).values.map(({ labels, value }) => ({ labels, value }));
}

describe('the component and queue gauges', () => {
  it('shows lag and stuck per component, and stuck alone where there is no lag', async () => {
    const metrics = new Metrics();
    showComponents(metrics, [
      { kind: 'projection', name: 'case_views', state: 'running', stuck: false, lagEvents: 12, lagSeconds: 3 },
      { kind: 'reaction', name: 'sla-changes', state: 'retrying', stuck: true, lagEvents: 0, lagSeconds: 0 },
      { kind: 'deadlines', name: 'deadline-worker', state: 'retrying', stuck: true },
    ]);
    expect(await samples(metrics.componentStuck)).toEqual([
      { labels: { kind: 'projection', component: 'case_views' }, value: 0 },
      { labels: { kind: 'reaction', component: 'sla-changes' }, value: 1 },
      { labels: { kind: 'deadlines', component: 'deadline-worker' }, value: 1 },
    ]);
    expect(await samples(metrics.componentLagEvents)).toEqual([
      { labels: { kind: 'projection', component: 'case_views' }, value: 12 },
      { labels: { kind: 'reaction', component: 'sla-changes' }, value: 0 },
    ]);
    expect(await samples(metrics.componentLagSeconds)).toContainEqual({ labels: { kind: 'projection', component: 'case_views' }, value: 3 });
  });

  it('leaves no stale sample when a component is gone or the reports could not be had', async () => {
    const metrics = new Metrics();
    showComponents(metrics, [{ kind: 'projection', name: 'old', state: 'running', stuck: true, lagEvents: 5, lagSeconds: 1 }]);
    showComponents(metrics, null);
    expect(await samples(metrics.componentStuck)).toEqual([]);
    expect(await samples(metrics.componentLagEvents)).toEqual([]);
  });

  it('shows the queue counts by state, and none without a queue', async () => {
    const metrics = new Metrics();
    showQueue(metrics, { waiting: 2, delayed: 40, active: 1, failed: 0 });
    expect(await samples(metrics.deadlineQueueJobs)).toEqual([
      { labels: { state: 'waiting' }, value: 2 },
      { labels: { state: 'delayed' }, value: 40 },
      { labels: { state: 'active' }, value: 1 },
      { labels: { state: 'failed' }, value: 0 },
    ]);
    showQueue(metrics, null);
    expect(await samples(metrics.deadlineQueueJobs)).toEqual([]);
  });
});
