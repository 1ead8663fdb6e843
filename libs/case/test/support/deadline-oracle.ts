/**
 * An oracle for the deadline rules, written apart from the library (its own calendar arithmetic,
 * its own evening test, its own bookkeeping), straight from the domain's definitions.
 */
const ZONE = 'Europe/Stockholm';
const iso = (ms: number) => new Date(ms).toISOString();

/** `YYYY-MM-DD HH:MM:SS` on the Stockholm wall clock. */
export const localOf = (ms: number): string => new Date(ms).toLocaleString('sv-SE', { timeZone: ZONE });

/** The same Stockholm wall-clock time `days` calendar days later (the oracle avoids 02:00-03:00). */
export function plusLocalDays(ms: number, days: number): number {
  const local = localOf(ms);
  const date = new Date(Date.parse(`${local.slice(0, 10)}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const wanted = `${date} ${local.slice(11)}`;
  const millis = String(ms % 1000).padStart(3, '0');
  const found = ['+01:00', '+02:00'].map((offset) => Date.parse(`${date}T${local.slice(11)}.${millis}${offset}`)).find((c) => localOf(c) === wanted);
  if (found === undefined) throw new Error(`no instant for ${wanted}`);
  return found;
}

const inEvening = (ms: number) => {
  const hour = Number(localOf(ms).slice(11, 13));
  return hour >= 18 && hour < 21;
};

export interface Action {
  readonly kind: 'check' | 'contact' | 'close';
  readonly when: { gap: number } | { rule: number; delta: number };
}

interface Contact {
  readonly at: number;
  readonly channel: string;
  readonly outcome: string;
}

export class Oracle {
  readonly events: string[] = [];
  private readonly contacts: Contact[] = [];
  private closedAt: number | null = null;
  private readonly recorded = [false, false];
  private readonly retracted = [false, false];

  constructor(private readonly received: number, private readonly due: readonly [number, number]) {}

  /** First contact: any contact except with another actor, by its `at`. */
  private firstMet(contacts: readonly Contact[]) {
    return contacts.some((c) => c.channel !== 'other-actor' && c.at <= this.due[0]);
  }

  private reach(contacts: readonly Contact[]) {
    const onTime = contacts.filter((c) => c.at <= this.due[1]);
    const calls = onTime.filter((c) => c.channel === 'phone');
    const evening = calls.filter((c) => inEvening(c.at)).length;
    const reached = onTime.some((c) => c.channel !== 'other-actor' && c.outcome === 'reached');
    return { met: reached || (calls.length >= 3 && evening >= 1), phone: calls.length, evening };
  }

  check(now: number): void {
    const closedBefore = (due: number) => this.closedAt !== null && this.closedAt <= due;
    const [firstDue, reachDue] = this.due;
    if (!this.recorded[0] && now > firstDue && !closedBefore(firstDue) && !this.firstMet(this.contacts)) {
      this.recorded[0] = true;
      this.events.push(`missed first-contact at ${iso(firstDue)} due ${iso(firstDue)} detected ${iso(now)}`);
    }
    const reach = this.reach(this.contacts);
    if (!this.recorded[1] && now > reachDue && !closedBefore(reachDue) && !reach.met) {
      this.recorded[1] = true;
      this.events.push(`missed reach-attempts at ${iso(reachDue)} due ${iso(reachDue)} detected ${iso(now)} ${reach.phone}/${reach.evening}`);
    }
  }

  /** Whether the contact is accepted (not on a closed case). */
  contact(contact: Contact, now: number): boolean {
    if (this.closedAt !== null || contact.at < this.received) return false;
    const before = [this.firstMet(this.contacts), this.reach(this.contacts).met];
    this.contacts.push(contact);
    const after = [this.firstMet(this.contacts), this.reach(this.contacts).met];
    (['first-contact', 'reach-attempts'] as const).forEach((rule, i) => {
      if (this.recorded[i] && !this.retracted[i] && !before[i] && after[i]) {
        this.retracted[i] = true;
        this.events.push(`retracted ${rule} due ${iso(this.due[i]!)} at ${iso(now)} met ${iso(contact.at)}`);
      }
    });
    return true;
  }

  close(at: number): boolean {
    if (this.closedAt !== null) return false;
    this.closedAt = at;
    return true;
  }
}
