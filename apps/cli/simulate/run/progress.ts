/** Where progress goes: a line rewritten in place on a terminal, plain lines every few seconds otherwise. */
export interface ProgressSink {
  update(state: ProgressState): void;
  done(): void;
}

export interface ProgressState {
  readonly daysDone: number;
  readonly daysTotal: number;
  readonly day: string;
  readonly stepsDone: number;
  readonly stepsTotal: number;
  readonly requests: number;
  readonly errors: number;
}

export const silentProgress: ProgressSink = { update() {}, done() {} };

export function stderrProgress(stream: NodeJS.WriteStream = process.stderr): ProgressSink {
  const startedAt = Date.now();
  let lastAt = 0;
  let lastLine = '';
  const tty = stream.isTTY === true;
  const line = (s: ProgressState) => {
    const seconds = (Date.now() - startedAt) / 1000;
    const rate = s.requests / Math.max(seconds, 0.001);
    const fraction = s.stepsTotal === 0 ? 1 : s.stepsDone / s.stepsTotal;
    const eta = fraction > 0 ? (seconds / fraction) * (1 - fraction) : NaN;
    return `simulate: day ${s.daysDone}/${s.daysTotal} (${s.day}) · ${s.requests} requests · ${rate.toFixed(0)}/s · ${Math.round(fraction * 100)}% · ETA ${duration(eta)}${s.errors ? ` · ${s.errors} errors` : ''}`;
  };
  return {
    update(state) {
      const now = Date.now();
      if (now - lastAt < (tty ? 200 : 5000)) return;
      lastAt = now;
      lastLine = line(state);
      stream.write(tty ? `\r${lastLine}\x1b[K` : `${lastLine}\n`);
    },
    done() {
      if (tty && lastLine) stream.write('\n');
    },
  };
}

export function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}
