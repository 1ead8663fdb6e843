import type { StatsCase } from './stats-case';

export const FIRST_CONTACT_FIGURES = ['first-contact-on-time', 'first-contact-late', 'first-contact-open'] as const;
export const REACH_FIGURES = ['reach-attempts-met', 'reach-attempts-breached'] as const;
export type SlaFigure = (typeof FIRST_CONTACT_FIGURES)[number] | (typeof REACH_FIGURES)[number];

/**
 * Which SLA figures a case (with its clock running) counts in:
 * - first contact (exactly one): on time when an interaction towards the person happened at or
 *   before the due instant; else late when a first-contact breach is recorded and not retracted;
 *   else open (not yet due, due but the breach not yet recorded, or closed before it fell due
 *   without a contact).
 * - reach attempts (at most one): met when the person was reached, or the phone attempts (with
 *   enough in the evening) were made, at or before the due instant; else breached when a
 *   reach-attempt breach is recorded and not retracted; else neither (still pending).
 */
export function slaFigures(record: StatsCase): SlaFigure[] {
  if (record.firstContactDue === null) return [];
  const figures: SlaFigure[] = [];
  const onTime = record.firstContactAt !== null && Date.parse(record.firstContactAt) <= Date.parse(record.firstContactDue);
  figures.push(onTime ? 'first-contact-on-time' : record.firstContactMissed ? 'first-contact-late' : 'first-contact-open');
  const met = record.reachedByDue || (record.phoneByDue >= record.phoneRequired && record.eveningByDue >= record.eveningRequired);
  if (met) figures.push('reach-attempts-met');
  else if (record.reachMissed) figures.push('reach-attempts-breached');
  return figures;
}
