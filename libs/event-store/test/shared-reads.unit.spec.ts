import type { ReadAllOptions, RecordedEvent } from '../src';
import { sharedReads } from '../src/polling/polling-subscription';

describe('subscribers share one read per append', () => {
  function counting() {
    const started: ReadAllOptions[] = [];
    const pending: Array<(events: RecordedEvent[]) => void> = [];
    const read = sharedReads((options) => {
      started.push(options);
      return new Promise<RecordedEvent[]>((resolve) => pending.push(resolve));
    });
    return { read, started, pending };
  }

  it('given callers woken by the same append asking for the same events, when they read, then one read answers them all', async () => {
    const { read, started, pending } = counting();
    const answers = [read({ after: 5n, maxCount: 500 }, 3), read({ after: 5n, maxCount: 500 }, 3), read({ after: 5n, maxCount: 500 }, 3)];
    expect(started).toHaveLength(1);
    pending[0]!([]);
    const [a, b, c] = await Promise.all(answers);
    expect(a).toBe(b);
    expect(b).toBe(c);
  });

  it('given a caller that took a later append marker, or asks from another position, then it reads on its own', () => {
    const { read, started } = counting();
    void read({ after: 5n, maxCount: 500 }, 3);
    void read({ after: 5n, maxCount: 500 }, 4); // woken by an append the first read may have begun before
    void read({ after: 7n, maxCount: 500 }, 3);
    void read({ after: 5n, maxCount: 100 }, 3);
    expect(started).toHaveLength(4);
  });

  it('given a read that has ended, when the same caller asks again, then it reads again (nothing is kept)', async () => {
    const { read, started, pending } = counting();
    const first = read({ after: null }, 1);
    pending[0]!([]);
    await first;
    void read({ after: null }, 1);
    expect(started).toHaveLength(2);
  });
});
