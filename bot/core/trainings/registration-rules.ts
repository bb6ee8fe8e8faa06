/**
 * The registration rules as pure functions over session records: open until the deadline, one
 * registration per person per session, the prerequisite track, capacity with a waitlist whose
 * first person takes a freed seat.
 */
import { endOf, startOf, type Registrant, type TrainingSession } from './session-types.js';
import { trackOf, type TrackId } from './tracks.js';

/** True while people may still register: before the deadline and before the session starts. */
export function isRegistrationOpen(session: TrainingSession, now: Date): boolean {
  return now.getTime() < Date.parse(session.deadline) && now.getTime() < Date.parse(startOf(session));
}

/** Where a person stands in a session, if anywhere. */
export function statusOf(session: TrainingSession, userId: string): { status: 'confirmed' } | { status: 'waitlisted'; position: number } | undefined {
  if (session.registered.some((r) => r.userId === userId)) return { status: 'confirmed' };
  const index = session.waitlist.findIndex((r) => r.userId === userId);
  return index >= 0 ? { status: 'waitlisted', position: index + 1 } : undefined;
}

/**
 * The prerequisite a person lacks for `target`, if any. It is met by a recorded completion of the
 * prerequisite track, or by a seat (not a waitlist place) in a session of that track that ends
 * before `target` starts: such a session is either completed or coming first. `seats` are the
 * person's seats (their track and the session's end), from the seat index.
 */
export function missingPrerequisite(
  target: TrainingSession,
  seats: ReadonlyArray<{ readonly track: TrackId; readonly end: string }>,
  completedTracks: readonly TrackId[],
): TrackId | undefined {
  const prerequisite = trackOf(target.track).prerequisite;
  if (!prerequisite || completedTracks.includes(prerequisite)) return undefined;
  const targetStart = Date.parse(startOf(target));
  const earlierSeat = seats.some((s) => s.track === prerequisite && Date.parse(s.end) <= targetStart);
  return earlierSeat ? undefined : prerequisite;
}

/**
 * The person's other registration (seat or waitlist) in the same track as `target`, in a session not
 * over yet: one registration per track, unless the coordinator allowed more for `target`.
 */
export function otherRegistrationInTrack(target: TrainingSession, userId: string, sessions: readonly TrainingSession[], now: Date): TrainingSession | undefined {
  if (target.allowRepeat) return undefined;
  return sessions.find((s) => s.id !== target.id && s.track === target.track && Date.parse(endOf(s)) > now.getTime() && statusOf(s, userId) !== undefined);
}

/** The soonest session of `track`, still open for registration, that ends before `target` starts. */
export function sessionToTakeFirst(target: TrainingSession, track: TrackId, sessions: readonly TrainingSession[], now: Date): TrainingSession | undefined {
  const targetStart = Date.parse(startOf(target));
  return sessions
    .filter((s) => s.track === track && Date.parse(endOf(s)) <= targetStart && isRegistrationOpen(s, now))
    .sort((a, b) => startOf(a).localeCompare(startOf(b)))[0];
}

/** Adds a registrant: a seat when one is left, else the end of the waitlist. */
export function addRegistrant(
  session: TrainingSession,
  registrant: Registrant,
): { session: TrainingSession; status: 'confirmed' } | { session: TrainingSession; status: 'waitlisted'; position: number } {
  if (session.registered.length < session.capacity) {
    return { session: { ...session, registered: [...session.registered, registrant] }, status: 'confirmed' };
  }
  const waitlist = [...session.waitlist, registrant];
  return { session: { ...session, waitlist }, status: 'waitlisted', position: waitlist.length };
}

/** What removing a person changed. */
export interface Removal {
  readonly session: TrainingSession;
  readonly removed: Registrant;
  readonly wasWaitlisted: boolean;
  /** The waitlisted person who took the freed seat. */
  readonly promoted?: Registrant;
}

/** Removes a person; a freed seat goes to the first person on the waitlist. Undefined when they are not there. */
export function removeRegistrant(session: TrainingSession, userId: string, now: Date): Removal | undefined {
  const waiting = session.waitlist.find((r) => r.userId === userId);
  if (waiting) return { session: { ...session, waitlist: session.waitlist.filter((r) => r !== waiting) }, removed: waiting, wasWaitlisted: true };
  const seated = session.registered.find((r) => r.userId === userId);
  if (!seated) return undefined;
  const registered = session.registered.filter((r) => r !== seated);
  const [first, ...rest] = session.waitlist;
  if (!first || registered.length >= session.capacity) return { session: { ...session, registered }, removed: seated, wasWaitlisted: false };
  const promoted: Registrant = { ...first, promotedAt: now.toISOString() };
  return { session: { ...session, registered: [...registered, promoted], waitlist: rest }, removed: seated, wasWaitlisted: false, promoted };
}
