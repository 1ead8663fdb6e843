import { randomUUID } from 'node:crypto';
import { InvalidAuditCursorError, SqlAuditLog, migrateAuditSchema } from '@referral/audit';
import type { SqlClient } from '@referral/sql';
import { sqlBackends, type TestDatabase } from '../../../test/support/databases';
import { auditRecord } from './audit-records';

describe.each(sqlBackends)('SqlAuditLog on %s', (_name, open) => {
  let database: TestDatabase;
  let db: SqlClient;
  let log: SqlAuditLog;

  beforeEach(async () => {
    database = await open();
    db = database.client;
    await migrateAuditSchema(db);
    await migrateAuditSchema(db);
    log = new SqlAuditLog(db);
  });
  afterEach(() => database.dispose());

  it('appends in order and answers one case page by page, oldest first', async () => {
    const caseId = randomUUID();
    const appended = [];
    for (let i = 0; i < 5; i += 1) {
      appended.push(await log.append(auditRecord({ caseId }, i)));
      await log.append(auditRecord({}, i));
    }
    expect(appended.map((e) => e.seq)).toEqual([1, 3, 5, 7, 9]);

    const first = await log.query({ caseId, limit: 2 });
    expect(first.items).toEqual(appended.slice(0, 2));
    const second = await log.query({ caseId, limit: 2, cursor: first.nextCursor! });
    expect(second.items).toEqual(appended.slice(2, 4));
    const last = await log.query({ caseId, limit: 2, cursor: second.nextCursor! });
    expect(last).toEqual({ items: appended.slice(4), nextCursor: null });
    expect(await log.query({ caseId: randomUUID() })).toEqual({ items: [], nextCursor: null });
  });

  it('refuses a cursor it did not hand out', async () => {
    await expect(log.query({ caseId: randomUUID(), cursor: 'bm9wZQ' })).rejects.toBeInstanceOf(InvalidAuditCursorError);
    await expect(log.query({ caseId: randomUUID(), cursor: '%%' })).rejects.toBeInstanceOf(InvalidAuditCursorError);
  });

  it('the database refuses UPDATE, DELETE and TRUNCATE, even of no rows', async () => {
    await log.append(auditRecord());
    await expect(db.query(`UPDATE audit_log SET case_id = NULL`)).rejects.toThrow(/append-only: UPDATE/);
    await expect(db.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only: DELETE/);
    await expect(db.query(`DELETE FROM audit_log WHERE false`)).rejects.toThrow(/append-only: DELETE/);
    await expect(db.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only: TRUNCATE/);
    expect((await db.query('SELECT 1 FROM audit_log')).rowCount).toBe(1);
    expect(await log.verify()).toMatchObject({ ok: true, entries: 1 });
  });

  it('verifies its chain, and finds a row changed around the triggers', async () => {
    const entries = [];
    for (let i = 0; i < 4; i += 1) entries.push(await log.append(auditRecord({}, i)));
    const intact = await log.verify();
    expect(intact).toMatchObject({ ok: true, entries: 4 });

    await db.exec('ALTER TABLE audit_log DISABLE TRIGGER USER');
    const forged = JSON.parse((await db.query<{ content: string }>('SELECT content FROM audit_log WHERE seq = 2')).rows[0].content);
    forged.actor.sub = 'someone-else';
    await db.query('UPDATE audit_log SET content = $1 WHERE seq = 2', [JSON.stringify(forged)]);
    await db.exec('ALTER TABLE audit_log ENABLE TRIGGER USER');

    expect(await log.verify()).toEqual({ ok: false, entries: 1, brokenAt: 2, problem: 'content does not match its hash' });
  });

  it('finds a deleted row and a lookup column moved to another case', async () => {
    for (let i = 0; i < 4; i += 1) await log.append(auditRecord({}, i));
    await db.exec('ALTER TABLE audit_log DISABLE TRIGGER USER');
    await db.query('UPDATE audit_log SET case_id = $1 WHERE seq = 4', [randomUUID()]);
    expect(await log.verify()).toMatchObject({ ok: false, brokenAt: 4, problem: 'columns disagree with the hashed content' });
    await db.query('DELETE FROM audit_log WHERE seq = 2');
    expect(await log.verify()).toMatchObject({ ok: false, brokenAt: 3, problem: 'entry 2 is missing' });
  });

  it('keeps one valid chain under concurrent appends', async () => {
    const caseId = randomUUID();
    await Promise.all(Array.from({ length: 40 }, (_, i) => log.append(auditRecord({ caseId }, i))));
    expect(await log.verify()).toMatchObject({ ok: true, entries: 40 });
    const page = await log.query({ caseId, limit: 500 });
    expect(page.items.map((e) => e.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('keeps one valid chain when several processes append, each with its own idea of the last entry', async () => {
    const caseId = randomUUID();
    const other = new SqlAuditLog(db);
    await log.append(auditRecord({ caseId }, 0));
    await other.append(auditRecord({ caseId }, 1));
    await log.append(auditRecord({ caseId }, 2));
    const writers = [log, other, new SqlAuditLog(db)];
    await Promise.all(Array.from({ length: 45 }, (_, i) => writers[i % 3].append(auditRecord({ caseId }, i + 3))));
    expect(await log.verify()).toMatchObject({ ok: true, entries: 48 });
    const page = await log.query({ caseId, limit: 500 });
    expect(page.items.map((e) => e.seq)).toEqual(Array.from({ length: 48 }, (_, i) => i + 1));
  });
});
