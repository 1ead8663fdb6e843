import request from 'supertest';
import type { Browser, Page } from 'playwright-core';
import { syntheticPersonnummer } from '@referral/case/testing';
import { eventually } from '../support/eventually';
import { handOverCase } from '../support/handovers';
import { bearer, tokenFor } from '../support/tokens';
import { DESKTOP, launchBrowser, newPage, PHONE, screenshot, seriousAccessibilityViolations } from './support/browser';
import { demoSignIn, startWebService, type WebService } from './support/web-service';

type Headers = Record<string, string>;
/** The page refreshes every 15 s (and on focus); a new link shows within one refresh after its case opens. */
const ONE_REFRESH_AND_SOME = 40_000;

describe('Stödcentrum: incoming cases and links in the browser', () => {
  let service: WebService;
  let browser: Browser;
  const tokens: Record<string, Headers> = {};
  const http = () => request(service.app.getHttpServer());
  const row = (page: Page, name: string | RegExp) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });
  const history = async (caseId: string) => (await http().get(`/api/v1/cases/${caseId}`).set(tokens.staff!)).body.history as { type: string; channel?: string; outcome?: string; reason?: string }[];

  beforeAll(async () => {
    [service, browser] = await Promise.all([startWebService(), launchBrowser()]);
    tokens.police = bearer(await tokenFor('police-1', 'city', ['police-integration']));
    tokens.jour = bearer(await tokenFor('samordnare-vasterort', 'boj-vasterort', ['coordinator']));
    tokens.staff = bearer(await tokenFor('staff@stodcentrum', 'stodcentrum', ['staff']));
  });
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  /** A young person registered at a jour, then linked to Stödcentrum with consent, as a jour coordinator does it. */
  async function linkYoungPerson(): Promise<string> {
    const registered = await http().post('/api/v1/cases').set(tokens.jour!).send({
      source: 'self-referral',
      receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
      crime: { category: 'ran' },
      person: { role: 'victim', gender: 'male', givenName: 'Ung', familyName: 'Fiktiv', personalIdentityNumber: syntheticPersonnummer('2009-05-05', { form: 12 }) },
    });
    expect(registered.status).toBe(201);
    const linked = await http().post(`/api/v1/cases/${registered.body.caseId}/links`).set(tokens.jour!).send({ to: 'stodcentrum', consent: true });
    expect(linked.status).toBe(201);
    return linked.body.linkedTo.caseId as string;
  }

  it('shows a link arriving without reload, announced with the linking org; staff records a meeting and closes a case with a reason in words', async () => {
    const handedOver = await handOverCase(http, tokens.police!, {
      handedOverAt: new Date(Date.now() - 7_200_000).toISOString(),
      person: { personalIdentityNumber: syntheticPersonnummer('2010-03-03', { form: 12 }) },
    });
    const handedOverName = ((await http().get(`/api/v1/cases/${handedOver}`).set(tokens.staff!)).body.person as { givenName: string; familyName: string });
    const { page, problems, context } = await newPage(browser, DESKTOP);
    await demoSignIn(page, service.baseUrl, { org: 'stodcentrum', role: 'staff' });
    await page.waitForURL(/\/incoming$/);
    await page.getByRole('heading', { name: 'Inkommande', level: 1 }).waitFor();
    const first = row(page, `${handedOverName.givenName} ${handedOverName.familyName}`);
    await first.waitFor();
    expect(await first.getByText('Ingen handläggare').isVisible()).toBe(true);
    expect(await first.getByText('Polisen', { exact: true }).isVisible()).toBe(true);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    const linkedCaseId = await linkYoungPerson();
    const linked = row(page, /Ung Fiktiv/);
    await linked.waitFor({ timeout: ONE_REFRESH_AND_SOME });
    expect(page.url()).toMatch(/\/incoming$/);
    await linked.getByText('Länkad från Brottsofferjouren Västerort').waitFor();
    expect(await linked.getByText('av samordnare-vasterort').isVisible()).toBe(true);
    expect(await linked.getByText('Länkning', { exact: true }).isVisible()).toBe(true);
    expect(await linked.getByText('Ny', { exact: true }).isVisible()).toBe(true);
    expect(await linked.getByText('Ingen handläggare').isVisible()).toBe(true);
    await eventually(async () => (await page.getByTestId('announcer').textContent()) === '1 ny länkning från Brottsofferjouren Västerort', {
      what: 'the live region to announce the link',
    });
    expect(await linked.getByRole('link', { name: /Ung Fiktiv/ }).getAttribute('href')).toBe(`/cases/${linkedCaseId}`);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'incoming-desktop');

    await linked.getByRole('button', { name: /Registrera möte/ }).click();
    await linked.getByLabel('När var mötet?').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await linked.getByRole('button', { name: 'Spara mötet' }).click();
    await linked.getByText(/^Mötet .* är registrerat\.$/).waitFor();
    const meetings = (await history(linkedCaseId)).filter((h) => h.type === 'ContactRecorded');
    expect(meetings).toEqual([expect.objectContaining({ channel: 'meeting', outcome: 'reached' })]);

    await first.getByRole('button', { name: /^Avsluta/ }).click();
    await first.getByLabel('Varför avslutas ärendet?').selectOption({ label: 'Gick inte att nå' });
    await first.getByRole('button', { name: 'Avsluta ärendet' }).click();
    await first.getByRole('alert').getByText(/kan inte avslutas som ”Gick inte att nå” förrän 3 telefonförsök/).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'incoming-closing-refused-desktop');
    await first.getByLabel('Varför avslutas ärendet?').selectOption({ label: 'Stöd givet' });
    await first.getByRole('button', { name: 'Avsluta ärendet' }).click();
    await page.getByText(`Ärendet för ${handedOverName.givenName} ${handedOverName.familyName} är avslutat: Stöd givet.`).waitFor();
    await first.waitFor({ state: 'detached' });
    expect((await history(handedOver)).filter((h) => h.type === 'CaseClosed')).toEqual([expect.objectContaining({ reason: 'support-given' })]);
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);

  it('works on a phone and in English, with the link and the case without a case worker in words', async () => {
    await linkYoungPerson();
    const { page, problems, context } = await newPage(browser, PHONE);
    await demoSignIn(page, service.baseUrl, { org: 'stodcentrum', role: 'staff' });
    const linked = row(page, /Ung Fiktiv/).first();
    await linked.getByText('Länkad från Brottsofferjouren Västerort').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'incoming-phone');
    const width = (await page.evaluate('document.documentElement.scrollWidth')) as number;
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Incoming', level: 1 }).waitFor();
    await linked.getByText('Linked from Victim Support Västerort').waitFor();
    expect(await linked.getByText('No case worker').isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('is in the menu of a Stödcentrum coordinator too, and a row opens the case page', async () => {
    const { page, problems, context } = await newPage(browser, DESKTOP);
    await demoSignIn(page, service.baseUrl, { org: 'stodcentrum', role: 'coordinator' });
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Inkommande' }).click();
    await page.getByRole('heading', { name: 'Inkommande', level: 1 }).waitFor();
    const linked = row(page, /Ung Fiktiv/).first();
    await linked.getByRole('link', { name: /Ung Fiktiv/ }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
