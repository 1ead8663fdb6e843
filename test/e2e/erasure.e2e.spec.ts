import request from 'supertest';
import { syntheticPersonnummer } from '@referral/case/testing';
import type { EventStore } from '@referral/event-store';
import { isSealedValue, type PersonalDataVault, type SealedValue } from '@referral/personal-data';
import { EVENT_STORE, LocalProjections, PERSONAL_DATA_VAULT, READ_MODEL_DB } from '@referral/platform';
import type { SqlClient } from '@referral/sql';
import { startEmbeddedService, type RunningService } from '../support/app';
import { filesContaining } from '../support/files-containing';
import { handoverBody } from '../support/handovers';
import { SettableClock } from '../support/settable-clock';
import { bearer, tokenFor } from '../support/tokens';

type Headers = Record<string, string>;

/** Everything personal this suite sends, each unlike anything else the service writes. */
const PERSON = {
  givenName: 'Signhild',
  familyName: 'Fiktivsdotter',
  personalIdentityNumber: syntheticPersonnummer('1979-02-11', { form: 12 }),
  phone: '+46 70 123 98 76',
  email: 'signhild.fiktiv@example.test',
};
const NOTES = {
  police: 'Polisnotis om trapphuset', contact: 'Vill bli uppringd efter skolan', link: 'Samtycke till länk givet i telefon',
  safety: 'Delar telefon med sin bror',
};
/** Free text of a closure override (on the linked case), and a volunteer's name (their own stream, their own key). */
const OVERRIDE_REASON = 'Numret tillhör en granne enligt skolkuratorn';
const VOLUNTEER_NAME = 'Gunvor Påhittadsdotter';
const PLAINTEXTS = [
  PERSON.givenName, PERSON.familyName, PERSON.personalIdentityNumber, PERSON.phone, PERSON.email, ...Object.values(NOTES),
  OVERRIDE_REASON, VOLUNTEER_NAME,
];

