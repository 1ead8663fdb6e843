import type { Actor, PartyOrg, PlannedStep, SimulationPlan } from '../plan/plan-types';
import { coordinatorOf } from '../plan/volunteer-roster';
import { registeredCaseMark, type AlreadyPresent } from './already-present';
import type { ProgressSink } from './progress';
import type { ServiceAnswer, ServiceClient } from './service-client';
import { Lanes } from './lanes';
import { countInto, emptyTally, type Tally } from './tally';

export interface ExecuteOptions {
  readonly client: ServiceClient;
  /** Cases worked side by side; the steps of one case always go one after another. */
  readonly concurrency: number;
  readonly progress: ProgressSink;
  readonly alreadyPresent: AlreadyPresent;
}

const POLICE: Actor = { org: 'city', roles: ['police-integration'], sub: 'polisen-direktformedling' };
const MAX_ERROR_SAMPLES = 20;

/** How many case steps may wait to start beyond those running: how far the days run ahead. */
const LOOKAHEAD_PER_SLOT = 4;

/**
 * Sends the plan day by day: the day's new volunteers and trainings first, then every case's
 * steps of the day. Cases go side by side and each case's steps in order; a case does not wait
 * for the other cases of its day, so the next days' cases start while a day's last ones are still
 * at work (a day's volunteers are registered before any case step of that day is sent). Once
 * every case step is done, the volunteers who left (the plan has them leave on its last day).
 * Ids come from the service's answers and are mapped by the plan's keys.
 */
export async function executePlan(plan: SimulationPlan, options: ExecuteOptions): Promise<Tally> {
  const run = new PlanRun(options);
  const byDay = plan.days.map(() => [] as PlannedStep[]);
  for (const step of plan.steps) byDay[step.day]!.push(step);
  const lanes = new Lanes(options.concurrency);
  const unfinished = byDay.map((steps) => steps.filter((s) => s.lane !== 'volunteers').length);
  let started = 0;
  const dayDone = () => {
    while (run.daysDone < started && unfinished[run.daysDone] === 0) run.daysDone += 1;
  };
  for (let day = 0; day < plan.days.length; day += 1) {
    const steps = byDay[day]!;
    started = day;
    for (const step of steps.filter((s) => s.kind === 'register-volunteer')) await run.step(step);
    for (const step of steps.filter((s) => s.kind === 'record-training')) await run.step(step);
    for (const step of steps) {
      if (step.lane === 'volunteers') continue;
      lanes.add(step.lane, async () => {
        await run.step(step);
        unfinished[day] -= 1;
        dayDone();
        run.report(plan, run.daysDone);
      });
    }
    dayDone();
    await lanes.pendingAtMost(options.concurrency * LOOKAHEAD_PER_SLOT);
  }
  await lanes.idle();
  for (const step of plan.steps.filter((s) => s.kind === 'deactivate-volunteer')) await run.step(step);
  run.daysDone = plan.days.length;
  if (plan.days.length > 0) run.report(plan, plan.days.length - 1);
  options.progress.done();
  return run.tally;
}

class PlanRun {
  readonly tally: Tally = emptyTally();
  daysDone = 0;
  private stepsDone = 0;
  private readonly caseIds = new Map<string, string>();
  private readonly volunteerIds = new Map<string, string>();
  /** The survey token each closing answered (null: none), by case key. */
  private readonly surveyTokens = new Map<string, string | null>();
  private readonly presentBefore = new Set<string>();

  constructor(private readonly options: ExecuteOptions) {}

  report(plan: SimulationPlan, day: number): void {
    this.tally.requests = this.options.client.requests;
    this.options.progress.update({
      daysDone: this.daysDone, daysTotal: plan.days.length, day: plan.days[day]!,
      stepsDone: this.stepsDone, stepsTotal: plan.steps.length, requests: this.tally.requests, errors: this.tally.errors,
    });
  }

  async step(step: PlannedStep): Promise<void> {
    this.stepsDone += 1;
    try {
      await this.send(step);
    } catch (error) {
      this.error(`${step.kind} ${'caseKey' in step ? step.caseKey : 'volunteerKey' in step ? step.volunteerKey : step.org}: ${(error as Error).message}`);
    } finally {
      this.tally.requests = this.options.client.requests;
    }
  }

