import type { RebuildProgress } from './rebuild-progress';

/** One line for a terminal: `case_list g2 [#####.....]  50.0%  1200/2400 events  800/s  ETA 1s`. */
export function formatRebuildProgress(progress: RebuildProgress, width = 24): string {
  const fraction = Math.min(Math.max(progress.fraction, 0), 1);
  const filled = Math.round(fraction * width);
  const bar = '#'.repeat(filled) + '.'.repeat(width - filled);
  const percent = `${(fraction * 100).toFixed(1)}%`.padStart(6);
  const total = progress.eventsTotal === null ? '?' : String(progress.eventsTotal);
  const eta = progress.finished ? 'done' : `ETA ${formatDuration(progress.etaSeconds)}`;
  return (
    `${progress.projection} g${progress.generation} [${bar}] ${percent}  ` +
    `${progress.eventsDone}/${total} events  ${Math.round(progress.eventsPerSecond)}/s  ${eta}`
  );
}

/** `--` when unknown, else `45s`, `3m05s`, `2h07m`. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '--';
  const whole = Math.ceil(seconds);
  if (whole < 60) return `${whole}s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes}m${String(whole % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}
