import { eventually } from './eventually';

describe('eventually', () => {
  it('returns the first answer that is neither undefined nor false', async () => {
    const answers = [undefined, false, 0, 1];
    await expect(eventually(() => answers.shift(), { everyMs: 1 })).resolves.toBe(0);
  });

  it('fails naming what it waited for, asked at the moment it gives up', async () => {
    let polls = 0;
    await expect(eventually(() => ++polls > 1e9, { what: () => `a billion polls (${polls} so far)`, timeoutMs: 20, everyMs: 1 }))
      .rejects.toThrow(/^Timed out after 20 ms waiting for a billion polls \(\d+ so far\)$/);
  });

  it('names the probe by its source when told nothing', async () => {
    await expect(eventually(() => 'ready'.length === 0, 10)).rejects.toThrow(/waiting for \(\) ?=> ?'ready'\.length === 0/);
  });

  it('ends the wait with the error of a probe that throws', async () => {
    await expect(eventually(() => { throw new Error('broken probe'); })).rejects.toThrow('broken probe');
  });
});
