import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PgSqlClient } from '@referral/sql';
import { eventually } from '../support/eventually';
import { seededRandom } from '../support/seeded-random';
import { bearer, tokenFor } from '../support/tokens';
import { FaultLoad } from './fault-load';
import { LeaseWatch } from './lease-watch';
import { checkHistory, type Finding, type OracleFigures } from './oracle';
import { compareWithRebuild } from './read-model-check';
import { ScaledShape } from './scaled-shape';

/** The promise: a dead or cut-off holder's lease moves to another worker within 10 s (plus one health sample). */
const TAKEOVER_LIMIT_MS = 10_500;
const LOAD_MS = 60_000;
const CUT_MS = 15_000;

export interface RunResult {
  seed: number;
  findings: Finding[];
  figures: OracleFigures & {
    handoversSent: number;
    handoversAnswered: number;
    contactsSent: number;
    /** The longest a request took until it was answered (tries included), handovers and calls. */
    slowestRequestMs: number;
    readModelRows: number;
    longestLeaseGapMs: number;
    leaseTakeovers: number;
    doubleHeldMs: number;
    seconds: number;
  };
  timeline: string[];
}

/**
 * One run of the fault suite: the scaled shape under load while, one after another, a worker
 * and an API process are killed (-9) and started again, Redis is flushed, PostgreSQL restarts,
 * and the worker holding most leases is cut off from PostgreSQL for 15 s; then the oracle.
 */
export async function runFaults(seed: number, say: (line: string) => void): Promise<RunResult> {
  const began = Date.now();
  const timeline: string[] = [];
  const mark = (what: string) => {
    const line = `${((Date.now() - began) / 1000).toFixed(1).padStart(6)} s  ${what}`;
    timeline.push(line);
    say(line);
  };
  mark('starting PostgreSQL, Redis, 2 API and 2 worker processes');
  const shape = await ScaledShape.start();
  const db = new PgSqlClient({ connectionString: shape.postgres.url, maxConnections: 2 });
  try {
    const coordinators = new Map<string, Record<string, string>>();
    for (const org of ['boj-vasterort', 'boj-sodra-stockholm', 'boj-stockholm-gotland', 'stodcentrum']) {
      coordinators.set(org, bearer(await tokenFor(`faults-${org}`, org, ['coordinator'])));
    }
    const tokens = { police: bearer(await tokenFor('faults-police', 'city', ['police-integration'])), coordinatorOf: (org: string) => coordinators.get(org) ?? {} };
    const admin = bearer(await tokenFor('faults-admin', 'city', ['admin']));
    const leases = new LeaseWatch(() => shape.workers);
    mark('waiting for every projection and reaction to be held by a worker');
    await eventually(() => leases.allHeld(), { what: 'every lease held', timeoutMs: 60_000, everyMs: 250 });
    leases.start();

    const load = new FaultLoad(() => shape.apiUrls, tokens, seededRandom(seed), { inFlight: 6, dueWithinMs: [3_000, 20_000] });
    load.start();
    mark('load started: handovers (6 in flight) and calls');
    const loadStart = Date.now();
    const at = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, loadStart + ms - Date.now())));

    await at(8_000);
    const killedWorker = await leases.busiest();
    mark(`kill -9 ${killedWorker.label} (it holds the most leases)`);
    await shape.kill(killedWorker);
    await at(12_000);
    mark(`starting ${killedWorker.label} again`);
    const workerBack = shape.launch(killedWorker).then(() => mark(`${killedWorker.label} is ready again`));

    await at(18_000);
    const api = shape.member('api-1');
    mark('kill -9 api-1');
    await shape.kill(api);
    await at(21_000);
    mark('starting api-1 again');
    const apiBack = shape.launch(api).then(() => mark('api-1 is ready again'));

    await at(26_000);
    mark('Redis FLUSHALL');
    await shape.redis.flushAll();

    await at(32_000);
    mark('PostgreSQL restart (immediate: as after a crash)');
    await shape.postgres.restart();
    mark('PostgreSQL is back');

    await Promise.all([workerBack, apiBack]);
    await at(38_000);
    const cut = await leases.busiest();
    mark(`cutting ${cut.label} off from PostgreSQL for ${CUT_MS / 1000} s (it holds the most leases)`);
    cut.proxy!.cut();
    await at(38_000 + CUT_MS);
    cut.proxy!.heal();
    mark(`${cut.label} reaches PostgreSQL again`);

    await at(LOAD_MS);
    mark('load stops sending handovers; waiting for the calls planned and the answers under way');
    await load.stop();
    const observedUntil = load.lastDueAt;
    await eventually(() => Date.now() > observedUntil + 1_000, { what: 'the last deadline of the run to pass', timeoutMs: 120_000, everyMs: 250 });
    mark('every deadline of the run has passed; the oracle replays the store');
    const sent = { handovers: load.handovers, contacts: load.contacts };
    // Breaches are recorded within seconds of their due time; give the last of them a bounded while.
    const observed = { runFrom: loadStart, until: observedUntil };
    let history = await checkHistory(db, sent, observed);
    const settleBy = Date.now() + 60_000;
    while (history.findings.length > 0 && Date.now() < settleBy) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      history = await checkHistory(db, sent, observed);
    }
    leases.stop();
    mark(`oracle: ${history.figures.events} events, ${history.figures.cases} cases, ${history.findings.length} findings; comparing read models with a fresh rebuild`);
    const readModels = await compareWithRebuild(db, () => shape.apiUrls[0]!, admin);
    mark(`read models: ${readModels.projections} projections, ${readModels.rows} rows, ${readModels.findings.length} findings`);

    const longestGap = Math.max(0, ...leases.longestGapMs.values());
    const findings = [...history.findings, ...readModels.findings];
    if (findings.length > 0) keepLogs(shape, say);
    for (const [name, gap] of leases.longestGapMs) {
      if (gap > TAKEOVER_LIMIT_MS) findings.push({ check: 'lease-takeover', id: name, detail: `no worker held it for ${(gap / 1000).toFixed(1)} s` });
    }
    return {
      seed,
      findings,
      figures: {
        ...history.figures,
        handoversSent: load.handovers.length,
        handoversAnswered: load.handovers.filter((h) => h.caseId).length,
        contactsSent: load.contacts.length,
        slowestRequestMs: Math.max(0, ...load.handovers.map((h) => h.outcome?.elapsedMs ?? 0), ...load.contacts.flatMap((c) => c.outcomes.map((o) => o.elapsedMs))),
        readModelRows: readModels.rows,
        longestLeaseGapMs: longestGap,
        leaseTakeovers: leases.takeovers,
        doubleHeldMs: leases.doubleHeldMs,
        seconds: Math.round((Date.now() - began) / 1000),
      },
      timeline,
    };
  } catch (error) {
    keepLogs(shape, say);
    throw error;
  } finally {
    await db.close();
    await shape.stop();
  }
}

/** Each process's log (its last 2 MB) in a file, for a run that failed: the findings name ids to look for. */
function keepLogs(shape: ScaledShape, say: (line: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'referral-faults-logs-'));
  for (const member of shape.members) writeFileSync(join(dir, `${member.label}.log`), member.process?.log ?? '');
  say(`the processes' logs are in ${dir}`);
}
