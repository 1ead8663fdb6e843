import type { SimulationConfig } from '../simulation-config';
import { JOURS } from './places';
import type { PlannedStep } from './plan-types';
import type { Random } from './random';
import { coordinatorOf, type PeriodFrame, type RosterVolunteer } from './volunteer-roster';

const FURTHER_TOPICS = ['Våld i nära relation', 'Rättsprocessen', 'Brottsskadeersättning', 'Bemötande av unga', 'Hedersrelaterat våld', 'Samtalsmetodik'];

/**
 * The jours' training sessions of the period: per year `basicPerYear` basic sessions and
 * `furtherPerYear` further ones across the jours (round robin from a random jour), on random days,
 * each for some of the jour's volunteers active that day (a basic one for those who joined in the
 * period first). Sessions do not scale with `--scale`: a smaller demo has as many volunteers.
 */
export function planTrainings(random: Random, config: SimulationConfig, period: PeriodFrame, roster: readonly RosterVolunteer[]): PlannedStep[] {
  const { basicPerYear, furtherPerYear, participants } = config.trainings;
  const share = period.days.length / 365;
  const kinds = [
    ...Array.from({ length: Math.round(basicPerYear * share) }, () => 'basic' as const),
    ...Array.from({ length: Math.round(furtherPerYear * share) }, () => 'further' as const),
  ];
  let jour = random.int(0, JOURS.length - 1);
  const steps: PlannedStep[] = [];
  for (const kind of kinds) {
    const org = JOURS[(jour += 1) % JOURS.length]!;
    const day = random.int(0, period.days.length - 1);
    const on = period.days[day]!;
    const active = roster.filter((v) => v.org === org && v.activeFrom <= on && (v.activeUntil === null || v.activeUntil >= on));
    const joined = active.filter((v) => v.activeFrom >= period.from);
    const pool = kind === 'basic' && joined.length > 0 ? joined : active;
    if (pool.length === 0) continue;
    const chosen = pickSome(random, pool, random.int(Math.min(participants.from, pool.length), Math.min(participants.to, pool.length)));
    steps.push({
      kind: 'record-training', lane: 'volunteers', day, atMs: period.startMs + day * 86_400_000 + 17 * 3_600_000, org,
      actor: coordinatorOf(org),
      body: { kind, on, ...(kind === 'further' ? { topic: random.pick(FURTHER_TOPICS) } : {}) },
      participantKeys: chosen.map((v) => v.key),
    });
  }
  return steps;
}

function pickSome<T>(random: Random, items: readonly T[], count: number): T[] {
  const left = [...items];
  const chosen: T[] = [];
  while (chosen.length < count) chosen.push(left.splice(random.int(0, left.length - 1), 1)[0]!);
  return chosen;
}
