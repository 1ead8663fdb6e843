import { within } from '../../src/metrics/within';

describe('within', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('answers what the work answers in time', async () => {
    await expect(within(Promise.resolve(7), 100)).resolves.toBe(7);
  });

  it('answers null when the work fails', async () => {
    await expect(within(Promise.reject(new Error('down')), 100)).resolves.toBeNull();
  });

  it('answers null once the time is up, without waiting for the work', async () => {
    const answer = within(new Promise<number>(() => undefined), 100);
    await jest.advanceTimersByTimeAsync(100);
    await expect(answer).resolves.toBeNull();
  });
});
