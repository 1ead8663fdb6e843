import type { Metrics } from './metrics';

/** The stream categories commands run on; each series exists at 0 from the start, for `increase()`. */
const COMMAND_STREAMS = ['case', 'volunteer', 'training', 'survey'] as const;
const OUTCOMES = ['succeeded', 'refused', 'gave-up', 'failed'] as const;

/**
 * An observer for EventSourcedStream (its `conflicts` option; shaped like case-workflows'
 * AppendConflictObserver, which platform does not import) that counts append conflicts in
 * `referral_append_conflicts_total{stream}` and the commands that met one in
 * `referral_command_retries_total{stream,outcome}`. Labels are stream categories, never ids.
 */
export function appendConflictMetrics(metrics: Metrics): {
  conflict(category: string, attempt: number): void;
  retriedCommandEnded(category: string, outcome: string, attempts: number): void;
} {
  for (const stream of COMMAND_STREAMS) {
    metrics.appendConflicts.inc({ stream }, 0);
    for (const outcome of OUTCOMES) metrics.retriedCommands.inc({ stream, outcome }, 0);
  }
  return {
    conflict: (stream) => metrics.appendConflicts.inc({ stream }),
    retriedCommandEnded: (stream, outcome) => metrics.retriedCommands.inc({ stream, outcome }),
  };
}
