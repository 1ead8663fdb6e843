import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * Paths that may hold a support seeker's personal data. Logs never carry it; these are
 * redacted in case a payload slips into a log line anyway.
 */
export const PERSONAL_DATA_LOG_PATHS = [
  'person',
  '*.person',
  'personalData',
  '*.personalData',
  'note',
  '*.note',
  'req.headers.authorization',
  'req.headers.cookie',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'referral' },
      redact: { paths: PERSONAL_DATA_LOG_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
