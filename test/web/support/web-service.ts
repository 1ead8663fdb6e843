import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import type { Clock } from '@referral/platform';
import { startEmbeddedService, type RunningService } from '../../support/app';

export interface WebService extends RunningService {
  baseUrl: string;
}

/** The whole embedded service listening on a free port, in demo mode unless told otherwise. */
export async function startWebService(options: { demo?: boolean; env?: Record<string, string>; clock?: Clock } = {}): Promise<WebService> {
  const service = await startEmbeddedService(options.env ?? {}, { http: { demo: options.demo ?? true }, clock: options.clock });
  await service.app.listen(0, '127.0.0.1');
  const { port } = service.app.getHttpServer().address() as AddressInfo;
  return { ...service, baseUrl: `http://127.0.0.1:${port}` };
}

/** Signs in through the demo page as a newcomer would: organisation, role, (volunteer,) button. */
export async function demoSignIn(page: Page, baseUrl: string, choice: { org: string; role: string; volunteer?: string }): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('Organisation').selectOption(choice.org);
  await page.getByLabel('Roll').selectOption(choice.role);
  if (choice.volunteer) await page.getByLabel('Välj stödperson').selectOption({ label: choice.volunteer });
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await page.getByRole('button', { name: 'Logga ut' }).waitFor();
  // A volunteer is greeted by name, not by their user id.
  if (choice.volunteer) await page.getByText(`Inloggad som ${choice.volunteer},`).waitFor();
}
