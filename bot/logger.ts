/**
 * Structured JSON logs with pino. Message text, card inputs and names never reach the logs:
 * the redaction paths below censor them wherever they appear in a logged object.
 */
import { pino, type Logger } from 'pino';

export type { Logger };

/** Fields that may hold what a worker typed or who a youth is; always censored. */
export const redactedPaths = [
  'text',
  'value',
  'description',
  'note',
  'attachments',
  '*.text',
  '*.value',
  '*.description',
  '*.note',
  '*.attachments',
  'activity.text',
  'activity.value',
  'activity.from.name',
  'req.body',
];

/** Creates the process logger; `destination` lets tests capture the lines. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'balise' },
      redact: { paths: redactedPaths, censor: '[caviardé]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
