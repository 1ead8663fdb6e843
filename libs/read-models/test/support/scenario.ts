/**
 * Commands for read-model specs: fictional people with valid-looking personal identity numbers
 * (serials 97x, check digit computed by the case library's test helper), built on its fixtures.
 */
import type { AssignVolunteer, OrgId, PersonInput, ReceiveHandover, RecordContact, RegisterVolunteer } from '@referral/case';
// libs/case/testing has no index yet, so the alias `@referral/case/testing` does not resolve.
import { receiveHandover } from '../../../case/testing/case-fixtures';
import { syntheticPersonnummer } from '../../../case/testing/synthetic-personnummer';

/** The instant every command is issued at and lists are judged at, unless a spec says otherwise. */
export const NOW = '2025-06-10T10:00:00.000Z';

export type Placement = 'vasterort' | 'sodra' | 'stodcentrum' | 'triage';

const AREA: Record<Placement, { municipality: string; district?: string }> = {
  vasterort: { municipality: 'Stockholm', district: 'Bromma' },
  sodra: { municipality: 'Stockholm', district: 'Farsta' },
  stodcentrum: { municipality: 'Stockholm', district: 'Bromma' },
  triage: { municipality: 'Uppsala' },
};

export function fictionalPerson(placement: Placement, serial = '971'): PersonInput {
  const birthDate = placement === 'stodcentrum' ? '2009-04-03' : '1984-11-23';
  return {
    role: 'victim',
    gender: 'female',
    givenName: 'Fiktiva',
    familyName: 'Exempelsson',
    birthDate,
    personalIdentityNumber: syntheticPersonnummer(birthDate, { serial }),
    phone: '070-000 00 01',
    email: 'fiktiva@example.invalid',
  };
}

/** A handover of `caseId`, received at `handedOverAt`, routed as `placement` says. */
export function handoverOf(caseId: string, handedOverAt: string, placement: Placement, note?: string): ReceiveHandover {
  const person = fictionalPerson(placement);
  const consent = placement === 'stodcentrum' ? { subject: true, guardian: true } : { subject: true };
  return receiveHandover(
    { handoverId: `ho-${caseId}`, handedOverAt, area: AREA[placement], consent, person, ...(note ? { note } : {}) },
    { caseId, now: NOW },
  );
}

export const registerVolunteer = (volunteerId: string, org: OrgId, changes: Partial<RegisterVolunteer> = {}): RegisterVolunteer => ({
  type: 'RegisterVolunteer',
  volunteerId,
  org,
  displayName: `Stödperson ${volunteerId}`,
  gender: 'female',
  activeFrom: '2024-09-01',
  at: NOW,
  by: 'coordinator-1',
  ...changes,
});

export const assign = (caseId: string, volunteerId: string, org: OrgId = 'boj-vasterort'): AssignVolunteer => ({
  type: 'AssignVolunteer',
  caseId,
  volunteer: { id: volunteerId, org, active: true, basicTrainingPassed: true },
  at: NOW,
  by: 'coordinator-1',
});

/** A contact recorded at NOW that happened at `at`: an unanswered phone call unless `changes` say otherwise. */
export const contactOf = (caseId: string, at: string, changes: Partial<RecordContact> = {}): RecordContact => ({
  type: 'RecordContact', caseId, channel: 'phone', outcome: 'no-answer', at, now: NOW, ...changes,
});
