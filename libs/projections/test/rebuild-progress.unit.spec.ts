import { RebuildProgressTracker } from '../src/rebuild-progress';
import { formatDuration, formatRebuildProgress } from '../src/progress-bar';

describe('RebuildProgressTracker', () => {
  it('reports done, total, rate and time left from committed batches', () => {
    let now = 0;
    const tracker = new RebuildProgressTracker('case_list', 2, null, () => now);
    tracker.setHead(1000n);
    now = 2000;
    tracker.record(250n, 250);
    expect(tracker.snapshot()).toEqual({
      projection: 'case_list',
      generation: 2,
      eventsDone: 250,
      eventsTotal: 1000,
      position: 250n,
      headPosition: 1000n,
      fraction: 0.25,
      eventsPerSecond: 125,
      etaSeconds: 6,
      finished: false,
    });
  });

  it('extrapolates the total from the density of positions, also when resuming', () => {
    let now = 0;
    const tracker = new RebuildProgressTracker('p', 3, 100n, () => now);
    tracker.setHead(500n);
    now = 1000;
    tracker.record(300n, 100); // one event per two positions
    const progress = tracker.snapshot();
    expect(progress.eventsTotal).toBe(200);
    expect(progress.fraction).toBeCloseTo(0.6);
  });

  it('raises the head when events arrive beyond it, and finishes at 100 %', () => {
    const tracker = new RebuildProgressTracker('p', 2, null, () => 0);
    tracker.setHead(10n);
    tracker.record(12n, 12);
    expect(tracker.snapshot().fraction).toBe(1);
    expect(tracker.snapshot(true)).toMatchObject({ fraction: 1, eventsTotal: 12, etaSeconds: 0, finished: true });
  });

  it('knows no total or time left before the first batch', () => {
    const tracker = new RebuildProgressTracker('p', 2, null, () => 0);
    tracker.setHead(50n);
    expect(tracker.snapshot()).toMatchObject({ eventsDone: 0, eventsTotal: null, etaSeconds: null, fraction: 0 });
  });
});

describe('formatRebuildProgress', () => {
  const base = {
    projection: 'case_list',
    generation: 2,
    eventsDone: 1200,
    eventsTotal: 2400,
    position: 1200n,
    headPosition: 2400n,
    fraction: 0.5,
    eventsPerSecond: 800.4,
    etaSeconds: 1.5,
    finished: false,
  };

  it('draws a bar with percentage, counts, rate and time left', () => {
    expect(formatRebuildProgress(base, 10)).toBe('case_list g2 [#####.....]  50.0%  1200/2400 events  800/s  ETA 2s');
  });

  it('shows unknowns as such and the end as done', () => {
    expect(formatRebuildProgress({ ...base, eventsTotal: null, etaSeconds: null }, 4)).toContain('1200/? events  800/s  ETA --');
    expect(formatRebuildProgress({ ...base, fraction: 1, finished: true }, 4)).toBe(
      'case_list g2 [####] 100.0%  1200/2400 events  800/s  done',
    );
  });

  it('clamps the bar to its width', () => {
    expect(formatRebuildProgress({ ...base, fraction: 1.7 }, 3)).toContain('[###]');
    expect(formatRebuildProgress({ ...base, fraction: -1 }, 3)).toContain('[...]');
  });
});

describe('formatDuration', () => {
  it.each([
    [null, '--'],
    [Infinity, '--'],
    [0, '0s'],
    [44.2, '45s'],
    [185, '3m05s'],
    [7620, '2h07m'],
  ])('%p -> %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});
