/**
 * Dates of the Table's trainings are local to Québec (America/Toronto, with daylight saving):
 * converts a local date and time typed by a coordinator into an instant, and formats instants
 * back for people, in French or English.
 */

/** The time zone of every training. */
export const trainingTimeZone = 'America/Toronto';

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const timePattern = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes the zone is ahead of UTC at `instant` (negative in Québec). */
function offsetMinutes(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - instant) / 60_000);
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isLocalDate(text: string): boolean {
  const m = datePattern.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** True for a time written `HH:MM` (24 h). */
export function isLocalTime(text: string): boolean {
  return timePattern.test(text);
}

/** The instant of a local date and time in the training time zone; undefined when either is malformed. */
export function localToInstant(date: string, time: string, timeZone = trainingTimeZone): Date | undefined {
  if (!isLocalDate(date) || !isLocalTime(time)) return undefined;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  // Two passes: the offset at the guessed instant may differ from the one at the real instant near a DST change.
  const first = guess - offsetMinutes(guess, timeZone) * 60_000;
  return new Date(guess - offsetMinutes(first, timeZone) * 60_000);
}

/** The local `YYYY-MM-DD` of an instant. */
export function localDateOf(instant: Date | string, timeZone = trainingTimeZone): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

/** The local `HH:MM` of an instant. */
export function localTimeOf(instant: Date | string, timeZone = trainingTimeZone): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));
}

const locale = (lang: 'fr' | 'en') => (lang === 'en' ? 'en-CA' : 'fr-CA');

/** "mardi 12 mai 2026" / "Tuesday, May 12, 2026". */
export function formatDay(instant: string, lang: 'fr' | 'en', timeZone = trainingTimeZone): string {
  return new Intl.DateTimeFormat(locale(lang), { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(instant));
}

/** "9 h" / "9 h 30" / "9:00 a.m.". */
export function formatTime(instant: string, lang: 'fr' | 'en', timeZone = trainingTimeZone): string {
  const text = new Intl.DateTimeFormat(locale(lang), { timeZone, hour: 'numeric', minute: '2-digit' }).format(new Date(instant));
  return lang === 'fr' ? text.replace(/ h 00$/, ' h') : text;
}
