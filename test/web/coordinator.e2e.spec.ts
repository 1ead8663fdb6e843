import type { Browser, Page } from 'playwright-core';
import { caseRef } from '../../apps/web/src/format/case-ref';
import { eventually } from '../support/eventually';
import { RunningClock } from '../support/running-clock';
import { DESKTOP, launchBrowser, newPage, PHONE, screenshot, seriousAccessibilityViolations } from './support/browser';
import { CoordinatorData } from './support/coordinator-data';
import { demoSignIn, startWebService, type WebService } from './support/web-service';

// The service's clock runs from this instant with the wall clock, so a deadline a few seconds
// ahead passes while the page is open; the browser's clock shows the same day.
const START = new Date('2025-06-10T08:00:00Z');

describe('a jour coordinator watches deadlines live and assigns by language', () => {
  const clock = new RunningClock(START);
  let service: WebService;
  let browser: Browser;
  let data: CoordinatorData;
  let page: Page;
  let problems: string[];
  let amal: string;
  let breachedCase: string;
  const streamRequests: (string | undefined)[] = [];
  const commands: { url: string; key: string | undefined }[] = [];

  beforeAll(async () => {
    [service, browser] = await Promise.all([startWebService({ clock }), launchBrowser()]);
    data = await new CoordinatorData(service, () => clock.now()).init();
    amal = await data.volunteer('Amal Haddad', ['sv', 'ar']);
    await data.volunteer('Bo Svensson', ['sv']);
    // Amal already has a case, so only the language puts her first.
    await data.assign(await data.caseDueIn(2 * 24 * 3_600_000), amal);
    ({ page, problems } = await newPage(browser, DESKTOP));
    await page.clock.setFixedTime(START);
    page.on('request', (r) => {
      if (r.url().endsWith('/api/v1/sla/stream')) streamRequests.push(r.headers()['last-event-id']);
      if (r.method() === 'POST' && r.url().includes('/api/v1/')) commands.push({ url: r.url(), key: r.headers()['idempotency-key'] });
    });
  });
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  const announcer = () => page.getByTestId('announcer');
  const status = () => page.getByTestId('stream-status');
  const row = (list: string, caseId: string) => page.getByRole('list', { name: list }).locator(`[data-case-id="${caseId}"]`);

  it('shows a breach live, without reload, and announces it', async () => {
    await demoSignIn(page, service.baseUrl, { org: 'boj-vasterort', role: 'coordinator' });
    await page.waitForURL(/\/deadlines$/);
    await status().getByText('Live').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    breachedCase = await data.caseDueIn(15_000, { person: { preferredLanguage: 'ar' } });
    const ref = caseRef(breachedCase);
    await row('Riskerar att missas', breachedCase).waitFor();
    await screenshot(page, 'coordinator-deadlines-at-risk-desktop');
    await row('Missade frister', breachedCase).waitFor({ timeout: 30_000 });
    await eventually(async () => (await announcer().textContent())?.includes(`Missad frist: första kontakt i ärende ${ref}`) || undefined);
    await page.getByTestId('recent-changes').getByText(`ärende ${ref}`).first().waitFor();
    await row('Riskerar att missas', breachedCase).waitFor({ state: 'detached' });
    expect(await page.getByRole('table').getByText('–').count()).toBeGreaterThan(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'coordinator-deadlines-desktop');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'coordinator-deadlines-phone');
    await page.setViewportSize(DESKTOP);
    expect(problems).toEqual([]);
  });

  it('assigns the volunteer who speaks the person\'s language, first among the suggestions', async () => {
    const breachRow = row('Missade frister', breachedCase);
    await breachRow.getByRole('button', { name: `Tilldela – Ärende ${caseRef(breachedCase)}` }).click();
    const suggestions = breachRow.locator('.suggestion');
    await suggestions.first().waitFor();
    expect(await suggestions.first().textContent()).toContain('Amal Haddad');
    expect(await suggestions.first().getByText('Talar arabiska').isVisible()).toBe(true);
    expect(await suggestions.nth(1).textContent()).toContain('Bo Svensson');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'coordinator-suggestions-desktop');

    await breachRow.getByRole('button', { name: 'Tilldela Amal Haddad' }).click();
    await breachRow.getByText('Stödperson: Amal Haddad').waitFor();
    await eventually(async () => (await announcer().textContent())?.includes('Ärendet är tilldelat Amal Haddad.') || undefined);
    expect((await data.getCase(breachedCase)).assigneeId).toBe(amal);

    await breachRow.getByRole('link', { name: `Ärende ${caseRef(breachedCase)}` }).click();
    await page.getByTestId('case-assignee').getByText('Tilldelad: Amal Haddad').waitFor();
    // Taken back, then given to her again, from the case page.
    await page.getByRole('button', { name: 'Byt stödperson' }).click();
    await page.getByRole('button', { name: 'Ta tillbaka ärendet' }).click();
    await page.getByTestId('case-assignee').getByText('Ingen stödperson tilldelad').waitFor();
    expect((await data.getCase(breachedCase)).assigneeId).toBeNull();
    await page.getByRole('button', { name: 'Tilldela stödperson' }).click();
    await page.getByRole('button', { name: 'Tilldela Amal Haddad' }).click();
    await page.getByTestId('case-assignee').getByText('Tilldelad: Amal Haddad').waitFor();
    await page.goBack();
    await status().getByText('Live').waitFor();
    expect(problems).toEqual([]);
  });

  it('resumes the stream after a dropped connection with Last-Event-ID and shows what changed meanwhile', async () => {
    // Something to resume from: an at-risk change of a new case.
    const atRisk = await data.caseDueIn(20 * 3_600_000);
    await row('Riskerar att missas', atRisk).waitFor();
    await page.getByTestId('recent-changes').getByText(`ärende ${caseRef(atRisk)}`).waitFor();
    await page.route('**/api/v1/sla/stream', (route) => route.abort());
    service.app.getHttpServer().closeAllConnections();
    await status().getByText('Återansluter …').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'coordinator-deadlines-reconnecting-desktop');

    // Missed while away: a case whose deadline has already passed is breached as it arrives.
    const missed = await data.caseDueIn(-60_000);
    await eventually(async () => (await data.breachedCaseIds()).includes(missed) || undefined);
    const before = streamRequests.length;
    await page.unroute('**/api/v1/sla/stream');
    await status().getByText('Live').waitFor({ timeout: 30_000 });
    await page.getByTestId('recent-changes').getByText(`Missad frist: första kontakt i ärende ${caseRef(missed)}`).waitFor();
    await row('Missade frister', missed).waitFor();
    const resumedWith = streamRequests.slice(before).filter((id) => id !== undefined);
    expect(resumedWith.length).toBeGreaterThan(0);
    expect(resumedWith[0]).toMatch(/^\d+$/);
    expect(problems).toEqual([]);
  });

  it('closes as unreachable with an override once the attempts rule refuses, then erases the data after a typed confirmation', async () => {
    // A deep link (a full load of the case page) shows the case, not a lasting "Hämtar …".
    await page.goto(`${service.baseUrl}/cases/${breachedCase}`);
    await page.getByRole('heading', { name: 'Åtgärder' }).waitFor();
    await page.getByLabel('Skäl', { exact: true }).selectOption('unreachable');
    await page.getByRole('button', { name: 'Avsluta ärendet' }).click();
    await page.getByText('Kontaktförsöken räcker inte än').waitFor();
    await page.getByRole('button', { name: 'Avsluta med undantag' }).click();
    await page.getByText('Skriv skälet till undantaget.').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'coordinator-close-override-desktop');
    await page.getByLabel('Skäl till undantaget').fill('Numret är ur bruk och personen har ingen annan kontaktväg');
    await page.getByRole('button', { name: 'Avsluta med undantag' }).click();
    await eventually(async () => (await data.getCase(breachedCase)).status === 'closed' || undefined);

    await page.getByRole('button', { name: 'Radera personuppgifter …' }).click();
    await page.getByText('Raderingen går inte att ångra').waitFor();
    await page.getByLabel('Skäl till raderingen').fill('Personen begärde radering');
    await page.getByLabel('Skriv RADERA för att bekräfta').fill('radera');
    await page.getByRole('button', { name: 'Radera för gott' }).click();
    await page.getByText('Skriv ordet RADERA med versaler.').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.setViewportSize(PHONE);
    await screenshot(page, 'coordinator-erase-confirm-phone');
    await page.setViewportSize(DESKTOP);
    expect((await data.getCase(breachedCase)).person.personalData).toBeUndefined();
    await page.getByLabel('Skriv RADERA för att bekräfta').fill('RADERA');
    await page.getByRole('button', { name: 'Radera för gott' }).click();
    await eventually(async () => (await data.getCase(breachedCase)).person.personalData === 'erased' || undefined);
    await page.getByRole('button', { name: 'Radera personuppgifter …' }).waitFor({ state: 'detached' });
    expect(problems).toEqual([]);
  });

  it('keeps the roster: registers a volunteer without basic training, changes languages, ends an assignment', async () => {
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Stödpersoner' }).click();
    const roster = page.getByRole('list', { name: 'Stödpersoner' });
    await roster.getByText('Amal Haddad').waitFor();
    expect(await roster.getByRole('listitem').filter({ hasText: 'Amal Haddad' }).getByText('Språk: svenska, arabiska').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Registrera stödperson' }).click();
    await page.getByRole('button', { name: 'Registrera', exact: true }).click();
    await page.getByText('Skriv stödpersonens namn.').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Namn', { exact: true }).fill('Cecilia Nord');
    await page.getByRole('group', { name: 'Språk' }).getByLabel('spanska').check();
    await page.getByLabel('Har inte gått grundutbildningen än').check();
    await page.getByRole('button', { name: 'Registrera', exact: true }).click();
    const cecilia = roster.getByRole('listitem').filter({ hasText: 'Cecilia Nord' });
    await cecilia.getByText('Grundutbildning saknas').waitFor();
    expect(await cecilia.getByText('Språk: svenska, spanska').isVisible()).toBe(true);

    const bo = roster.getByRole('listitem').filter({ hasText: 'Bo Svensson' });
    await bo.getByRole('button', { name: 'Ändra språk' }).click();
    await bo.getByLabel('finska').check();
    await bo.getByRole('button', { name: 'Spara språken' }).click();
    await bo.getByText('Språk: svenska, finska').waitFor();

    await cecilia.getByRole('button', { name: 'Avsluta uppdraget …' }).click();
    await cecilia.getByText('Avsluta uppdraget för Cecilia Nord?').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'coordinator-volunteers-desktop');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'coordinator-volunteers-phone');
    await page.setViewportSize(DESKTOP);
    await cecilia.getByRole('button', { name: 'Ja, avsluta uppdraget' }).click();
    await cecilia.getByText('Aktiv 10 juni 2025 – 10 juni 2025').waitFor();
    expect(problems).toEqual([]);
    // Every command the page sent carried an Idempotency-Key.
    expect(commands.length).toBeGreaterThanOrEqual(8);
    expect(commands.filter((c) => !c.key)).toEqual([]);
  });
});

