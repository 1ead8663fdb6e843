import { readAll } from '../../src/kurrentdb/read-all';
import { FakeLog, logEvent } from './fake-kurrentdb';

describe('KurrentDB readAll', () => {
  const log = () =>
    new FakeLog([
      logEvent(10, '$settings', 0, '$settings'),
      logEvent(20, 'a', 0),
      logEvent(30, 'b', 0),
      logEvent(40, '$projections-x', 0, 'ProjectionUpdated'),
      logEvent(50, '$projections-x', 1, 'ProjectionUpdated'),
      logEvent(60, 'a', 1),
      logEvent(70, 'b', 1, '$metadata'),
      logEvent(80, 'b', 2),
    ]);

  it('reads domain events from the start in order', async () => {
    const events = await readAll(log(), { after: null, maxCount: 100 });
    expect(events.map((e) => e.position)).toEqual([20n, 30n, 60n, 80n]);
  });

  it('begins strictly after the given position', async () => {
    expect((await readAll(log(), { after: 20n, maxCount: 2 })).map((e) => e.position)).toEqual([30n, 60n]);
    expect((await readAll(log(), { after: 60n, maxCount: 2 })).map((e) => e.position)).toEqual([80n]);
  });

  it('pages past system streams instead of answering an empty batch before the end', async () => {
    const fake = log();
    const events = await readAll(fake, { after: 30n, maxCount: 1 });
    expect(events.map((e) => e.position)).toEqual([60n]);
    expect(fake.reads.length).toBeGreaterThan(1);
  });

  it('answers an empty batch when caught up', async () => {
    expect(await readAll(log(), { after: 80n })).toEqual([]);
    expect(await readAll(new FakeLog([]), {})).toEqual([]);
  });

  it('asks the server to leave out $ event types', async () => {
    const fake = log();
    await readAll(fake, {});
    expect(fake.reads[0]!.filter).toMatchObject({ filterOn: 'eventType', regex: '^[^$].*' });
  });
});
