import request from 'supertest';
import type { Browser, Page } from 'playwright-core';
import { handOverCase } from '../support/handovers';
import { bearer, tokenFor } from '../support/tokens';
import { DESKTOP, launchBrowser, newPage, PHONE, screenshot, seriousAccessibilityViolations } from './support/browser';
import { startWebService, type WebService } from './support/web-service';

type Headers = Record<string, string>;

describe('the satisfaction survey in the browser (no sign-in)', () => {
  let service: WebService;
  let browser: Browser;
  const tokens: Record<string, Headers> = {};
  const http = () => request(service.app.getHttpServer());

  beforeAll(async () => {
    [service, browser] = await Promise.all([startWebService(), launchBrowser()]);
    tokens.police = bearer(await tokenFor('police-1', 'city', ['police-integration']));
    tokens.coordinator = bearer(await tokenFor('coord-v', 'boj-vasterort', ['coordinator']));
  });
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  /** A jour case closed as support given, and its survey link as the case view shows it to the jour. */
  async function surveyLink(): Promise<{ caseId: string; link: string }> {
    const caseId = await handOverCase(http, tokens.police!, { handedOverAt: new Date(Date.now() - 86_400_000).toISOString() });
    expect((await http().post(`/api/v1/cases/${caseId}/closure`).set(tokens.coordinator!).send({ reason: 'support-given' })).status).toBe(200);
    const view = await http().get(`/api/v1/cases/${caseId}`).set(tokens.coordinator!);
    expect(view.body.survey).toEqual({ link: expect.stringMatching(/^\/survey\//), answered: false });
    return { caseId, link: view.body.survey.link as string };
  }
  const noSignInOrMenu = async (page: Page) => {
    expect(await page.getByRole('navigation').count()).toBe(0);
    expect(await page.getByRole('button', { name: /Logga (in|ut)/ }).count()).toBe(0);
    expect(await page.locator('main#main').count()).toBe(1);
  };
  const score = (page: Page, statement: string, value: number) =>
    page.getByRole('group', { name: statement }).getByRole('radio', { name: new RegExp(`^${value}\\b`) }).check();

  it('lets a person answer on a phone, thanks them, and says the link was used when it is opened again', async () => {
    const { caseId, link } = await surveyLink();
    const { page, problems, context } = await newPage(browser, PHONE);
    await page.goto(`${service.baseUrl}${link}`);
    await page.getByRole('heading', { name: 'Vad tyckte du om stödet?', level: 1 }).waitFor();
    await noSignInOrMenu(page);
    expect(await page.getByText('1 = stämmer inte alls, 5 = stämmer helt').isVisible()).toBe(true);
    expect(await page.getByRole('group').count()).toBe(4);
    expect(await page.getByText('Kommentaren visas inte tillsammans med ditt ärende', { exact: false }).isVisible()).toBe(true);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'survey-phone');
    expect((await page.evaluate('document.documentElement.scrollWidth')) as number).toBeLessThanOrEqual(PHONE.width);

    await page.getByRole('button', { name: 'Skicka svaren' }).click();
    await page.getByRole('alert').getByText('Välj en siffra för minst ett påstående innan du skickar.').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await score(page, 'Jag blev väl bemött', 5);
    await score(page, 'Jag fick den hjälp jag behövde', 4);
    await score(page, 'Jag skulle rekommendera stödet till andra', 2);
    await page.getByRole('button', { name: /^Ta bort mitt svar här\W+Jag skulle rekommendera stödet till andra$/ }).click();
    await page.getByLabel('Kommentar (frivilligt)').fill('Fiktiv kommentar från testet');
    await screenshot(page, 'survey-filled-phone');
    await page.getByRole('button', { name: 'Skicka svaren' }).click();
    await page.getByRole('heading', { name: 'Tack för dina svar!', level: 1 }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'survey-thanks-phone');
    expect((await http().get(`/api/v1/cases/${caseId}`).set(tokens.coordinator!)).body.survey).toEqual({ link, answered: true });

    // The same phone remembers it answered; another device hears it from the service (409).
    await page.reload();
    await page.getByRole('heading', { name: 'Enkäten är redan besvarad', level: 1 }).waitFor();
    const other = await newPage(browser, PHONE);
    await other.page.goto(`${service.baseUrl}${link}`);
    await score(other.page, 'Jag fick tydlig och saklig information', 3);
    await other.page.getByRole('button', { name: 'Skicka svaren' }).click();
    await other.page.getByRole('heading', { name: 'Enkäten är redan besvarad', level: 1 }).waitFor();
    expect(await other.page.getByText('varje länk kan bara användas en gång').isVisible()).toBe(true);
    expect(await seriousAccessibilityViolations(other.page)).toEqual([]);
    await screenshot(other.page, 'survey-used-phone');
    expect([...problems, ...other.problems]).toEqual([]);
    await Promise.all([context.close(), other.context.close()]);
  });

  it('says kindly that an unknown or mistyped link does not work, in Swedish and English, on a desktop too', async () => {
    const { page, problems, context } = await newPage(browser, DESKTOP);
    await page.goto(`${service.baseUrl}/survey/${'A'.repeat(43)}`);
    await page.getByRole('heading', { name: 'Vad tyckte du om stödet?', level: 1 }).waitFor();
    await noSignInOrMenu(page);
    await screenshot(page, 'survey-desktop');
    await score(page, 'Jag blev väl bemött', 4);
    await page.getByRole('button', { name: 'Skicka svaren' }).click();
    await page.getByRole('heading', { name: 'Länken fungerar inte', level: 1 }).waitFor();
    expect(await page.getByText('en länk gäller i 60 dagar', { exact: false }).isVisible()).toBe(true);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'survey-unknown-desktop');

    await page.goto(`${service.baseUrl}/survey/inte-en-riktig-lank`);
    await page.getByRole('heading', { name: 'Länken fungerar inte', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'The link does not work', level: 1 }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
