import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, PHONE, screenshot, seriousAccessibilityViolations } from './support/browser';
import { demoSignIn, startWebService, type WebService } from './support/web-service';

describe('signing in to the web app in demo mode', () => {
  let service: WebService;
  let browser: Browser;
  beforeAll(async () => {
    [service, browser] = await Promise.all([startWebService(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('offers the demo sign-in in Swedish, accessible, on a phone', async () => {
    const { page, problems, context } = await newPage(browser, PHONE);
    await page.goto(`${service.baseUrl}/`);
    await page.getByRole('heading', { name: 'Logga in' }).waitFor();
    expect(await page.getByText('Demoläge').isVisible()).toBe(true);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'sign-in-phone');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('signs a coordinator in to their org, keeps the token out of the address, and switches to English', async () => {
    const { page, problems, context } = await newPage(browser);
    await demoSignIn(page, service.baseUrl, { org: 'boj-vasterort', role: 'coordinator' });
    await page.waitForURL(/\/deadlines$/);
    expect(page.url()).not.toMatch(/token|eyJ/);
    expect(await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Stödpersoner' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
