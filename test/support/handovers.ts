import type { Test } from 'supertest';
import { syntheticPersonnummer } from '@referral/case/testing';

let sequence = 0;

/** A valid Police handover for a fictional person; override any part. */
export function handoverBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  sequence += 1;
  const person = (overrides.person as Record<string, unknown> | undefined) ?? {};
  return {
    handoverId: `e2e-${process.pid}-${sequence}`,
    policeReportNumber: `5000-K${String(100000 + sequence)}-25`,
    handedOverAt: '2025-06-02T10:00:00+02:00',
    crime: { category: 'misshandel', flags: ['vald-i-nara-relation'] },
    area: { municipality: 'Stockholm', district: 'Bromma' },
    consent: { subject: true },
    ...overrides,
    person: {
      role: 'victim',
      gender: 'female',
      givenName: 'Testa',
      familyName: `Fiktiv${sequence}`,
      personalIdentityNumber: syntheticPersonnummer('1985-04-12', { form: 12 }),
      phone: '+46 70 000 00 00',
      ...person,
    },
  };
}

/** Sends a new handover (`handoverBody(overrides)`) as the Police and answers its case id; anything but 201 fails the test. */
export async function handOverCase(
  http: () => { post(path: string): Test },
  police: Record<string, string>,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const response = await http().post('/api/v1/handovers').set(police).send(handoverBody(overrides));
  expect(response.status).toBe(201);
  return response.body.caseId as string;
}
