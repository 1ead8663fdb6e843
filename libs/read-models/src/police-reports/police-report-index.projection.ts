import { normalisePoliceReportNumber, type CaseEvent, type PersonalData } from '@referral/case';
import type { RecordedEvent } from '@referral/event-store';
import type { ProjectionDefinition, TableNames } from '@referral/projections';
import type { SqlExecutor } from '@referral/sql';
import type { PersonalDataReader } from '../cases/reveal-case-detail';

export const POLICE_REPORT_INDEX_TABLES = ['police_report_index'] as const;
export type PoliceReportIndexTable = (typeof POLICE_REPORT_INDEX_TABLES)[number];

/** The vault's system secret the index is keyed with. */
export const POLICE_REPORT_INDEX_SECRET = 'police-report-index';

/** Digests kept from `prepare` for `handle`: several batches of 500, for two runners. */
const PREPARED_KEPT = 5000;

/** A keyed digest (an HMAC under a key of the vault) of a normalised Police report number. */
export interface PoliceReportDigests {
  digest(normalisedNumber: string): Promise<string>;
}

export interface PoliceReportIndexDeps {
  digests: PoliceReportDigests;
  /** Opens the case's sealed personal data; `null` once it was erased. */
  personalData: PersonalDataReader;
}

/**
 * `GET /cases?policeReportNumber=` without a plaintext column: one row per case, its holder and
 * the keyed digest of its number (a plain hash of a guessable number would give it away). The
 * lookup is scoped to the caller's org, so nothing matches across orgs. The row goes on erasure,
 * and a rebuild after erasure cannot open the number, so it never comes back. The digests are
 * made in `prepare`, before the batch's transaction, since opening needs the key table.
 */
export function policeReportIndexProjection(deps: PoliceReportIndexDeps): ProjectionDefinition<PoliceReportIndexTable> {
  // By event id. A live runner and a rebuild may prepare the same events at once, so entries are
  // not removed when used: the oldest go once there are more than a few batches' worth.
  const prepared = new Map<string, string>();
  return {
    name: 'police_report_index',
    handles: new Set(['CaseReceived', 'TriageResolved', 'PersonalDataErased']),
    version: 1,
    tables: POLICE_REPORT_INDEX_TABLES,
    async setup(tx: SqlExecutor, tables: TableNames<PoliceReportIndexTable>) {
      await tx.query(`CREATE TABLE IF NOT EXISTS ${tables.police_report_index} (
        case_id text PRIMARY KEY,
        org text NOT NULL,
        number_digest text NOT NULL
      )`);
      await tx.query(
        `CREATE INDEX IF NOT EXISTS ${tables.police_report_index}_by_digest ON ${tables.police_report_index} (org, number_digest)`,
      );
    },
    async prepare(events: readonly RecordedEvent[]) {
      for (const recorded of events) {
        if (recorded.type !== 'CaseReceived') continue;
        const sealed = (recorded.data as CaseReceivedData).personalData;
        const opened = sealed === null || sealed === undefined ? null : ((await deps.personalData.open(sealed)) as PersonalData | null);
        const number = opened?.policeReportNumber;
        if (number !== undefined) prepared.set(recorded.id, await deps.digests.digest(normalisePoliceReportNumber(number)));
      }
      for (const id of prepared.keys()) {
        if (prepared.size <= PREPARED_KEPT) break;
        prepared.delete(id);
      }
    },
    async handle(recorded: RecordedEvent, tx: SqlExecutor, tables: TableNames<PoliceReportIndexTable>) {
      const event = { type: recorded.type, data: recorded.data } as unknown as CaseEvent;
      const table = tables.police_report_index;
      if (event.type === 'CaseReceived') {
        const digest = prepared.get(recorded.id);
        if (digest === undefined) return;
        await tx.query(`INSERT INTO ${table} (case_id, org, number_digest) VALUES ($1, $2, $3) ON CONFLICT (case_id) DO NOTHING`, [
          event.data.caseId, event.data.org, digest,
        ]);
      } else if (event.type === 'TriageResolved') {
        await tx.query(`UPDATE ${table} SET org = $2 WHERE case_id = $1`, [event.data.caseId, event.data.org]);
      } else if (event.type === 'PersonalDataErased') {
        await tx.query(`DELETE FROM ${table} WHERE case_id = $1`, [event.data.caseId]);
      }
    },
  };
}

type CaseReceivedData = Extract<CaseEvent, { type: 'CaseReceived' }>['data'];

/** The ids of `holder`'s cases whose Police report number is `number` (after normalising). */
export async function caseIdsByPoliceReportNumber(
  db: SqlExecutor,
  digests: PoliceReportDigests,
  holder: string,
  number: string,
): Promise<string[]> {
  const digest = await digests.digest(normalisePoliceReportNumber(number));
  const { rows } = await db.query<{ case_id: string }>(
    'SELECT case_id FROM police_report_index WHERE org = $1 AND number_digest = $2 ORDER BY case_id',
    [holder, digest],
  );
  return rows.map((row) => row.case_id);
}
