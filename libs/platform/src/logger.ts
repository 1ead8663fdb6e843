import pino, { type Logger } from 'pino';
import { REDACTED, redactPersonalData } from './log-redaction';

export type { Logger } from 'pino';

/**
 * Paths pino redacts before anything else sees a line (its fast path); `redactPersonalData`
 * then removes the same fields at any depth.
 */
export const PERSONAL_DATA_LOG_PATHS = [
  'person', '*.person', 'personalData', '*.personalData', 'note', '*.note',
  'req.headers.authorization', 'req.headers.cookie', 'req.body', 'body', '*.body',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'referral' },
      redact: { paths: PERSONAL_DATA_LOG_PATHS, censor: REDACTED },
      formatters: { log: (fields) => redactPersonalData(fields) as Record<string, unknown> },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
