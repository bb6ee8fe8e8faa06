/**
 * The calendar file of a session (iCalendar, with the `ics` library): one event per day, in UTC,
 * with the place or the Teams link. It holds nothing about who registered, so it can be served to
 * anyone who has the link.
 */
import { createEvents, type EventAttributes } from 'ics';
import type { TrainingSession } from './session-types.js';
import { trackTitle } from './tracks.js';

/** Thrown when the `ics` library refuses a session (a programming fault). */
export class CalendarError extends Error {
  constructor(sessionId: string, cause: string) {
    super(`trainings: calendar of session ${sessionId} could not be built: ${cause}`);
    this.name = 'CalendarError';
  }
}

const labels = {
  fr: { demo: '[Démo, fictif] ', day: 'jour', online: 'En ligne (Teams)', by: "Formation de la Table régionale de Québec sur l'exploitation sexuelle et la prostitution juvénile." },
  en: { demo: '[Demo, fictional] ', day: 'day', online: 'Online (Teams)', by: 'Training of the Table régionale de Québec on sexual exploitation and juvenile prostitution.' },
};

/** The .ics text of a session. */
export function sessionCalendar(session: TrainingSession, lang: 'fr' | 'en' = 'fr'): string {
  const l = labels[lang];
  const title = `${session.demo ? l.demo : ''}${trackTitle(session.track, lang)}`;
  const events: EventAttributes[] = session.days.map((day, i) => ({
    uid: `${session.id}-${i + 1}@balise`,
    title: session.days.length > 1 ? `${title} (${l.day} ${i + 1}/${session.days.length})` : title,
    start: Date.parse(day.start),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: Date.parse(day.end),
    endInputType: 'utc',
    endOutputType: 'utc',
    location: session.place || l.online,
    url: session.meetingUrl,
    description: [l.by, session.notes].filter(Boolean).join('\n\n'),
    status: 'CONFIRMED',
    busyStatus: 'BUSY',
    productId: 'balise/trainings',
  }));
  const { error, value } = createEvents(events, { productId: 'balise/trainings', calName: 'Balise' });
  if (error || !value) throw new CalendarError(session.id, error?.message ?? 'empty');
  return value;
}
