import { randomBytes } from 'node:crypto';
import { openVault } from '@referral/personal-data';
import { createLogger } from '@referral/platform';
import { sqlBackends, type TestDatabase } from '../../../../test/support/databases';
import { eventually } from '../../../../test/support/eventually';
import { SettableClock } from '../../../../test/support/settable-clock';
import { ApiException } from '../../src/http/api-exception';
import { AnswerSeal } from '../../src/idempotency/answer-seal';
import { migrateIdempotencySchema } from '../../src/idempotency/idempotency-schema';
import { IdempotentCommands, type Answer, type IdempotentRequest } from '../../src/idempotency/idempotent-commands';
import { SqlIdempotencyStore } from '../../src/idempotency/sql-idempotency-store';

/** A command that runs until the test lets it finish, counting its runs. */
function heldCommand() {
  let finish!: (outcome: Answer | Error) => void;
  const outcome = new Promise<Answer | Error>((resolve) => (finish = resolve));
  let started!: () => void;
  const running = new Promise<void>((resolve) => (started = resolve));
  const command = {
    runs: 0,
    running,
    finish,
    async execute(): Promise<Answer> {
      command.runs += 1;
      started();
      const result = await outcome;
      if (result instanceof Error) throw result;
      return result;
    },
  };
  return command;
}

/**
 * Two processes of the scaled shape, each with its own IdempotentCommands, on one database: a
 * duplicate that reaches the other process waits for the first answer there. Only a PostgreSQL
 * server is shared by processes (PGlite is one process's; the store's own spec runs on both).
 */
