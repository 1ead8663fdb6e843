import { sleep } from '../src/sleep';

describe('sleep', () => {
  afterEach(() => jest.useRealTimers());

  it('resolves after the delay', async () => {
    jest.useFakeTimers();
    let done = false;
    const sleeping = sleep(1000).then(() => (done = true));
    await jest.advanceTimersByTimeAsync(999);
    expect(done).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await sleeping;
    expect(done).toBe(true);
  });

  it('resolves as soon as its signal aborts, and at once when it already has', async () => {
    jest.useFakeTimers();
    const controller = new AbortController();
    const sleeping = sleep(60_000, controller.signal);
    controller.abort();
    await sleeping;
    expect(jest.getTimerCount()).toBe(0);
    await sleep(60_000, controller.signal);
  });
});
