import { retryForever, type RetryFailure } from '../src/retry-forever';

describe('retryForever', () => {
  afterEach(() => jest.useRealTimers());

  it('given work that fails three times, when retried, then it reports each failure with its delay and answers the result', async () => {
    jest.useFakeTimers();
    const failures: RetryFailure[] = [];
    let calls = 0;
    const result = retryForever(
      async () => {
        calls += 1;
        if (calls <= 3) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
        return 'done';
      },
      { backoff: { initialMs: 100, maxMs: 250 }, onFailure: (failure) => failures.push(failure) },
    );
    await jest.advanceTimersByTimeAsync(100 + 200 + 250);
    await expect(result).resolves.toBe('done');
    expect(failures.map(({ attempt, retryInMs }) => [attempt, retryInMs])).toEqual([[1, 100], [2, 200], [3, 250]]);
  });

  it('given work that never succeeds, when the signal aborts during the wait, then it answers undefined at once', async () => {
    jest.useFakeTimers();
    const controller = new AbortController();
    const result = retryForever(async () => Promise.reject(new Error('down')), {
      signal: controller.signal,
      backoff: { initialMs: 60_000 },
      onFailure: () => controller.abort(),
    });
    await expect(result).resolves.toBeUndefined();
  });
});
