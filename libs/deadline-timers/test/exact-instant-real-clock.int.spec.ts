import { sleepUntil } from '../src/exact-instant';

// Why sleepUntil loops: on the real clock a Node timer can end a millisecond before Date.now()
// reaches its instant. This holds the real pair to the promise, not to any speed.
describe('sleepUntil on the real clock', () => {
  it('never resolves before the instant by Date.now()', async () => {
    const early = await Promise.all(Array.from({ length: 200 }, async (_, i) => {
      const at = Date.now() + 1 + (i % 7);
      await sleepUntil(at);
      return Date.now() < at;
    }));
    expect(early.filter(Boolean)).toEqual([]);
  });
});
