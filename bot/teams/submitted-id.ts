/**
 * Ids that arrive in card submits are attacker-controlled: an array, an object or a 100 KB string
 * must neither be coerced with `String()` nor reach a log line. Each id is checked for type, length
 * and characters before it is used or logged.
 */
import { securityMessagesFor } from '../core/i18n/security-messages.js';

/** Longest id a card of Balise ever carries (AAD and Teams ids included). */
export const maxIdLength = 128;

const idPattern = /^[\w.:@|-]+$/;

/** The id when `value` is a plain string of 1 to `maxLength` id characters; undefined otherwise (arrays included). */
export function idField(value: unknown, maxLength = maxIdLength): string | undefined {
  return typeof value === 'string' && value.length > 0 && value.length <= maxLength && idPattern.test(value) ? value : undefined;
}

/** What may be logged about a refused id: its type and size, never its content. */
export function describeInvalid(value: unknown): { type: string; length?: number } {
  if (Array.isArray(value)) return { type: 'array', length: value.length };
  if (typeof value === 'string') return { type: 'string', length: value.length };
  return { type: value === null ? 'null' : typeof value };
}

/**
 * Reads the id `field` of a card submit; when it is missing or invalid, logs its type and size
 * (never its content), answers the polite "not valid" message and returns undefined.
 */
export async function readSubmittedId(
  context: { activity: { value?: unknown; text?: string }; sendActivity(text: string): Promise<unknown> },
  logger: { warn(obj: object, msg: string): void },
  field: string,
  maxLength = maxIdLength,
): Promise<string | undefined> {
  const value = typeof context.activity.value === 'object' && context.activity.value !== null ? (context.activity.value as Record<string, unknown>)[field] : undefined;
  const id = idField(value, maxLength);
  if (id) return id;
  logger.warn({ field, ...describeInvalid(value) }, 'card submit refused: invalid id');
  const lang = (context.activity.value as { lang?: unknown } | undefined)?.lang === 'en' ? 'en' : 'fr';
  await context.sendActivity(securityMessagesFor(lang).invalidInput);
  return undefined;
}