describe('personal data sealed at rest, and erasure (embedded service, real Redis)', () => {
  let service: RunningService;
  const clock = new SettableClock(new Date('2025-06-10T08:00:00Z'));
  const tokens: Record<string, Headers> = {};
  const http = () => request(service.app.getHttpServer());
  let caseId: string;
  let linkedCaseId: string;
  let volunteerId: string;

  beforeAll(async () => {
    service = await startEmbeddedService({}, { clock, keepData: true });
    tokens.police = bearer(await tokenFor('police-1', 'city', ['police-integration']));
    tokens.coordinator = bearer(await tokenFor('coord-v', 'boj-vasterort', ['coordinator']));
    tokens.volunteer = bearer(await tokenFor('anna-v', 'boj-vasterort', ['volunteer']));
    tokens.staff = bearer(await tokenFor('staff-v', 'boj-vasterort', ['staff']));
    tokens.southCoordinator = bearer(await tokenFor('coord-s', 'boj-sodra-stockholm', ['coordinator']));
    tokens.stodcentrum = bearer(await tokenFor('coord-sc', 'stodcentrum', ['coordinator']));
    tokens.analyst = bearer(await tokenFor('analyst-1', 'city', ['analyst']));

    const handover = handoverBody({ person: { ...PERSON, birthDate: '1979-02-11' }, note: NOTES.police });
    PLAINTEXTS.push(handover.policeReportNumber as string);
    const received = await http().post('/api/v1/handovers').set(tokens.police).send(handover);
    expect(received.status).toBe(201);
    caseId = received.body.caseId;
    const safety = await http().post(`/api/v1/cases/${caseId}/contact-safety`).set(tokens.coordinator)
      .send({ mayLeaveMessage: false, safeHours: { from: '17:00', to: '20:00' }, note: NOTES.safety });
    expect(safety.status).toBe(200);
    const contact = await http().post(`/api/v1/cases/${caseId}/contacts`).set(tokens.coordinator)
      .send({ channel: 'phone', outcome: 'reached', at: '2025-06-03T09:00:00+02:00', note: NOTES.contact });
    expect(contact.status).toBe(201);
    const linked = await http().post(`/api/v1/cases/${caseId}/links`).set(tokens.coordinator)
      .send({ to: 'stodcentrum', consent: true, at: '2025-06-04T10:00:00+02:00', note: NOTES.link });
    expect(linked.status).toBe(201);
    linkedCaseId = linked.body.linkedTo.caseId;
    const closed = await http().post(`/api/v1/cases/${linkedCaseId}/closure`).set(tokens.stodcentrum)
      .send({ reason: 'unreachable', override: { reason: OVERRIDE_REASON } });
    expect(closed.status).toBe(200);
    const volunteer = await http().post('/api/v1/orgs/boj-vasterort/volunteers').set(tokens.coordinator)
      .send({ displayName: VOLUNTEER_NAME, gender: 'female', activeFrom: '2025-01-01' });
    expect(volunteer.status).toBe(201);
    volunteerId = volunteer.body.volunteerId;
  });
  afterAll(() => service.stop());

  const caseView = (id = caseId, headers = tokens.coordinator) => http().get(`/api/v1/cases/${id}`).set(headers);
  const store = () => service.app.get<EventStore>(EVENT_STORE);
  const db = () => service.app.get<SqlClient>(READ_MODEL_DB);

  async function everyTableAsText(): Promise<string> {
    const tables = await db().query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    const dumps: string[] = [];
    for (const { table_name } of tables.rows) {
      const rows = await db().query<{ row: string }>(`SELECT t::text AS row FROM "${table_name}" t`);
      dumps.push(table_name, ...rows.rows.map((r) => r.row));
    }
    return dumps.join('\n');
  }

  async function settledStatistics(): Promise<unknown> {
    const events = await store().readAll({ maxCount: 100_000 });
    await service.app.get(LocalProjections).get('statistics')!.waitForPosition(events[events.length - 1].position, 10_000);
    const response = await http().get('/api/v1/statistics/report?from=2025-01-01&to=2025-12-31').set(tokens.analyst);
    expect(response.status).toBe(200);
    return response.body;
  }

  it('shows the person to the case’s own org, as sent', async () => {
    const view = await caseView();
    expect(view.status).toBe(200);
    expect(view.body.person).toMatchObject({ givenName: PERSON.givenName, phone: PERSON.phone, personalIdentityNumber: PERSON.personalIdentityNumber });
    expect(view.body.history.find((e: { type: string }) => e.type === 'ContactRecorded')).toMatchObject({ note: NOTES.contact });
    expect(view.body).toMatchObject({ note: NOTES.police, contactSafety: { note: NOTES.safety } });
    const receiver = await caseView(linkedCaseId, tokens.stodcentrum);
    expect(receiver.body.person).toMatchObject({ givenName: PERSON.givenName });
    expect(receiver.body.history.find((e: { type: string }) => e.type === 'CaseClosed')).toMatchObject({ override: { reason: OVERRIDE_REASON } });
    const volunteers = await http().get('/api/v1/orgs/boj-vasterort/volunteers').set(tokens.coordinator);
    expect(volunteers.body.items).toContainEqual(expect.objectContaining({ volunteerId, displayName: VOLUNTEER_NAME }));
  });

  it('keeps no plaintext personal data in any event or any table: each event’s personal data is sealed under its stream’s key (a case’s, a volunteer’s)', async () => {
    const events = (await store().readAll({ maxCount: 100_000 })).filter((e) => e.streamId === `case-${caseId}`);
    const personal = events.map((e) => e.data.personalData).filter((p) => p !== undefined && p !== null);
    expect(personal.length).toBeGreaterThanOrEqual(4);
    for (const value of personal) {
      expect(isSealedValue(value)).toBe(true);
      expect((value as SealedValue).subject).toBe(`case-${caseId}`);
    }
    const sealedIn = async (streamId: string, type: string) =>
      (await store().readStream(streamId)).find((e) => e.type === type)!.data.personalData as SealedValue;
    expect(await sealedIn(`case-${linkedCaseId}`, 'CaseClosed')).toMatchObject({ sealed: 1, subject: `case-${linkedCaseId}` });
    expect(await sealedIn(`volunteer-${volunteerId}`, 'VolunteerRegistered')).toMatchObject({ sealed: 1, subject: `volunteer-${volunteerId}` });
    const everything = await everyTableAsText();
    expect(everything).toContain(caseId);
    for (const plaintext of PLAINTEXTS) expect(everything).not.toContain(plaintext);
  });

  it('refuses erasure to other roles and other orgs, telling nothing', async () => {
    const body = { reason: 'The person asked for it' };
    expect((await http().post(`/api/v1/cases/${caseId}/erasure`).set(tokens.volunteer).send(body)).status).toBe(403);
    expect((await http().post(`/api/v1/cases/${caseId}/erasure`).set(tokens.staff).send(body)).status).toBe(403);
    const other = await http().post(`/api/v1/cases/${caseId}/erasure`).set(tokens.southCoordinator).send(body);
    expect(other.status).toBe(404);
    expect(JSON.stringify(other.body)).not.toContain(caseId);
    const missing = await http().post(`/api/v1/cases/${caseId}/erasure`).set(tokens.coordinator).send({});
    expect(missing.status).toBe(400);
    expect(missing.body.details.length).toBeGreaterThan(0);
    expect(missing.body.details.every((d: { path: string }) => d.path === 'reason')).toBe(true);
    expect((await caseView()).body.person.givenName).toBe(PERSON.givenName);
  });

  it('erases for good: the answer, the case, every copy taken before, while the facts and the statistics stay', async () => {
    const before = await settledStatistics();
    const copies = (await store().readStream(`case-${caseId}`)).map((e) => e.data.personalData).filter(isSealedValue);
    clock.set('2025-06-12T08:00:00Z');

    const erased = await http().post(`/api/v1/cases/${caseId}/erasure`).set(tokens.coordinator).send({ reason: 'The person asked for it' });
    expect(erased.status).toBe(200);
    for (const answer of [erased, await caseView()]) {
      const text = JSON.stringify(answer.body);
      for (const plaintext of PLAINTEXTS) expect(text).not.toContain(plaintext);
      expect(answer.body.person).toEqual({ role: 'victim', gender: 'female', personalData: 'erased' });
      expect(answer.body.crime).toMatchObject({ category: 'misshandel' });
      expect(answer.body.history.map((e: { type: string }) => e.type)).toEqual(
        expect.arrayContaining(['CaseReceived', 'ContactRecorded', 'PersonLinked', 'PersonalDataErased']),
      );
      expect(answer.body.history.find((e: { type: string }) => e.type === 'ContactRecorded')).toMatchObject({ personalData: 'erased' });
      expect(answer.body.history.find((e: { type: string }) => e.type === 'ContactSafetyChanged')).toMatchObject({ mayLeaveMessage: false, personalData: 'erased' });
      expect(answer.body.contactSafety).toEqual({ mayLeaveMessage: false, safeHours: { from: '17:00', to: '20:00' } });
      expect(answer.body).not.toHaveProperty('policeReportNumber');
      expect(answer.body.history.at(-1)).toEqual({
        type: 'PersonalDataErased', at: '2025-06-12T08:00:00.000Z', reason: 'The person asked for it', by: 'coord-v',
      });
    }
    const vault = service.app.get<PersonalDataVault>(PERSONAL_DATA_VAULT);
    for (const copy of copies) expect(await vault.open(copy)).toBeNull();
    expect(await settledStatistics()).toEqual(before);

    // The receiving party's case is its own record, under its own key: its coordinator erases it.
    expect((await caseView(linkedCaseId, tokens.stodcentrum)).body.person.givenName).toBe(PERSON.givenName);
  });

  it('after erasure, records contacts but refuses to keep a note, an override’s reason or pass the person on; erasing again changes nothing', async () => {
    const override = await http().post(`/api/v1/cases/${caseId}/closure`).set(tokens.coordinator)
      .send({ reason: 'unreachable', override: { reason: 'ny motivering' } });
    expect(override.status).toBe(409);
    expect(override.body.error).toBe('personal-data-erased');
    const withNote = await http().post(`/api/v1/cases/${caseId}/contacts`).set(tokens.coordinator)
      .send({ channel: 'phone', outcome: 'no-answer', at: '2025-06-12T07:00:00+02:00', note: 'ny anteckning' });
    expect(withNote.status).toBe(409);
    expect(withNote.body.error).toBe('personal-data-erased');
    const without = await http().post(`/api/v1/cases/${caseId}/contacts`).set(tokens.coordinator)
      .send({ channel: 'phone', outcome: 'no-answer', at: '2025-06-12T07:00:00+02:00' });
    expect(without.status).toBe(201);
    const again = await http().post(`/api/v1/cases/${caseId}/erasure`).set(tokens.coordinator).send({ reason: 'Retried' });
    expect(again.status).toBe(200);
    expect(again.body.history.filter((e: { type: string }) => e.type === 'PersonalDataErased')).toHaveLength(1);
  });

  it('leaves no plaintext of the person in any file of the store on disk', async () => {
    const erasedLinked = await http().post(`/api/v1/cases/${linkedCaseId}/erasure`).set(tokens.stodcentrum).send({ reason: 'Asked for it' });
    expect(erasedLinked.status).toBe(200);
    expect(erasedLinked.body.history.find((e: { type: string }) => e.type === 'CaseClosed')).toMatchObject({ override: {}, personalData: 'erased' });
    await service.stop();
    // The files are readable and hold what was written: the case ids are there, in clear.
    expect((await filesContaining(service.dataDir, [caseId])).get(caseId)!.length).toBeGreaterThan(0);
    const found = await filesContaining(service.dataDir, PLAINTEXTS);
    for (const plaintext of PLAINTEXTS) expect({ plaintext, files: found.get(plaintext) }).toEqual({ plaintext, files: [] });
    service = await startEmbeddedService({}, { clock, dataDir: service.dataDir });
  });
});
