import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { FireRecorder } from './support/fire-recorder';
import { eventually } from '../../../test/support/eventually';
import { REDIS_URL } from './support/redis-fixture';
import { TimersFixture } from './support/timers-fixture';

const CHILD = join(__dirname, 'support', 'hanging-worker.ts');
const REPO = join(__dirname, '..', '..', '..');

/** A worker process SIGKILLed mid-handler: BullMQ's stalled check hands the job to another worker. */
describe('a DeadlineTimers worker process killed while handling a timer', () => {
  let fixture: TimersFixture;
  let child: ChildProcess | null = null;
  let output = '';
  beforeEach(() => {
    fixture = new TimersFixture();
    output = '';
  });
  afterEach(async () => {
    if (child && child.exitCode === null && child.signalCode === null) await kill(child);
    await fixture.close();
  });

  function spawnWorker(): ChildProcess {
    const spawned = spawn(process.execPath, ['-r', '@swc-node/register', CHILD], {
      cwd: REPO,
      env: { ...process.env, REDIS_URL, PREFIX: fixture.prefix },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    spawned.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    spawned.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    return spawned;
  }

  async function kill(process: ChildProcess): Promise<void> {
    const exited = new Promise((resolve) => process.once('exit', resolve));
    process.kill('SIGKILL');
    await exited;
  }

  it('runs the handler to completion in a new worker', async () => {
    child = spawnWorker();
    await eventually(() => output.includes('ready') || child!.exitCode !== null, { what: () => `the child to start (${output})`, timeoutMs: 30_000 });
    const timers = fixture.create();
    const timer = fixture.timer(300);
    await timers.arm(timer);
    await eventually(() => output.includes(`started ${timer.caseId}`), { what: 'the child handler to start' });
    await kill(child);

    const recorder = new FireRecorder();
    await timers.start(recorder.handler, { lockDuration: 1_000, stalledInterval: 300 });
    await eventually(() => recorder.count(timer) === 1, { what: 'the job to be taken over', timeoutMs: 15_000 });
    expect(fixture.log.lines).toContainEqual(expect.objectContaining({ level: 'warn', fields: { jobId: expect.stringContaining(timer.caseId) } }));
  });
});
