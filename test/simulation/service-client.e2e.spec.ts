import { ServiceClient } from '../../apps/cli/simulate/run/service-client';
import { TokenMint } from '../../apps/cli/simulate/run/tokens';
import { TEST_JWT_SECRET, startEmbeddedService, type RunningService } from '../support/app';
import { SettableClock } from '../support/settable-clock';

const UNKNOWN_TOKEN = 'A'.repeat(43);

describe('the simulation\'s client against the service\'s per-IP survey limit', () => {
  const clock = new SettableClock(new Date('2025-06-10T08:00:10Z'));
  let service: RunningService;
  let base: string;

  beforeAll(async () => {
    service = await startEmbeddedService({ RATE_LIMIT_SURVEY_PER_MINUTE: '1' }, { clock });
    await service.app.listen(0);
    base = (await service.app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(() => service.stop());

  it('waits out a 429 for its Retry-After and sends the request again', async () => {
    const waits: number[] = [];
    // The service's window runs on its clock: waiting is moving that clock on.
    const client = new ServiceClient(base, new TokenMint(TEST_JWT_SECRET), async (ms) => {
      waits.push(ms);
      clock.advance(ms);
    });
    expect((await client.send('POST', `/surveys/${UNKNOWN_TOKEN}`, null, { scores: { hjalp: 5 } })).status).toBe(404);
    const second = await client.send('POST', `/surveys/${UNKNOWN_TOKEN}`, null, { scores: { hjalp: 5 } });
    expect(second.status).toBe(404);
    expect(waits).toEqual([50_000]);
    expect(client.requests).toBe(3);
  });
});
