import type { Member } from './scaled-shape';

interface Component {
  kind: string;
  name: string;
  lease?: 'held' | 'standby';
}

/**
 * Asks every worker's health every `everyMs` which leased components it holds, and keeps, per
 * component, the longest stretch in which no worker held it (a holder that died or was cut off
 * and the takeover), and how long two said they held it at once (harmless with fencing: the
 * one that lost its lease cannot write; shown for information).
 */
export class LeaseWatch {
  private readonly lastHeld = new Map<string, number>();
  readonly longestGapMs = new Map<string, number>();
  private readonly doubleSamples = new Map<string, number>();
  private readonly holderOf = new Map<string, string>();
  /** How often a component's lease moved from one worker to another. */
  takeovers = 0;
  private timer: NodeJS.Timeout | null = null;
  private started = 0;

  constructor(private readonly workers: () => Member[], private readonly everyMs = 500) {}

  start(): void {
    this.started = Date.now();
    const tick = async () => {
      await this.sample();
      if (this.timer) this.timer = setTimeout(() => void tick(), this.everyMs);
    };
    this.timer = setTimeout(() => void tick(), 0);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Whether every projection and reaction is held by some worker now (and the workers report any). */
  async allHeld(): Promise<boolean> {
    const holders = holderCounts(await Promise.all(this.workers().map(componentsOf)));
    return holders.size > 0 && [...holders.values()].every((n) => n >= 1);
  }

  /** Which worker holds the most leases now (the one to kill or cut off). */
  async busiest(): Promise<Member> {
    const held = await Promise.all(this.workers().map(async (w) => ({ w, n: (await componentsOf(w)).filter((c) => leased(c) && c.lease === 'held').length })));
    return held.sort((a, b) => b.n - a.n)[0]!.w;
  }

  get doubleHeldMs(): number {
    return Math.max(0, ...this.doubleSamples.values()) * this.everyMs;
  }

  private async sample(): Promise<void> {
    const now = Date.now();
    const workers = this.workers();
    const answers = await Promise.all(workers.map(componentsOf));
    const holders = holderCounts(answers);
    answers.forEach((components, i) => {
      for (const component of components.filter((c) => leased(c) && c.lease === 'held')) {
        const before = this.holderOf.get(component.name);
        if (before !== undefined && before !== workers[i]!.label) this.takeovers += 1;
        this.holderOf.set(component.name, workers[i]!.label);
      }
    });
    for (const [name, count] of holders) {
      if (count >= 1) this.lastHeld.set(name, now);
      if (count > 1) this.doubleSamples.set(name, (this.doubleSamples.get(name) ?? 0) + 1);
      const gap = now - (this.lastHeld.get(name) ?? this.started);
      this.longestGapMs.set(name, Math.max(this.longestGapMs.get(name) ?? 0, gap));
    }
  }
}

const leased = (component: Component) => component.kind === 'projection' || component.kind === 'reaction';

/** Per leased component, how many workers say they hold it. */
function holderCounts(answers: Component[][]): Map<string, number> {
  const holders = new Map<string, number>();
  for (const component of answers.flat().filter(leased)) {
    holders.set(component.name, (holders.get(component.name) ?? 0) + (component.lease === 'held' ? 1 : 0));
  }
  return holders;
}

async function componentsOf(worker: Member): Promise<Component[]> {
  if (!worker.process?.running) return [];
  try {
    const response = await fetch(`http://127.0.0.1:${worker.process.port}/api/v1/health`, { signal: AbortSignal.timeout(2_000) });
    return ((await response.json()) as { components?: Component[] }).components ?? [];
  } catch {
    return [];
  }
}
