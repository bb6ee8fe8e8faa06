/**
 * The messages the trainings feature sends later, through the outbox: the announcement of a new
 * session, the "you got a seat" notice, the reminder two days before, and the broadcast report to
 * the coordinator. Payloads hold plain data (a snapshot of the session); the Teams side renders them.
 */
import type { NewDelivery } from '../delivery/outbox.js';
import type { DeliveryTally, Payload, Recipient } from '../delivery/delivery-types.js';
import { personOfRegistrant, toRecipient, type RegisteredPerson } from '../people/person.js';
import { startOf, type Registrant, type TrainingSession } from './session-types.js';

/** Payload kinds of this feature. */
export const trainingPayloadKinds = {
  announcement: 'training-announcement',
  promoted: 'training-promoted',
  reminder: 'training-reminder',
  report: 'training-broadcast-report',
} as const;

/** A session as a payload carries it: what a card shows, nobody's registration. */
export type SessionSnapshot = Omit<TrainingSession, 'registered' | 'waitlist' | 'createdBy' | 'createdAt'>;

/** The data of every training payload. */
export interface TrainingPayloadData {
  readonly lang: 'fr' | 'en';
  readonly session: SessionSnapshot;
  /** Link of the session's calendar file. */
  readonly calendarUrl?: string;
  /** Broadcast report: the tally so far, and whether it is final. */
  readonly tally?: DeliveryTally;
  readonly final?: boolean;
}

/** How long before a session its reminder is sent: two days. */
export const reminderLeadMs = 48 * 3_600_000;

/** The snapshot of a session. */
export function snapshotOf(session: TrainingSession): SessionSnapshot {
  const { id, track, days, place, meetingUrl, capacity, deadline, notes, demo } = session;
  return { id, track, days, place, meetingUrl, capacity, deadline, notes, demo };
}

/** Reads back the data of a training payload. */
export function trainingDataOf(payload: Payload): TrainingPayloadData {
  return payload.data as unknown as TrainingPayloadData;
}

function payload(kind: string, data: TrainingPayloadData): Payload {
  return { kind, data: data as unknown as Payload['data'] };
}

/** The recipient of a registrant. */
export function recipientOf(r: RegisteredPerson): Recipient {
  return toRecipient(personOfRegistrant(r));
}

/** The reminder of a seat, due two days before the session; none when that moment has passed. */
export function reminderDelivery(session: TrainingSession, r: Registrant, now: Date, calendarUrl?: string): NewDelivery | undefined {
  const due = Date.parse(startOf(session)) - reminderLeadMs;
  if (due <= now.getTime()) return undefined;
  return {
    id: reminderDeliveryId(r.registrationId),
    jobId: `reminders:${session.id}`,
    recipient: recipientOf(r),
    payload: payload(trainingPayloadKinds.reminder, { lang: r.lang, session: snapshotOf(session), calendarUrl }),
    notBefore: new Date(due),
  };
}

/** The id of a registration's reminder delivery. */
export function reminderDeliveryId(registrationId: string): string {
  return `reminder:${registrationId}`;
}

/** The notice to a waitlisted person who got a seat. */
export function promotedDelivery(session: TrainingSession, r: Registrant, calendarUrl?: string): NewDelivery {
  return {
    id: `promoted:${r.registrationId}`,
    jobId: `promotions:${session.id}`,
    recipient: recipientOf(r),
    payload: payload(trainingPayloadKinds.promoted, { lang: r.lang, session: snapshotOf(session), calendarUrl }),
  };
}

/** The announcement of a session to one recipient (at most once per recipient: the id names both). */
export function announcementDelivery(session: TrainingSession, recipient: Recipient, calendarUrl?: string): NewDelivery {
  const who = recipient.kind === 'user' ? `user:${recipient.userId}` : `conversation:${recipient.conversationId}`;
  return {
    id: `announce:${session.id}:${who}`,
    jobId: announcementJobId(session.id),
    recipient,
    payload: payload(trainingPayloadKinds.announcement, { lang: 'fr', session: snapshotOf(session), calendarUrl }),
  };
}

/** The outbox job of a session's announcement. */
export function announcementJobId(sessionId: string): string {
  return `announce:${sessionId}`;
}

/** A progress or final report of a broadcast to the coordinator who published it. */
export function reportDelivery(session: TrainingSession, to: Recipient, lang: 'fr' | 'en', milestone: string, tally: DeliveryTally, final: boolean): NewDelivery {
  return {
    id: `report:${session.id}:${milestone}`,
    jobId: `report:${session.id}`,
    recipient: to,
    payload: payload(trainingPayloadKinds.report, { lang, session: snapshotOf(session), tally, final }),
  };
}
