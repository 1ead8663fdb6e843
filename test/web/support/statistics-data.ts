import request from 'supertest';
import { syntheticPersonnummer } from '@referral/case/testing';
import { eventually } from '../../support/eventually';
import { handOverCase } from '../../support/handovers';
import { bearer, tokenFor } from '../../support/tokens';
import type { WebService } from './web-service';

/**
 * A few cases of the partnership year 2025/26 made through the public API, as the Police and the
 * parties would: Västerort an unlawful threat (reached on time) and a robbery, Stockholm-Gotland an
 * assault of a person who gives their own gender label, Stödcentrum a robbery of a 17-year-old;
 * Västerort's first case closed with support given and its survey answered. Waits until the report
 * counts them all.
 */
export async function seedPartnershipYear(service: WebService): Promise<void> {
  const http = () => request(service.app.getHttpServer());
  const police = bearer(await tokenFor('police-web', 'city', ['police-integration']));
  const vasterort = bearer(await tokenFor('coord-web-v', 'boj-vasterort', ['coordinator']));
  const analyst = bearer(await tokenFor('analyst-web', 'city', ['analyst']));

  const threat = await handOverCase(http, police, {
    handedOverAt: '2025-04-10T09:00:00+02:00', crime: { category: 'olaga-hot', flags: ['vald-i-nara-relation'] },
    area: { municipality: 'Stockholm', district: 'Bromma' },
  });
  await handOverCase(http, police, {
    handedOverAt: '2025-05-05T14:00:00+02:00', crime: { category: 'ran' }, area: { municipality: 'Stockholm', district: 'Bromma' }, person: { gender: 'male' },
  });
  await handOverCase(http, police, {
    handedOverAt: '2025-05-20T10:00:00+02:00', crime: { category: 'misshandel' }, area: { municipality: 'Stockholm', district: 'Kungsholmen' },
    person: { gender: 'other', genderLabel: 'IB' },
  });
  await handOverCase(http, police, {
    handedOverAt: '2025-05-21T10:00:00+02:00', crime: { category: 'ran' }, area: { municipality: 'Stockholm', district: 'Farsta' },
    person: { personalIdentityNumber: syntheticPersonnummer('2008-03-01', { form: 12 }), gender: 'male' },
  });

  const called = await http().post(`/api/v1/cases/${threat}/contacts`).set(vasterort).send({ channel: 'phone', outcome: 'reached', at: '2025-04-11T18:30:00+02:00' });
  expect(called.status).toBe(201);
  const closed = await http().post(`/api/v1/cases/${threat}/closure`).set(vasterort).send({ reason: 'support-given', at: '2025-04-20T10:00:00+02:00' });
  expect(closed.status).toBe(200);
  const token = (closed.body.survey.link as string).slice('/survey/'.length);
  const answered = await http().post(`/api/v1/surveys/${token}`).send({ scores: { bemotande: 5, information: 4, hjalp: 4, rekommendera: 5 } });
  expect(answered.status).toBe(201);

  await eventually(async () => {
    const report = await http().get('/api/v1/statistics/report?from=2025-04-01&to=2026-03-31').set(analyst);
    const parties = report.body.parties as { org: string; handledCases: { total: number }; satisfaction: { responses: number } }[];
    return report.body.total?.handledCases === 4 && parties[3]!.satisfaction.responses === 1;
  }, { what: 'the report to count the four cases and the survey answer', timeoutMs: 30_000 });
}
