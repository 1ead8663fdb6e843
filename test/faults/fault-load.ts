import { randomUUID } from 'node:crypto';
import { addLocalCalendarDays } from '@referral/case';
import { handoverBody } from '../support/handovers';
import { randomInt } from '../support/seeded-random';
import { sendUntilAnswered, type Outcome } from './resilient-client';

const DAY_MS = 86_400_000;
const GIVE_UP_MS = 90_000;
const DISTRICTS = ['Bromma', 'Södermalm', 'Norrmalm', 'Kungsholmen', 'Farsta'];

/** What the first-contact deadline of a case should see: a call in time, one typed in late but dated in time, or none. */
export type ContactPlan = 'in-time' | 'dated-in-time' | 'none' | 'after-due';

export interface SentHandover {
  handoverId: string;
  handedOverAt: string;
  /** The first-contact due instant the load chose (the oracle recomputes it from the event). */
  dueAt: number;
  plan: ContactPlan;
  outcome?: Outcome;
  caseId?: string;
  org?: string;
}

export interface SentContact {
  key: string;
  caseId: string;
  at: string;
  /** Sent twice at once with the same key (a double tap). */
  doubled: boolean;
  outcomes: Outcome[];
}

export interface LoadTokens {
  police: Record<string, string>;
  coordinatorOf(org: string): Record<string, string>;
}

/**
 * Handovers and calls against the running API processes for as long as it runs: `inFlight`
 * handovers at a time; a third fall due during the run (handed over three days ago), some long
 * ago (both deadlines passed at once), the rest later. Calls follow each case's plan. Every request
 * is sent until answered (see sendUntilAnswered), and everything sent is kept for the oracle.
 */
export class FaultLoad {
  readonly handovers: SentHandover[] = [];
  readonly contacts: SentContact[] = [];
  private running = false;
  private readonly work = new Set<Promise<void>>();

  constructor(
    private readonly targets: () => string[],
    private readonly tokens: LoadTokens,
    private readonly random: () => number,
    private readonly options: { inFlight: number; dueWithinMs: [number, number] },
  ) {}

  start(): void {
    this.running = true;
    for (let lane = 0; lane < this.options.inFlight; lane += 1) this.track(this.lane(lane));
  }

  /** Stops sending new handovers; resolves once every request under way (calls planned included) is answered or given up. */
  async stop(): Promise<void> {
    this.running = false;
    while (this.work.size > 0) await Promise.all([...this.work]);
  }

  /** When the last planned call will have been sent, at the latest. */
  get lastDueAt(): number {
    return Math.max(0, ...this.handovers.map((h) => h.dueAt).filter((due) => due < Date.now() + DAY_MS));
  }

  private track(work: Promise<void>): void {
    this.work.add(work);
    void work.finally(() => this.work.delete(work));
  }

  private async lane(lane: number): Promise<void> {
    while (this.running) {
      const sent = this.nextHandover();
      this.handovers.push(sent);
      const body = handoverBody({ handoverId: sent.handoverId, handedOverAt: sent.handedOverAt, area: { municipality: 'Stockholm', district: DISTRICTS[randomInt(this.random, 0, DISTRICTS.length - 1)] } });
      sent.outcome = await sendUntilAnswered(this.targets, '/handovers', { method: 'POST', headers: this.tokens.police, body }, GIVE_UP_MS, lane);
      const answer = sent.outcome.body as { caseId?: string; routedTo?: string } | null;
      if ((sent.outcome.status === 201 || sent.outcome.status === 200) && answer?.caseId && answer.routedTo) {
        sent.caseId = answer.caseId;
        sent.org = answer.routedTo;
        this.planContact(sent);
      }
    }
  }

  private nextHandover(): SentHandover {
    const now = Date.now();
    const kind = this.random();
    const [soonest, latest] = this.options.dueWithinMs;
    // Due during the run, long overdue (both deadlines passed: 15 days ago), or due in two days.
    const dueAt = kind < 0.4 ? now + randomInt(this.random, soonest, latest) : kind < 0.5 ? now - 12 * DAY_MS : now + 2 * DAY_MS;
    const handedOverAt = new Date(addLocalCalendarDays(dueAt, -3)).toISOString();
    const planned = this.random();
    const plan: ContactPlan = dueAt < now ? 'none' : planned < 0.35 ? 'in-time' : planned < 0.55 ? 'dated-in-time' : planned < 0.85 ? 'none' : 'after-due';
    return { handoverId: `faults-${randomUUID()}`, handedOverAt, dueAt, plan };
  }

  private planContact(sent: SentHandover): void {
    const now = Date.now();
    const near = sent.dueAt - now < DAY_MS;
    if (sent.plan === 'none' || !sent.caseId || !sent.org) return;
    if (sent.plan === 'in-time') {
      const sendAt = near ? now + Math.max(0, (sent.dueAt - now) * this.random() - 1_500) : now;
      this.track(this.callAt(sendAt, sent, () => new Date().toISOString()));
    } else if (near) {
      // After the due instant: dated 30 s before it (it meets the deadline; a breach recorded meanwhile is retracted), or dated now (it does not).
      const dated = sent.plan === 'dated-in-time' ? () => new Date(sent.dueAt - 30_000).toISOString() : () => new Date().toISOString();
      this.track(this.callAt(sent.dueAt + randomInt(this.random, 1_000, 4_000), sent, dated));
    }
  }

  private async callAt(sendAt: number, sent: SentHandover, at: () => string): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, sendAt - Date.now())));
    const contact: SentContact = { key: randomUUID(), caseId: sent.caseId!, at: at(), doubled: this.random() < 0.15, outcomes: [] };
    this.contacts.push(contact);
    const headers = { ...this.tokens.coordinatorOf(sent.org!), 'Idempotency-Key': contact.key };
    const send = () => sendUntilAnswered(this.targets, `/cases/${contact.caseId}/contacts`, {
      method: 'POST', headers, body: { channel: 'phone', outcome: 'no-answer', at: contact.at },
    }, GIVE_UP_MS, randomInt(this.random, 0, 1));
    contact.outcomes = await Promise.all(contact.doubled ? [send(), send()] : [send()]);
  }
}
