/** Typed render functions of the trainings cards (templates `adaptive-cards/training-*.json`). */
import type { DeliveryTally } from '../../../core/delivery/delivery-types.js';
import type { Messages } from '../../../core/i18n/messages.js';
import { formatMessage } from '../../../core/i18n/message-format.js';
import { draftProblemText, trainingMessagesFor } from '../../../core/i18n/trainings-messages.js';
import type { Acknowledgement } from '../../../core/trainings/coordination.js';
import { formatDay } from '../../../core/trainings/local-time.js';
import type { DraftProblem, SessionForm } from '../../../core/trainings/session-draft.js';
import { sessionFormFields } from '../../../core/trainings/session-draft.js';
import type { MyRegistration, TrainingSession } from '../../../core/trainings/session-types.js';
import { startOf } from '../../../core/trainings/session-types.js';
import type { SessionSnapshot } from '../../../core/trainings/training-payloads.js';
import { trackIds, trackTitle } from '../../../core/trainings/tracks.js';
import { renderCard, type CardAttachment } from '../../cards/render-card.js';
import { presentAvailability, presentSession } from './present-session.js';

const lang = (t: Messages): 'fr' | 'en' => (t.lang === 'en' ? 'en' : 'fr');
const trOf = (t: Messages) => trainingMessagesFor(lang(t));

/** Builds links to the calendar file of a session. */
export type CalendarLink = (sessionId: string) => string | undefined;

/** "Formations": upcoming sessions with seats left and a "S'inscrire" button while registration is open. */
export function renderSessionListCard(sessions: readonly TrainingSession[], now: Date, t: Messages, calendar: CalendarLink): CardAttachment {
  const tr = trOf(t);
  return renderCard('training-list', t, {
    tr,
    sessions: sessions.map((s) => ({ ...presentSession(s, lang(t), tr, calendar(s.id)), ...presentAvailability(s, now, lang(t), tr) })),
  });
}

/** A message about one session: a registration outcome, a promotion, a reminder, a broadcast report. */
export function renderSessionNotice(
  session: SessionSnapshot,
  t: Messages,
  text: { heading: string; body?: string; color?: 'Default' | 'Good' | 'Accent' | 'Attention' },
  options: { calendarUrl?: string; showCalendar?: boolean; showCancel?: boolean; showMine?: boolean; confirmCancel?: boolean; downloadUrl?: string } = {},
): CardAttachment {
  const tr = trOf(t);
  return renderCard('training-notice', t, {
    tr,
    heading: text.heading,
    body: text.body ?? '',
    color: text.color ?? 'Default',
    session: presentSession(session, lang(t), tr, options.calendarUrl),
    showCalendar: options.showCalendar === true,
    showCancel: options.showCancel === true,
    showMine: options.showMine === true,
    confirmCancel: options.confirmCancel === true,
    downloadUrl: options.downloadUrl,
  });
}

/** "Mes inscriptions": each registration with its status and a cancel button. */
export function renderMyRegistrationsCard(registrations: readonly MyRegistration[], t: Messages, calendar: CalendarLink): CardAttachment {
  const tr = trOf(t);
  return renderCard('training-my-registrations', t, {
    tr,
    registrations: registrations.map((r) => ({
      session: presentSession(r.session, lang(t), tr, calendar(r.session.id)),
      confirmed: r.status === 'confirmed',
      // Default colour and a bold word: yellow text is hard to read.
      status: r.status === 'confirmed' ? tr.statusConfirmed : formatMessage(lang(t), tr.statusWaitlisted, { n: r.position ?? 0 }),
      color: r.status === 'confirmed' ? 'Good' : 'Default',
    })),
  });
}

/** The coordinator's form, filled with what was typed, and the problems to fix. */
export function renderAnnounceFormCard(form: SessionForm, problems: readonly DraftProblem[], t: Messages): CardAttachment {
  const filled: Record<string, string | number> = Object.fromEntries(sessionFormFields.map((f) => [f, form[f] ?? '']));
  // Sensible defaults for a new form: a full day.
  if (!form.startTime) filled.startTime = '09:00';
  if (!form.endTime) filled.endTime = '16:00';
  // Input.Number takes a number.
  if (/^\d+$/.test(form.capacity ?? '')) filled.capacity = Number(form.capacity);
  return renderCard('training-announce-form', t, {
    tr: trOf(t),
    form: filled,
    tracks: trackIds.map((id) => ({ value: id, title: trackTitle(id, lang(t)) })),
    problems: [...new Set(problems.map((p) => draftProblemText(p.code, lang(t))))],
  });
}

/** The announcement card: as broadcast (register, "Lu", calendar) or as a preview (publish, edit). */
export function renderAnnouncementCard(
  session: SessionSnapshot,
  t: Messages,
  options: { calendarUrl?: string; preview?: { draftId: string; form: SessionForm } } = {},
): CardAttachment {
  const tr = trOf(t);
  return renderCard('training-announcement', t, {
    tr,
    session: presentSession(session, lang(t), tr, options.calendarUrl),
    seats: formatMessage(lang(t), tr.capacityLine, { n: session.capacity }),
    preview: options.preview !== undefined,
    draftId: options.preview?.draftId ?? '',
    form: options.preview?.form ?? {},
  });
}

/** Sessions a coordinator can open the roster of. */
export function renderRosterListCard(sessions: readonly TrainingSession[], t: Messages): CardAttachment {
  const tr = trOf(t);
  return renderCard('training-roster-list', t, {
    tr,
    sessions: sessions.map((s) => ({
      id: s.id,
      title: trackTitle(s.track, lang(t)),
      demo: s.demo === true,
      firstDay: formatDay(startOf(s), lang(t)),
      counts: `${formatMessage(lang(t), tr.registeredHeading, { n: s.registered.length, capacity: s.capacity })} · ${formatMessage(lang(t), tr.waitlistHeading, { n: s.waitlist.length })}`,
    })),
  });
}

/** How many acknowledgement names the roster card lists before "…". */
const shownAcknowledgements = 30;

/** The roster: seats, waitlist, who saw the announcement, broadcast tally, CSV export. */
export function renderRosterCard(session: TrainingSession, acknowledgements: readonly Acknowledgement[], tally: DeliveryTally | undefined, t: Messages): CardAttachment {
  const tr = trOf(t);
  const names = acknowledgements.slice(0, shownAcknowledgements).map((a) => a.name ?? a.userId);
  return renderCard('training-roster', t, {
    tr,
    session: presentSession(session, lang(t), tr),
    broadcast: tally ? formatMessage(lang(t), tr.broadcastStatus, { ...tally }) : undefined,
    registeredHeading: formatMessage(lang(t), tr.registeredHeading, { n: session.registered.length, capacity: session.capacity }),
    registered: session.registered.map((r, i) => `${i + 1}. ${r.name ?? r.userId}`),
    waitlistHeading: formatMessage(lang(t), tr.waitlistHeading, { n: session.waitlist.length }),
    waitlist: session.waitlist.map((r, i) => `${i + 1}. ${r.name ?? r.userId}`),
    acknowledgedHeading: formatMessage(lang(t), tr.acknowledgedHeading, { n: acknowledgements.length }),
    acknowledged: names.join(', ') + (acknowledgements.length > names.length ? ', …' : ''),
  });
}
