/**
 * A session's roster as CSV (RFC 4180: comma-separated, double quotes, CRLF): seats first in
 * registration order, then the waitlist in line order, with times in the Table's time zone
 * (America/Toronto). Cells that a spreadsheet would run as a formula are defused with a leading
 * apostrophe. The file name says which session it is: `inscriptions-volet-1-2027-01-12.csv`.
 */
import { foldToAscii } from '../text/fold-text.js';
import { localDateOf, localTimeOf } from './local-time.js';
import { startOf, type Registrant, type TrainingSession } from './session-types.js';
import { trackOf } from './tracks.js';

/** Column headers and status words of the CSV, per language. */
const words = {
  fr: { file: 'inscriptions', header: ['statut', 'rang', 'nom', 'identifiant', 'inscrit le (heure de Québec)', 'place obtenue le (heure de Québec)'], confirmed: 'inscrit', waitlisted: "liste d'attente" },
  en: { file: 'registrations', header: ['status', 'rank', 'name', 'id', 'registered on (Québec time)', 'seat obtained on (Québec time)'], confirmed: 'registered', waitlisted: 'waitlist' },
};

/** One CSV cell. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** An instant as local date and time, « 2027-01-12 14:05 ». */
function local(instant: string | undefined): string {
  return instant ? `${localDateOf(instant)} ${localTimeOf(instant)}` : '';
}

/** The CSV text of a roster. */
export function rosterCsv(session: TrainingSession, lang: 'fr' | 'en' = 'fr'): string {
  const w = words[lang];
  const row = (status: string, rank: number, r: Registrant) =>
    [status, String(rank), r.name ?? '', r.aadObjectId ?? r.userId, local(r.registeredAt), local(r.promotedAt)].map(cell).join(',');
  return [
    w.header.map(cell).join(','),
    ...session.registered.map((r, i) => row(w.confirmed, i + 1, r)),
    ...session.waitlist.map((r, i) => row(w.waitlisted, i + 1, r)),
  ].join('\r\n');
}

/** The file name of a roster: the track's short name and the first day, in ASCII. */
export function rosterFileName(session: TrainingSession, lang: 'fr' | 'en' = 'fr'): string {
  const track = foldToAscii(trackOf(session.track).short[lang], '-').replace(/^-|-$/g, '');
  return `${words[lang].file}-${track}-${localDateOf(startOf(session))}.csv`;
}