  private async send(step: PlannedStep): Promise<void> {
    const { tally } = this;
    switch (step.kind) {
      case 'register-volunteer': {
        const known = this.options.alreadyPresent.volunteerIdByUserId.get(step.body.userId as string);
        if (known) {
          this.volunteerIds.set(step.volunteerKey, known);
          this.presentBefore.add(step.volunteerKey);
          tally.volunteers.alreadyPresent += 1;
          return;
        }
        const answer = await this.post(`/orgs/${step.org}/volunteers`, coordinatorOf(step.org), step.body);
        if (answer) {
          this.volunteerIds.set(step.volunteerKey, answer.body.volunteerId);
          tally.volunteers.registered += 1;
        }
        return;
      }
      case 'record-training': {
        // No list of sessions to look in: a session is taken as recorded by the earlier run that
        // registered its participants (trainings are sent right after the day's registrations).
        if (step.participantKeys.every((key) => this.presentBefore.has(key))) {
          tally.trainings.alreadyPresent += 1;
          return;
        }
        const participants = step.participantKeys.map((key) => this.volunteerIds.get(key));
        if (participants.some((id) => id === undefined)) {
          tally.skipped.afterError += 1;
          return;
        }
        if (await this.post(`/orgs/${step.org}/trainings`, step.actor, { ...step.body, participants })) tally.trainings[step.body.kind] += 1;
        return;
      }
      case 'deactivate-volunteer': {
        const id = this.volunteerIds.get(step.volunteerKey);
        if (this.presentBefore.has(step.volunteerKey) || !id) return;
        if (await this.post(`/orgs/${step.org}/volunteers/${id}/deactivation`, coordinatorOf(step.org), step.body)) tally.volunteers.deactivated += 1;
        return;
      }
      case 'handover':
        return this.handover(step);
      case 'register-case': {
        if (this.options.alreadyPresent.registeredCaseAt.has(registeredCaseMark(step.actor.org, step.body.receivedAt as string))) {
          this.presentBefore.add(step.lane);
          tally.registeredCases.alreadyPresent += 1;
          return;
        }
        const answer = await this.post('/cases', step.actor, step.body);
        if (!answer) return;
        this.caseIds.set(step.caseKey, answer.body.caseId);
        tally.registeredCases.created += 1;
        tally.casesByOrg[answer.body.routedTo as PartyOrg] += 1;
        return;
      }
    }
    const caseId = this.caseIds.get(step.caseKey);
    if (this.presentBefore.has(step.lane)) {
      tally.skipped.alreadyPresent += 1;
      return;
    }
    if (!caseId) {
      tally.skipped.afterError += 1;
      return;
    }
    switch (step.kind) {
      case 'resolve-triage':
        if (await this.post(`/cases/${caseId}/triage`, step.actor, { routeTo: step.routeTo })) {
          tally.triage.resolved += 1;
          tally.casesByOrg.triage -= 1;
          tally.casesByOrg[step.routeTo] += 1;
        }
        return;
      case 'assign': {
        const volunteerId = this.volunteerIds.get(step.volunteerKey);
        if (!volunteerId) {
          tally.skipped.afterError += 1;
          return;
        }
        if (await this.post(`/cases/${caseId}/assignment`, step.actor, { volunteerId })) tally.assignments += 1;
        return;
      }
      case 'contact':
        if (await this.post(`/cases/${caseId}/contacts`, step.actor, step.body)) {
          tally.contacts.total += 1;
          if (step.evening) tally.contacts.evening += 1;
          countInto(tally.contacts.byChannel, step.body.channel);
          countInto(tally.contacts.byOutcome, step.body.outcome);
        }
        return;
      case 'link': {
        const answer = await this.post(`/cases/${caseId}/links`, step.actor, step.body);
        const linkedId = answer?.body?.linkedTo?.caseId as string | undefined;
        if (!answer) return;
        if (!linkedId) {
          this.error(`link ${step.caseKey}: the answer names no linkedTo.caseId`);
          return;
        }
        this.caseIds.set(step.linkedCaseKey, linkedId);
        tally.casesByOrg[step.body.to] += 1;
        if (step.body.to === 'stodcentrum') tally.links.jourToStodcentrum += 1;
        else tally.links.stodcentrumToJour += 1;
        return;
      }
      case 'close': {
        const answer = await this.post(`/cases/${caseId}/closure`, step.actor, step.body);
        if (!answer) return;
        countInto(tally.closures.byReason, step.body.reason);
        if (step.body.override) tally.closures.overrides += 1;
        const link = answer.body?.survey?.link as string | undefined;
        this.surveyTokens.set(step.caseKey, link?.startsWith('/survey/') ? link.slice('/survey/'.length) : null);
        return;
      }
      case 'answer-survey': {
        const token = this.surveyTokens.get(step.caseKey);
        if (token === undefined) {
          tally.skipped.afterError += 1;
          return;
        }
        if (token === null) {
          this.error(`answer-survey ${step.caseKey}: the closing answered no survey link`);
          return;
        }
        if (await this.post(`/surveys/${token}`, step.actor, step.body)) tally.surveyAnswers += 1;
        return;
      }
    }
  }

  private async handover(step: Extract<PlannedStep, { kind: 'handover' }>): Promise<void> {
    const { tally } = this;
    const answer = await this.options.client.send('POST', '/handovers', POLICE, step.body);
    if (step.expected === 'refused') {
      if (answer.status === 422 && answer.body?.error === 'consent-required') tally.handovers.refused += 1;
      else this.unexpected('POST', '/handovers', POLICE, answer, '422 consent-required');
      return;
    }
    if (answer.status === 200) {
      this.presentBefore.add(step.lane);
      tally.handovers.alreadyPresent += 1;
      return;
    }
    if (answer.status !== 201) {
      this.unexpected('POST', '/handovers', POLICE, answer);
      return;
    }
    const routedTo = answer.body.routedTo as PartyOrg | 'triage';
    this.caseIds.set(step.caseKey, answer.body.caseId);
    tally.handovers.created += 1;
    tally.casesByOrg[routedTo] += 1;
    if (routedTo === 'triage') tally.triage.routed += 1;
    if (routedTo !== step.expected) this.error(`handover ${step.body.handoverId} was routed to ${routedTo}, planned ${step.expected}`);
  }

  /** A POST that must answer 2xx: the answer, or null after counting the error. */
  private async post(path: string, actor: Actor, body: unknown): Promise<ServiceAnswer | null> {
    const answer = await this.options.client.send('POST', path, actor, body);
    if (answer.status >= 200 && answer.status < 300) return answer;
    this.unexpected('POST', path, actor, answer);
    return null;
  }

  private unexpected(method: string, path: string, actor: Actor, answer: ServiceAnswer, expected = '2xx'): void {
    this.error(`${method} ${path} as ${actor.sub}: ${answer.status} (expected ${expected}) ${JSON.stringify(answer.body).slice(0, 300)}`);
  }

  private error(message: string): void {
    this.tally.errors += 1;
    if (this.tally.errorSamples.length < MAX_ERROR_SAMPLES) this.tally.errorSamples.push(message);
  }
}
