import { Lanes } from '../../apps/cli/simulate/run/lanes';

/** Work that finishes when the test says so, noting when it started and ended. */
function controlled(log: string[]) {
  const open = new Map<string, () => void>();
  const item = (name: string) => () =>
    new Promise<void>((resolve) => {
      log.push(`start ${name}`);
      open.set(name, () => {
        log.push(`end ${name}`);
        resolve();
      });
    });
  const finish = async (name: string) => {
    open.get(name)!();
    open.delete(name);
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { item, finish, running: () => [...open.keys()] };
}

describe('Lanes', () => {
  it('runs the items of one lane in order, one at a time, and lanes side by side up to the bound', async () => {
    const log: string[] = [];
    const work = controlled(log);
    const lanes = new Lanes(2);
    lanes.add('a', work.item('a1'));
    lanes.add('a', work.item('a2'));
    lanes.add('b', work.item('b1'));
    lanes.add('c', work.item('c1'));
    expect(work.running()).toEqual(['a1', 'b1']);
    expect(lanes.pending).toBe(2);

    await work.finish('a1');
    // a went to the back of the line: c1 was waiting longer than a2.
    expect(work.running()).toEqual(['b1', 'c1']);
    await work.finish('c1');
    expect(work.running()).toEqual(['b1', 'a2']);
    await work.finish('b1');
    await work.finish('a2');
    expect(log).toEqual(['start a1', 'start b1', 'end a1', 'start c1', 'end c1', 'start a2', 'end b1', 'end a2']);
  });

  it('starts a lane again when an item is added to it after it ran dry', async () => {
    const log: string[] = [];
    const work = controlled(log);
    const lanes = new Lanes(3);
    lanes.add('a', work.item('a1'));
    await work.finish('a1');
    lanes.add('a', work.item('a2'));
    expect(work.running()).toEqual(['a2']);
    await work.finish('a2');
  });

  it('tells when few enough items wait, and when all have run; a failing item frees its slot', async () => {
    const log: string[] = [];
    const work = controlled(log);
    const lanes = new Lanes(1);
    lanes.add('a', () => Promise.reject(new Error('reported elsewhere')));
    lanes.add('b', work.item('b1'));
    lanes.add('c', work.item('c1'));
    let fewWaiting = false;
    let allDone = false;
    void lanes.pendingAtMost(0).then(() => (fewWaiting = true));
    void lanes.idle().then(() => (allDone = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(work.running()).toEqual(['b1']);
    expect(fewWaiting).toBe(false);
    await work.finish('b1');
    expect(fewWaiting).toBe(true);
    expect(allDone).toBe(false);
    await work.finish('c1');
    expect(allDone).toBe(true);
  });

  it('refuses a bound below one', () => {
    expect(() => new Lanes(0)).toThrow('concurrency must be at least 1, got 0');
  });
});