describe.each(sqlBackends.filter(([name]) => name === 'postgres'))('IdempotentCommands in two processes on %s', (_name, open) => {
  let database: TestDatabase;
  let processes: [IdempotentCommands, IdempotentCommands];
  let impatient: IdempotentCommands;
  const clock = new SettableClock(new Date('2025-06-10T08:00:00Z'));

  beforeEach(async () => {
    database = await open();
    await migrateIdempotencySchema(database.client);
    const { vault } = await openVault(database.client, { masterKey: randomBytes(32) });
    const commands = (remoteWait = { everyMs: 10, times: 1000 }) =>
      new IdempotentCommands(new SqlIdempotencyStore(database.client), new AnswerSeal(vault), clock, createLogger('silent'), { remoteWait });
    processes = [commands(), commands()];
    impatient = commands({ everyMs: 10, times: 3 });
  });
  afterEach(() => database.dispose());

  const request = (execute: () => Promise<Answer>): IdempotentRequest => ({
    scope: 'scope-1', fingerprint: 'fp-1', caseOf: () => null, execute,
  });

  it('given the first request still running in one process, a duplicate in the other waits and answers its answer', async () => {
    const first = heldCommand();
    const duplicate = heldCommand();
    const answered = processes[0].run(request(() => first.execute()));
    await first.running;
    const replayed = processes[1].run(request(() => duplicate.execute()));
    first.finish({ status: 201, body: { caseId: 'c-1' } });
    expect(await answered).toEqual({ status: 201, body: { caseId: 'c-1' }, replayed: false });
    expect(await replayed).toEqual({ status: 201, body: { caseId: 'c-1' }, replayed: true });
    expect([first.runs, duplicate.runs]).toEqual([1, 0]);
  });

  it('given the first request runs longer than its claim lease, its renewals keep the claim: a duplicate does not run it again', async () => {
    const leaseMs = 400;
    const { vault } = await openVault(database.client, { masterKey: randomBytes(32) });
    const short = () => new IdempotentCommands(new SqlIdempotencyStore(database.client), new AnswerSeal(vault), clock, createLogger('silent'), {
      remoteWait: { everyMs: 10, times: 1000 }, claimLeaseMs: leaseMs,
    });
    const [slow, other] = [short(), short()];
    const first = heldCommand();
    const duplicate = heldCommand();
    const answered = slow.run(request(() => first.execute()));
    await first.running;
    clock.advance(10 * leaseMs); // without renewal the claim would have run out long ago
    await eventually(async () => {
      const { rows } = await database.client.query<{ until: Date }>('SELECT lease_until AS until FROM idempotency_keys');
      return new Date(rows[0]!.until).getTime() > clock.now().getTime();
    }, { what: 'a renewal of the claim' });
    const replayed = other.run(request(() => duplicate.execute()));
    first.finish({ status: 201, body: { caseId: 'c-slow' } });
    expect(await answered).toEqual({ status: 201, body: { caseId: 'c-slow' }, replayed: false });
    expect(await replayed).toEqual({ status: 201, body: { caseId: 'c-slow' }, replayed: true });
    expect([first.runs, duplicate.runs]).toEqual([1, 0]);
  });

  it('given the first request fails with a 5xx, the waiting duplicate runs the command itself', async () => {
    const first = heldCommand();
    const duplicate = heldCommand();
    const failed = processes[0].run(request(() => first.execute()));
    await first.running;
    const retried = processes[1].run(request(() => duplicate.execute()));
    first.finish(new Error('the store went away'));
    await expect(failed).rejects.toThrow('the store went away');
    await duplicate.running;
    duplicate.finish({ status: 201, body: { n: 2 } });
    expect(await retried).toEqual({ status: 201, body: { n: 2 }, replayed: false });
  });

  it('a 4xx other than 429 is remembered, a 429 is not', async () => {
    const refusal = new ApiException(409, 'reach-attempts-not-met', 'Not yet');
    await expect(processes[0].run(request(async () => { throw refusal; }))).rejects.toBe(refusal);
    const again = processes[1].run(request(async () => ({ status: 200, body: {} })));
    await expect(again).rejects.toMatchObject({ status: 409, response: { error: 'reach-attempts-not-met', message: 'Not yet' } });

    const limited = { ...request(async () => { throw new ApiException(429, 'too-many-requests', 'Slow down'); }), scope: 'scope-2' };
    await expect(processes[0].run(limited)).rejects.toMatchObject({ status: 429 });
    expect(await processes[1].run({ ...limited, execute: async () => ({ status: 201, body: {} }) })).toMatchObject({ replayed: false });
  });

  it('a 503 that says the change was saved is remembered: the command must not run twice', async () => {
    const behind = new ApiException(503, 'read-model-behind', 'Saved; the views are behind');
    await expect(processes[0].run(request(async () => { throw behind; }))).rejects.toBe(behind);
    await expect(processes[1].run(request(async () => ({ status: 201, body: {} })))).rejects.toMatchObject({
      status: 503, response: { error: 'read-model-behind' },
    });
    const unavailable = { ...request(async () => { throw new ApiException(503, 'audit-unavailable', 'Later'); }), scope: 'scope-2' };
    await expect(processes[0].run(unavailable)).rejects.toMatchObject({ status: 503 });
    expect(await processes[1].run({ ...unavailable, execute: async () => ({ status: 201, body: {} }) })).toMatchObject({ replayed: false });
  });

  it('given the first request is still running elsewhere after the bounded wait, answers 409 idempotency-key-in-progress', async () => {
    const first = heldCommand();
    const answered = processes[0].run(request(() => first.execute()));
    await first.running;
    await expect(impatient.run(request(async () => ({ status: 201, body: {} })))).rejects.toMatchObject({
      status: 409, response: { error: 'idempotency-key-in-progress' },
    });
    first.finish({ status: 201, body: {} });
    await answered;
  });

  it('another body under a pending key is 422 at once, without waiting', async () => {
    const first = heldCommand();
    const answered = processes[0].run(request(() => first.execute()));
    await first.running;
    await expect(impatient.run({ ...request(async () => ({ status: 201, body: {} })), fingerprint: 'fp-2' })).rejects.toMatchObject({
      status: 422, response: { error: 'idempotency-key-reused' },
    });
    first.finish({ status: 201, body: {} });
    await answered;
  });
});
