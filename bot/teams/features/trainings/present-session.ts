/** Shapes a session into the plain strings its cards show, in the language of the turn. */
import { formatMessage } from '../../../core/i18n/message-format.js';
import type { TrainingMessages } from '../../../core/i18n/trainings-messages.js';
import { formatDay, formatTime } from '../../../core/trainings/local-time.js';
import { isRegistrationOpen } from '../../../core/trainings/registration-rules.js';
import { seatsLeft, type TrainingSession } from '../../../core/trainings/session-types.js';
import type { SessionSnapshot } from '../../../core/trainings/training-payloads.js';
import { trackOf, trackTitle } from '../../../core/trainings/tracks.js';

/** What every session card shows. */
export interface SessionView {
  readonly id: string;
  readonly title: string;
  readonly days: readonly string[];
  readonly place: string;
  readonly meetingUrl?: string;
  readonly deadline: string;
  readonly prerequisite?: string;
  readonly notes?: string;
  readonly demo: boolean;
  readonly calendarUrl?: string;
}

/** The strings of a session (a stored session or a payload snapshot). */
export function presentSession(s: SessionSnapshot, lang: 'fr' | 'en', tr: TrainingMessages, calendarUrl?: string): SessionView {
  const prerequisite = trackOf(s.track).prerequisite;
  return {
    id: s.id,
    title: trackTitle(s.track, lang),
    days: s.days.map((d) => formatMessage(lang, tr.dayLine, { day: formatDay(d.start, lang), start: formatTime(d.start, lang), end: formatTime(d.end, lang) })),
    place: s.place || tr.online,
    meetingUrl: s.meetingUrl,
    deadline: formatMessage(lang, tr.deadline, { date: formatDay(s.deadline, lang) }),
    prerequisite: prerequisite ? formatMessage(lang, tr.prerequisite, { track: trackOf(prerequisite).short[lang] }) : undefined,
    notes: s.notes,
    demo: s.demo === true,
    calendarUrl,
  };
}

/** Seats left, full (waitlist) or closed, and whether the "S'inscrire" button is offered. */
export function presentAvailability(s: TrainingSession, now: Date, lang: 'fr' | 'en', tr: TrainingMessages): { seats: string; open: boolean } {
  if (!isRegistrationOpen(s, now)) return { seats: tr.closed, open: false };
  const left = seatsLeft(s);
  if (left === 0) return { seats: formatMessage(lang, tr.full, { n: s.waitlist.length }), open: true };
  return { seats: formatMessage(lang, tr.seatsLeft, { n: left, capacity: s.capacity }), open: true };
}
