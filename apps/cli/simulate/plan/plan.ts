import { calendarDateOf, shiftDate } from '@referral/case';
import { DEFAULT_SIMULATION_CONFIG, type SimulationConfig } from '../simulation-config';
import { ArrivalCalendar } from './calendar';
import { CaseWorkPlanner, type StepSink } from './case-work';
import { IntakePlanner, type PlannedIntake } from './intake';
import { People } from './people';
import { Places } from './places';
import type { PartyOrg, PlannedStep, SimulationPlan } from './plan-types';
import { Random } from './random';
import { SurveyAnswerPlanner } from './survey-answers';
import { datesBetween, stockholmDateOf, stockholmInstant } from './stockholm-clock';
import { planTrainings } from './trainings';
import { VolunteerRoster, coordinatorOf, type PeriodFrame } from './volunteer-roster';

export interface PlanOptions {
  readonly from: string;
  readonly to: string;
  readonly seed: number;
  readonly scale: number;
  readonly config?: SimulationConfig;
}

const PARTIES: readonly PartyOrg[] = ['stodcentrum', 'boj-stockholm-gotland', 'boj-sodra-stockholm', 'boj-vasterort'];

/**
 * Every request of a simulated period, in order: pure, and the same for the same options. Work
 * that would fall after the period's last day is left out (those cases are still open at its end).
 */
export function plan({ from, to, seed, scale, config = DEFAULT_SIMULATION_CONFIG }: PlanOptions): SimulationPlan {
  const days = datesBetween(from, to);
  const period: PeriodFrame = {
    from, to, days,
    startMs: stockholmInstant(calendarDateOf(from), 0),
    endMs: stockholmInstant(calendarDateOf(shiftDate(to, 1)), 0) - 1000,
  };
  const runTag = `${seed}-${from.replace(/-/g, '')}-${to.replace(/-/g, '')}-x${scale}`;
  const roster = new VolunteerRoster(new Random(seed, 'volunteers'), config, period, runTag);
  const dayIndex = new Map(days.map((day, i) => [day, i]));
  const steps: PlannedStep[] = [...roster.steps, ...planTrainings(new Random(seed, 'trainings'), config, period, roster.volunteers)];
  const surveys = new SurveyAnswerPlanner(new Random(seed, 'surveys'), config);
  const keep: StepSink = (step) => {
    if (step.atMs < period.startMs || step.atMs > period.endMs) return;
    steps.push({ ...step, day: dayIndex.get(stockholmDateOf(step.atMs))! } as PlannedStep);
  };
  const sink: StepSink = (step) => {
    keep(step);
    const answer = step.kind === 'close' && step.atMs <= period.endMs ? surveys.answerTo(step) : null;
    if (answer) keep(answer);
  };
  const random = new Random(seed, 'cases');
  const intake = new IntakePlanner(
    random, config, new ArrivalCalendar(random, config, days), new People(random, config), new Places(random, config), runTag,
  );
  const work = new CaseWorkPlanner(random, config, roster, sink);
  const yearShare = (days.length / 365) * scale;

  let index = 0;
  const nextKey = () => `c${(index += 1)}`;
  const follow = (arrival: PlannedIntake) => {
    sink(arrival.step);
    if (arrival.triage) {
      sink({ kind: 'resolve-triage', lane: arrival.step.lane, caseKey: arrival.step.caseKey, actor: coordinatorOf('city'), routeTo: arrival.triage.routeTo, atMs: arrival.triage.resolvedAtMs });
    }
    if (arrival.work) work.plan(arrival.work);
  };
  let stodcentrumHandovers = 0;
  let allHandovers = 0;
  for (const org of PARTIES) {
    const cases = Math.round(config.casesPerYear[org] * yearShare);
    const handovers = Math.round(cases * config.sources.handover);
    if (org === 'stodcentrum') stodcentrumHandovers = handovers;
    allHandovers += handovers;
    for (let n = 0; n < handovers; n += 1) follow(intake.routedHandover(nextKey(), org));
    for (let n = handovers; n < cases; n += 1) follow(intake.registered(nextKey(), org));
  }
  const triaged = Math.round(allHandovers * config.intake.triagePerHandover);
  for (let n = 0; n < triaged; n += 1) follow(intake.triagedHandover(nextKey()));
  const refused = Math.round(stodcentrumHandovers * config.intake.refusedUnder15PerStodcentrumHandover);
  for (let n = 0; n < refused; n += 1) follow(intake.refusedHandover(nextKey()));

  // A stable sort: steps at the same moment keep the order they were planned in.
  steps.sort((a, b) => a.atMs - b.atMs);
  surveys.score(steps);
  return { from, to, seed, scale, runTag, days, steps };
}
