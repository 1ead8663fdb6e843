import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { eventually } from '../support/eventually';
import { SettableClock } from '../support/settable-clock';
import { DESKTOP, launchBrowser, newPage, PHONE, screenshot, seriousAccessibilityViolations } from './support/browser';
import { seedPartnershipYear } from './support/statistics-data';
import { demoSignIn, startWebService, type WebService } from './support/web-service';

/** Signs in as the city's analyst and picks the partnership year 2025/26. */
async function openPartnershipYear(page: Page, service: WebService): Promise<void> {
  await demoSignIn(page, service.baseUrl, { org: 'city', role: 'analyst' });
  await page.waitForURL(/\/statistics$/);
  await page.getByLabel('Typ av period').selectOption('partnership-year');
  await page.getByLabel('Verksamhetsår', { exact: true }).selectOption('2025');
  await page.getByText('Perioden 1 apr. 2025 – 31 mars 2026, jämförd med 1 apr. 2024 – 31 mars 2025.').waitFor();
}

/** The party's figure table as text, row by row: `[row header, ...cells]`. */
async function figureRows(page: Page, party: string): Promise<string[][]> {
  const section = page.getByRole('region', { name: party, exact: true });
  return section.getByRole('table').first().locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? '')));
}

/** How many pixels of each chart canvas are painted (a blank canvas has none). */
function paintedPixels(page: Page): Promise<number[]> {
  // This file compiles without the DOM library; the shape of a canvas the callback uses, in the page.
  type Canvas = { width: number; height: number; getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } };
  return page.locator('canvas').evaluateAll((canvases) => (canvases as unknown as Canvas[]).map((canvas) => {
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted += 1;
    return painted;
  }));
}

// Service, browser and seeded data on a machine shared with other suites: more than the tier's 60 s default.
jest.setTimeout(120_000);

describe('statistics in the browser (analyst)', () => {
  let service: WebService;
  let browser: Browser;
  const clock = new SettableClock(new Date('2025-06-10T08:00:00Z'));
  beforeAll(async () => {
    [service, browser] = await Promise.all([startWebService({ clock }), launchBrowser()]);
    await seedPartnershipYear(service);
  });
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('shows the partnership year as tables in words, a dash for Stödcentrum\'s support persons, and the four charts', async () => {
    const { page, problems, context } = await newPage(browser, DESKTOP);
    await openPartnershipYear(page, service);

    const vasterort = await figureRows(page, 'Brottsofferjouren Västerort');
    expect(vasterort[0]).toEqual(['Hanterade ärenden', '2', '1', '1', '0', '0', '–']);
    const stodcentrum = await figureRows(page, 'Stödcentrum för unga brottsutsatta');
    expect(stodcentrum.find((row) => row[0] === 'Stödpersoner')).toEqual(['Stödpersoner', '–', '–', '–', '–', '–', '–']);
    const crimeTypes = page.getByRole('region', { name: 'Brottsofferjouren Västerort: ärenden per brottstyp' });
    expect(await crimeTypes.locator('tbody th').allTextContents()).toEqual(['Olaga hot', 'Rån']);
    const main = (await page.getByRole('main').textContent()) ?? '';
    for (const code of ['olaga-hot', 'boj-vasterort', 'handledCases', 'unknown']) expect(main).not.toContain(code);
    expect(main).toContain('IB');

    await page.getByRole('heading', { name: 'Ärenden per månad och part' }).waitFor();
    expect(await page.getByRole('img').count()).toBe(4);
    expect((await paintedPixels(page)).every((n) => n > 500)).toBe(true);
    expect(await page.getByText('4 ärenden under perioden, flest i maj 2025 (3).', { exact: false }).isVisible()).toBe(true);

    const casesFigure = page.getByRole('figure', { name: 'Ärenden per månad och part' });
    await casesFigure.getByText('Visa som tabell').click();
    const may = casesFigure.getByRole('row', { name: /^maj 2025/ });
    expect(await may.locator('td').allTextContents()).toEqual(['1', '1', '0', '1', '3']);

    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'statistics-desktop');
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'statistics-print');
    expect(await page.getByRole('button', { name: 'Skriv ut' }).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('downloads the CSV of the chosen period, named by it, fetched with the token and not through a token in the address', async () => {
    const { page, problems, context } = await newPage(browser, DESKTOP);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await openPartnershipYear(page, service);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ladda ner CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('referral-statistik-2025-04-01--2026-03-31.csv');
    const lines = readFileSync((await download.path())!, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^org,from,to,handledCases,handledCases\.K,handledCases\.M,handledCases\.IB,/);
    const header = lines[0]!.split(',');
    const vasterort = lines.find((line) => line.startsWith('boj-vasterort,'))!.split(',');
    expect([vasterort[1], vasterort[2], vasterort[header.indexOf('handledCases')], vasterort[header.indexOf('crimeType.olaga-hot')]])
      .toEqual(['2025-04-01', '2026-03-31', '2', '1']);
    expect(lines.at(-1)).toMatch(/^total,2025-04-01,2026-03-31,4,/);
    expect(requests.filter((url) => /eyJ|[?&](access_)?token=/i.test(url))).toEqual([]);
    await eventually(async () => (await page.getByTestId('announcer').textContent())?.includes('referral-statistik-2025-04-01--2026-03-31.csv'),
      { what: 'the download to be announced' });

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Figures per party' }).waitFor();
    const crimeTypes = page.getByRole('region', { name: 'Victim Support Västerort: cases by crime type' });
    expect(await crimeTypes.locator('tbody th').allTextContents()).toEqual(['Unlawful threat', 'Robbery']);
    expect(await page.getByRole('region', { name: 'Victim Support Västerort: figures by gender, previous period and change' })
      .locator('thead th').allTextContents()).toEqual(['Figure', 'Total', 'Women', 'Men', 'IB', 'Previous period', 'Change']);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('on a phone: picks a quarter, says in words what is wrong with a reversed custom range, accessible', async () => {
    const { page, problems, context } = await newPage(browser, PHONE);
    await openPartnershipYear(page, service);
    await page.getByLabel('Typ av period').selectOption('quarter');
    await page.getByLabel('År', { exact: true }).selectOption('2025');
    await page.getByLabel('Kvartal', { exact: true }).selectOption('2');
    await page.getByText('Perioden 1 apr. 2025 – 30 juni 2025, jämförd med 1 jan. 2025 – 31 mars 2025.').waitFor();
    await page.getByRole('heading', { name: 'Andel första kontakter i tid per månad' }).waitFor();
    expect(await page.getByRole('img').count()).toBe(4);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'statistics-phone');

    await page.getByLabel('Typ av period').selectOption('custom');
    await page.getByLabel('Från och med').fill('2025-05-01');
    await page.getByLabel('Till och med').fill('2025-04-01');
    const error = page.getByRole('alert').filter({ hasText: 'Slutdatumet kan inte vara före startdatumet.' });
    await error.waitFor();
    expect(await page.getByLabel('Till och med').getAttribute('aria-invalid')).toBe('true');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'statistics-phone-custom-error');
    await page.getByLabel('Till och med').fill('2025-05-31');
    await page.getByText('Perioden 1 maj 2025 – 31 maj 2025, jämförd med 1 apr. 2025 – 30 apr. 2025.').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
