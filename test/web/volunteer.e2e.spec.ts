import request from 'supertest';
import type { Browser, Page } from 'playwright-core';
import { ROUTINE_QUESTIONS } from '@referral/labels';
import { syntheticPersonnummer } from '@referral/case/testing';
import { handOverCase } from '../support/handovers';
import { SettableClock } from '../support/settable-clock';
import { bearer, tokenFor } from '../support/tokens';
import { DESKTOP, launchBrowser, newPage, PHONE, screenshot, seriousAccessibilityViolations, type Viewport } from './support/browser';
import { demoSignIn, startWebService, type WebService } from './support/web-service';

type Headers = Record<string, string>;

/*
 * Issue 12, "Volunteer: my cases" and "Case page": a jour volunteer signs in, records three calls
 * (one in the evening) and sees the plan change; a double tap and a retry record one call each.
 */
describe('a jour volunteer works their cases in the browser', () => {
  // Wednesday 4 June 2025, 10:00 in Stockholm (CEST).
  const clock = new SettableClock(new Date('2025-06-04T08:00:00Z'));
  let service: WebService;
  let browser: Browser;
  const tokens: Record<string, Headers> = {};
  const ids: Record<'calls' | 'young' | 'free' | 'erased', string> = { calls: '', young: '', free: '', erased: '' };
  const api = () => request(service.app.getHttpServer());
  const view = async (caseId: string) => (await api().get(`/api/v1/cases/${caseId}`).set(tokens.coordinator)).body;
  const contactsOf = async (caseId: string) => (await view(caseId)).history.filter((e: { type: string }) => e.type === 'ContactRecorded');

  beforeAll(async () => {
    [service, browser] = await Promise.all([startWebService({ clock }), launchBrowser()]);
    tokens.police = bearer(await tokenFor('police-1', 'city', ['police-integration']));
    tokens.coordinator = bearer(await tokenFor('coord-v', 'boj-vasterort', ['coordinator']));
    const registered = await api().post('/api/v1/orgs/boj-vasterort/volunteers').set(tokens.coordinator)
      .send({ displayName: 'Vera Volontär', gender: 'female', activeFrom: '2025-01-01', userId: 'vol-vera', languages: ['sv', 'ar'] });
    expect(registered.status).toBe(201);
    const vera = registered.body.volunteerId as string;
    const handover = (person: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
      handOverCase(api, tokens.police, { handedOverAt: '2025-06-04T09:00:00+02:00', policeReportNumber: '5000-K424242-25', ...extra, person });
    ids.calls = await handover({ givenName: 'Amira', familyName: 'Fiktiv', preferredLanguage: 'ar', interpreterNeeded: true, phone: '+46 70 111 22 33' });
    ids.free = await handover({ givenName: 'Fri', familyName: 'Fiktiv' }, { crime: { category: 'bedrageri' } });
    ids.erased = await handover({ givenName: 'Raderad', familyName: 'Fiktiv' });
    const young = await api().post('/api/v1/cases').set(tokens.coordinator).send({
      source: 'self-referral', receivedAt: '2025-06-04T09:30:00+02:00', crime: { category: 'ran' },
      person: { role: 'victim', gender: 'male', givenName: 'Ung', familyName: 'Fiktiv', phone: '+46 70 999 88 77', personalIdentityNumber: syntheticPersonnummer('2007-05-05', { form: 12 }) },
    });
    expect(young.status).toBe(201);
    ids.young = young.body.caseId;
    for (const caseId of [ids.calls, ids.young, ids.erased]) {
      expect((await api().post(`/api/v1/cases/${caseId}/assignment`).set(tokens.coordinator).send({ volunteerId: vera })).status).toBe(200);
    }
    expect((await api().post(`/api/v1/cases/${ids.erased}/erasure`).set(tokens.coordinator).send({ reason: 'Personen bad om det' })).status).toBe(200);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  /** The service's clock and the browser's move together, so "ikväll" means the same evening to both. */
  async function setTime(page: Page, iso: string): Promise<void> {
    clock.set(iso);
    await page.clock.setFixedTime(new Date(iso));
  }

  async function signInAsVera(viewport: Viewport = PHONE) {
    const opened = await newPage(browser, viewport);
    await opened.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: service.baseUrl });
    await opened.page.clock.setFixedTime(clock.now());
    await demoSignIn(opened.page, service.baseUrl, { org: 'boj-vasterort', role: 'volunteer', volunteer: 'Vera Volontär' });
    await opened.page.waitForURL(/\/my-cases$/);
    return opened;
  }
  /** The Idempotency-Keys of the calls the page sends, in order. */
  function callKeys(page: Page): string[] {
    const keys: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && /\/contacts$/.test(r.url())) keys.push(r.headers()['idempotency-key'] ?? 'none');
    });
    return keys;
  }
  const card = (page: Page, name: string) => page.locator('li.case-card', { hasText: name });
  const plan = (page: Page, name: string) => card(page, name).getByTestId('contact-plan');
  async function recordCall(page: Page, name: string, outcome: string): Promise<void> {
    await card(page, name).getByRole('button', { name: 'Ring', exact: true }).click();
    await card(page, name).getByRole('button', { name: outcome, exact: true }).click();
    await card(page, name).getByText(/Samtalet är sparat:/).waitFor();
  }

  it('shows my cases most urgent first, with safety before the number, language, deadline and plan; accessible on a phone and a desktop', async () => {
    const { page, problems, context } = await signInAsVera(PHONE);
    const amira = card(page, 'Amira Fiktiv');
    await amira.waitFor();
    await page.locator('li.case-card[data-case-id]').nth(2).waitFor();
    const worklist = await api().get('/api/v1/cases?assignee=me&status=open').set(bearer(await tokenFor('vol-vera', 'boj-vasterort', ['volunteer'])));
    const shown = await page.locator('li.case-card[data-case-id]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-case-id')));
    expect(shown).toEqual(worklist.body.items.map((c: { caseId: string }) => c.caseId));
    expect(await page.locator('li.case-card h2').allInnerTexts()).toEqual(expect.arrayContaining(['Amira Fiktiv', 'Ung Fiktiv', 'Uppgifterna är raderade']));
    await expect(amira.innerText()).resolves.toMatch(/Första kontakt: 2 d 23 tim kvar/);
    await expect(amira.innerText()).resolves.toMatch(/Språk: arabiska · Behöver tolk/);
    expect(await amira.getByTestId('contact-safety').innerText()).toMatch(/Lämna inget meddelande/);
    const safetyFirst = await amira.evaluate((el) => {
      const safety = el.querySelector('[data-testid=contact-safety]')!;
      const phone = el.querySelector('.person-contact__phone')!;
      return (safety.compareDocumentPosition(phone) & 4) !== 0 // DOCUMENT_POSITION_FOLLOWING;
    });
    expect(safetyFirst).toBe(true);
    expect(await amira.getByRole('link', { name: '+46 70 111 22 33' }).getAttribute('href')).toBe('tel:+46701112233');
    expect(await plan(page, 'Amira Fiktiv').innerText()).toMatch(/Ring före lör 09:00[\s\S]*Telefonförsök 0 av 3 · kvällsförsök 0 av 1/);
    // The erased case shows no personal data, only that it was erased.
    expect(await card(page, 'Uppgifterna är raderade').getByRole('link', { name: /^\+46/ }).count()).toBe(0);
    // The unassigned case is offered to take, without the person's name.
    const offered = page.getByRole('region', { name: 'Ärenden som ingen har tagit' });
    await offered.getByText(/Bedrägeri – Mottaget/).waitFor();
    expect(await offered.innerText()).not.toMatch(/Fri Fiktiv/);

    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'volunteer-my-cases-phone');
    await page.setViewportSize(DESKTOP);
    await screenshot(page, 'volunteer-my-cases-desktop');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('records three calls, one in the evening, and shows the plan change after each; a double tap records one call', async () => {
    const { page, problems, context } = await signInAsVera(PHONE);
    await card(page, 'Amira Fiktiv').waitFor();

    // 1. A daytime call at 10:00: the next one no sooner than two hours later, before this evening ends.
    await recordCall(page, 'Amira Fiktiv', 'Inget svar');
    await expect(page.getByTestId('announcer').innerText()).resolves.toMatch(/^Samtalet är sparat\. Ring tidigast 12:00 i dag, före 21:00 i dag$/);
    expect(await plan(page, 'Amira Fiktiv').innerText()).toMatch(/Ring tidigast 12:00 i dag, före 21:00 i dag[\s\S]*Telefonförsök 1 av 3 · kvällsförsök 0 av 1/);

    // 2. At 13:00, a double tap on "Röstbrevlåda": one call recorded; the plan now needs the evening.
    await setTime(page, '2025-06-04T11:00:00Z');
    await page.reload();
    const keys = callKeys(page);
    await card(page, 'Amira Fiktiv').getByRole('button', { name: 'Ring', exact: true }).click();
    await card(page, 'Amira Fiktiv').getByRole('button', { name: 'Röstbrevlåda', exact: true }).dblclick();
    await card(page, 'Amira Fiktiv').getByText(/Samtalet är sparat:/).waitFor();
    expect((await contactsOf(ids.calls)).map((c: { outcome: string }) => c.outcome)).toEqual(['no-answer', 'voicemail']);
    expect(keys.length).toBeGreaterThan(0);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[\x21-\x7e]{1,128}$/);
    expect(await plan(page, 'Amira Fiktiv').innerText()).toMatch(/Ring ikväll 18–21[\s\S]*Telefonförsök 2 av 3 · kvällsförsök 0 av 1[\s\S]*Minst ett försök måste vara på kvällen/);

    // 3. An evening call typed in at 19:30 for 19:15: first a time in the future is refused next to the field.
    await card(page, 'Amira Fiktiv').getByRole('button', { name: 'Ring', exact: true }).click();
    await card(page, 'Amira Fiktiv').getByRole('button', { name: 'Ändra tid' }).click();
    await card(page, 'Amira Fiktiv').getByLabel('När ringde du? (svensk tid)').fill('2025-06-04T19:15');
    await card(page, 'Amira Fiktiv').getByRole('button', { name: 'Inget svar', exact: true }).click();
    expect(await card(page, 'Amira Fiktiv').getByRole('alert').innerText()).toBe('Tiden ligger i framtiden.');
    await setTime(page, '2025-06-04T17:30:00Z');
    await card(page, 'Amira Fiktiv').getByRole('button', { name: 'Inget svar', exact: true }).click();
    await card(page, 'Amira Fiktiv').getByText('Samtalet är sparat: Inget svar, 4 juni 19:15.').waitFor();
    expect(await plan(page, 'Amira Fiktiv').innerText()).toMatch(/Telefonförsök 3 av 3 · kvällsförsök 1 av 1[\s\S]*✓ Kvällskravet är uppfyllt[\s\S]*✓ Kravet på kontaktförsök är uppfyllt/);
    const calls = await contactsOf(ids.calls);
    expect(calls.map((c: { at: string }) => c.at)).toEqual(['2025-06-04T08:00:00.000Z', '2025-06-04T11:00:00.000Z', '2025-06-04T17:15:00.000Z']);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('takes an unassigned case, and a call whose answer was lost is recorded once when retried', async () => {
    const { page, problems, context } = await signInAsVera(DESKTOP);
    const offered = page.getByRole('region', { name: 'Ärenden som ingen har tagit' });
    await offered.getByRole('button', { name: 'Ta ärendet' }).click();
    await card(page, 'Fri Fiktiv').waitFor();
    expect((await view(ids.free)).assigneeId).not.toBeNull();

    // The service records the call, but its answer never reaches the browser.
    const keys = callKeys(page);
    await page.route('**/api/v1/cases/*/contacts', async (route) => {
      await route.fetch();
      await route.abort('connectionreset');
    }, { times: 1 });
    await card(page, 'Fri Fiktiv').getByRole('button', { name: 'Ring', exact: true }).click();
    await card(page, 'Fri Fiktiv').getByRole('button', { name: 'Nådd', exact: true }).click();
    await card(page, 'Fri Fiktiv').getByText(/Det gick inte att nå tjänsten/).waitFor();
    expect(await contactsOf(ids.free)).toHaveLength(1);
    await card(page, 'Fri Fiktiv').getByRole('button', { name: 'Nådd', exact: true }).click();
    await card(page, 'Fri Fiktiv').getByText(/Samtalet är sparat:/).waitFor();
    expect(await contactsOf(ids.free)).toHaveLength(1);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(await plan(page, 'Fri Fiktiv').innerText()).toMatch(/Personen är nådd/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('links a young person only after the routine\'s question is asked word for word and answered yes', async () => {
    const { page, problems, context } = await signInAsVera(PHONE);
    const young = card(page, 'Ung Fiktiv');
    await young.getByRole('button', { name: 'Länka till Stödcentrum' }).click();
    expect(await young.locator('blockquote').innerText()).toBe(ROUTINE_QUESTIONS['link-consent']!.sv);
    await young.getByRole('button', { name: 'Skicka länkningen' }).click();
    expect(await young.getByRole('alert').innerText()).toMatch(/Länkningen skickas bara om personen sa ja/);
    expect((await view(ids.young)).linkedTo).toBeUndefined();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'volunteer-link-consent-phone');
    await young.getByLabel('Ja, det är okej').check();
    await young.getByRole('button', { name: 'Skicka länkningen' }).click();
    await young.getByText(/Länkad till Stödcentrum för unga brottsutsatta/).waitFor();
    expect((await view(ids.young)).linkedTo).toMatchObject({ org: 'stodcentrum' });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the case page: history in words, the Police report number to copy, the full contact form and contact safety', async () => {
    const { page, problems, context } = await signInAsVera(PHONE);
    await card(page, 'Amira Fiktiv').getByRole('link', { name: 'Öppna ärendet: Amira Fiktiv' }).click();
    await page.getByRole('heading', { level: 1, name: /^Ärende: Misshandel/ }).waitFor();
    const history = page.getByTestId('history');
    expect(await history.innerText()).toMatch(/Ärendet togs emot[\s\S]*Från: Polisen[\s\S]*Stödperson tilldelad[\s\S]*Telefon: Inget svar[\s\S]*Telefon: Röstbrevlåda[\s\S]*Telefon: Inget svar/);

    await page.getByRole('button', { name: 'Kopiera numret' }).click();
    await page.getByText('✓ Diarienumret är kopierat').waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe('5000-K424242-25');

    await page.getByRole('button', { name: 'Ändra kontaktsäkerheten' }).click();
    await page.getByLabel('Ring bara vissa tider').check();
    await page.getByLabel('Från (TT:MM)').fill('18:00');
    await page.getByLabel('Till (TT:MM)').fill('20:00');
    await page.getByLabel('Om kontakten (valfri)').fill('Ring när partnern jobbar');
    await page.getByRole('button', { name: 'Spara kontaktsäkerheten' }).click();
    await page.getByTestId('contact-safety').getByText('Ring bara 18:00–20:00').waitFor();
    await history.getByText('Kontaktsäkerheten ändrades').waitFor();

    await page.getByLabel('Hur', { exact: true }).selectOption('meeting');
    expect(await page.getByLabel('Hur gick det?').isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Spara kontakten' }).click();
    await history.getByText('Möte: Nådd').waitFor();
    await page.getByTestId('contact-plan').getByText('Personen är nådd').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'volunteer-case-page-phone');
    await page.setViewportSize(DESKTOP);
    await screenshot(page, 'volunteer-case-page-desktop');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows an erased case\'s data as erased on the case page', async () => {
    const { page, problems, context } = await signInAsVera(DESKTOP);
    await card(page, 'Uppgifterna är raderade').getByRole('link', { name: /^Öppna ärendet/ }).click();
    await page.getByText('Uppgifterna är raderade. Ärendets fakta utan personuppgifter finns kvar.').waitFor();
    expect(await page.getByTestId('police-number').count()).toBe(0);
    expect(await page.getByTestId('history').innerText()).toMatch(/Personuppgifterna raderades[\s\S]*Skäl: Personen bad om det/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'volunteer-case-erased-desktop');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('The data has been erased. The facts of the case without personal data remain.').waitFor();
    expect(await page.getByTestId('history').innerText()).toMatch(/Case received[\s\S]*From: The Police[\s\S]*Personal data erased/);
    expect(problems).toEqual([]);
    await context.close();
  });
});
