import type { Job, Worker } from 'bullmq';
import { errorFields } from '@referral/resilience';
import type { TimersLogger } from './options';
import { traceOf } from './timer';

/**
 * Reports handler failures, recovered stalls and connection errors, with the error's name, code
 * and message (see errorFields). Without an 'error' listener an
 * EventEmitter would throw on a Redis hiccup.
 */
export function attachWorkerLogging(worker: Worker, logger: TimersLogger): void {
  worker.on('failed', (job: Job | undefined, error: Error) => {
    const attempts = job?.opts.attempts ?? 1;
    logger.error('Deadline timer handler failed', {
      jobId: job?.id,
      kind: job?.data?.kind,
      caseId: job?.data?.caseId,
      ...traceOf(job?.data ?? {}),
      attempt: job?.attemptsMade,
      willRetry: job ? job.attemptsMade < attempts : false,
      error: errorFields(error),
    });
  });
  worker.on('stalled', (jobId: string) => {
    logger.warn('Deadline timer job stalled (its worker died); running it again', { jobId });
  });
  worker.on('error', (error: Error) => {
    logger.error('Deadline timer worker error', { error: errorFields(error) });
  });
}
