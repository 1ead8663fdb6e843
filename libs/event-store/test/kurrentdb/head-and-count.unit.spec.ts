import { countAfter, headPosition } from '../../src/kurrentdb/head-and-count';
import { FakeLog, logEvent } from './fake-kurrentdb';

describe('KurrentDB head and event counts', () => {
  const log = (...tail: ReturnType<typeof logEvent>[]) =>
    new FakeLog([
      logEvent(10, '$settings', 0, '$settings'),
      logEvent(20, 'a', 0),
      logEvent(30, 'b', 0),
      logEvent(40, '$projections-x', 0, 'ProjectionUpdated'),
      logEvent(60, 'a', 1),
      logEvent(70, 'b', 1, '$metadata'),
      logEvent(80, 'b', 2),
      ...tail,
    ]);

  it('the head is the last domain event, read backwards from the end, one event when it is ours', async () => {
    const fake = log();
    expect(await headPosition(fake)).toBe(80n);
    expect(fake.reads).toEqual([expect.objectContaining({ direction: 'backwards', fromPosition: 'end', maxCount: 1 })]);
  });

  it('passes over records of $ streams at the end of the log', async () => {
    const trailing = Array.from({ length: 150 }, (_, i) => logEvent(100 + i, '$projections-x', 1 + i, 'ProjectionUpdated'));
    const fake = log(...trailing);
    expect(await headPosition(fake)).toBe(80n);
    expect(fake.reads.length).toBeGreaterThan(1);
  });

  it('an empty log, or one of KurrentDB records alone, has no head', async () => {
    expect(await headPosition(new FakeLog([]))).toBeNull();
    expect(await headPosition(new FakeLog([logEvent(10, '$settings', 0, '$settings'), logEvent(20, '$projections-x', 0, 'P')]))).toBeNull();
  });

  it('counts domain events after a position, not positions, and stops at the limit', async () => {
    expect(await countAfter(log(), null, 100)).toBe(4);
    expect(await countAfter(log(), 20n, 100)).toBe(3);
    expect(await countAfter(log(), 30n, 100)).toBe(2);
    expect(await countAfter(log(), 80n, 100)).toBe(0);
    expect(await countAfter(log(), null, 2)).toBe(2);
    expect(await countAfter(log(), null, 0)).toBe(0);
  });

  it('counts past more than one page', async () => {
    const many = Array.from({ length: 2500 }, (_, i) => logEvent(100 + i, i % 10 === 0 ? '$projections-x' : 's', i));
    const fake = log(...many);
    expect(await countAfter(fake, 80n, 10_000)).toBe(2250);
    expect(await countAfter(fake, 80n, 1500)).toBe(1500);
  });
});