describe('a city coordinator routes a triage case', () => {
  const clock = new RunningClock(START);
  let service: WebService;
  let browser: Browser;
  let data: CoordinatorData;

  beforeAll(async () => {
    [service, browser] = await Promise.all([startWebService({ clock }), launchBrowser()]);
    data = await new CoordinatorData(service, () => clock.now()).init();
  });
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('lists the queue oldest first, marks a long wait, and routes a case to the jour chosen by name', async () => {
    const waited = await data.handover({ handedOverAt: '2025-06-09T06:00:00Z', area: { municipality: 'Uppsala' } });
    const fresh = await data.handover({ handedOverAt: '2025-06-10T07:00:00Z', area: { municipality: 'Uppsala' } });
    const { page, problems } = await newPage(browser, PHONE);
    await page.clock.setFixedTime(START);
    await demoSignIn(page, service.baseUrl, { org: 'city', role: 'coordinator' });
    await page.waitForURL(/\/triage$/);
    const card = (caseId: string) => page.locator(`[data-case-id="${caseId}"]`);
    await card(fresh).getByText('Varför i triage: Ingen jour täcker området').waitFor();
    expect(await page.locator('[data-case-id]').evaluateAll((items) => items.map((i) => i.getAttribute('data-case-id')))).toEqual([waited, fresh]);
    await card(waited).getByText('Väntar för länge').waitFor();
    expect(await card(fresh).getByText('Väntar för länge').count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'triage-phone');
    await page.setViewportSize(DESKTOP);
    await screenshot(page, 'triage-desktop');

    expect(await card(fresh).getByText('Ålder vid mottagandet: 40 år (född 12 apr. 1985)').isVisible()).toBe(true);
    await card(fresh).getByRole('button', { name: `Skicka ärende ${caseRef(fresh)}` }).click();
    await card(fresh).getByText('Välj vem som ska ta emot ärendet.').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await card(fresh).getByLabel('Skicka till').selectOption({ label: 'Brottsofferjouren Västerort' });
    await card(fresh).getByRole('button', { name: `Skicka ärende ${caseRef(fresh)}` }).click();
    await card(fresh).waitFor({ state: 'detached' });
    await eventually(async () => (await page.getByTestId('announcer').textContent())?.includes(`Ärende ${caseRef(fresh)} är skickat till Brottsofferjouren Västerort.`) || undefined);
    const routed = await data.getCase(fresh, await data.as('coord-v', 'boj-vasterort', 'coordinator'));
    expect(routed).toMatchObject({ org: 'boj-vasterort', status: 'open' });
    expect(problems).toEqual([]);
  });

  it('shows Stödcentrum staff only what staff may do on a case: close, not assign or erase', async () => {
    const young = await data.handover({ person: { personalIdentityNumber: undefined, birthDate: '2010-02-03' }, consent: { subject: true, guardian: true } });
    const { page, problems } = await newPage(browser, DESKTOP);
    await page.clock.setFixedTime(START);
    await demoSignIn(page, service.baseUrl, { org: 'stodcentrum', role: 'staff' });
    await page.goto(`${service.baseUrl}/cases/${young}`);
    await page.getByRole('heading', { name: 'Åtgärder' }).waitFor();
    expect(await page.getByRole('button', { name: 'Avsluta ärendet' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: /Tilldela|Byt stödperson/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Radera personuppgifter …' }).count()).toBe(0);
    await page.getByLabel('Skäl', { exact: true }).selectOption('unreachable');
    await page.getByRole('button', { name: 'Avsluta ärendet' }).click();
    await page.getByText('Ett undantag kan bara en samordnare göra.', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Avsluta med undantag' }).count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
