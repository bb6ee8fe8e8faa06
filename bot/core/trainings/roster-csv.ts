/**
 * A session's roster as CSV (RFC 4180: comma-separated, double quotes, CRLF): seats first in
 * registration order, then the waitlist in line order. Cells that a spreadsheet would run as a
 * formula are defused with a leading apostrophe.
 */
import type { Registrant, TrainingSession } from './session-types.js';

/** Column headers and status words of the CSV, per language. */
const words = {
  fr: { header: ['statut', 'rang', 'nom', 'identifiant', 'inscrit le', 'place obtenue le'], confirmed: 'inscrit', waitlisted: "liste d'attente" },
  en: { header: ['status', 'rank', 'name', 'id', 'registered on', 'seat obtained on'], confirmed: 'registered', waitlisted: 'waitlist' },
};

/** One CSV cell. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The CSV text of a roster. */
export function rosterCsv(session: TrainingSession, lang: 'fr' | 'en' = 'fr'): string {
  const w = words[lang];
  const row = (status: string, rank: number, r: Registrant) =>
    [status, String(rank), r.name ?? '', r.aadObjectId ?? r.userId, r.registeredAt, r.promotedAt ?? ''].map(cell).join(',');
  return [
    w.header.map(cell).join(','),
    ...session.registered.map((r, i) => row(w.confirmed, i + 1, r)),
    ...session.waitlist.map((r, i) => row(w.waitlisted, i + 1, r)),
  ].join('\r\n');
}
