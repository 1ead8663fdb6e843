import { Metrics } from '../src/metrics';

describe('Metrics scrape hooks', () => {
  it('runs each hook before the text is made, until it is unregistered', async () => {
    const metrics = new Metrics();
    let value = 0;
    const unregister = metrics.beforeScrape(async () => void metrics.deadlineQueueJobs.set({ state: 'waiting' }, ++value));
    expect(await metrics.text()).toContain('referral_deadline_queue_jobs{state="waiting"} 1');
    expect(await metrics.text()).toContain('referral_deadline_queue_jobs{state="waiting"} 2');
    unregister();
    expect(await metrics.text()).toContain('referral_deadline_queue_jobs{state="waiting"} 2');
  });

  it('still answers when a hook fails', async () => {
    const metrics = new Metrics();
    metrics.beforeScrape(() => Promise.reject(new Error('store down')));
    expect(await metrics.text()).toContain('referral_http_requests_total');
  });
});
