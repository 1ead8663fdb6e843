import { StatusWatch } from '../src/status-watch';

describe('StatusWatch', () => {
  it('resolves at once when the condition already holds', async () => {
    const watch = new StatusWatch({ n: 3 });
    await expect(watch.until((v) => v.n >= 3)).resolves.toEqual({ n: 3 });
  });

  it('resolves with the first value that satisfies the condition', async () => {
    const watch = new StatusWatch({ n: 0, label: 'a' });
    const waiting = watch.until((v) => v.n >= 2);
    watch.update({ n: 1 });
    watch.update({ n: 2, label: 'b' });
    await expect(waiting).resolves.toEqual({ n: 2, label: 'b' });
  });

  it('rejects with the given error after the timeout', async () => {
    const watch = new StatusWatch({ n: 0 });
    await expect(watch.until((v) => v.n > 0, { timeoutMs: 5, onTimeout: () => new Error('too slow') })).rejects.toThrow('too slow');
  });

  it('rejects when the signal aborts', async () => {
    const watch = new StatusWatch({ n: 0 });
    const controller = new AbortController();
    const waiting = watch.until((v) => v.n > 0, { signal: controller.signal });
    controller.abort(new Error('stopped'));
    await expect(waiting).rejects.toThrow('stopped');
  });
});
