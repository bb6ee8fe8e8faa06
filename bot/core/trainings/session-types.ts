/**
 * The training session as stored (one record per session in the `trainings` partition, holding
 * its registrations and waitlist so that capacity is decided in one optimistic write), and the
 * outcomes the service returns.
 */
import type { RegisteredPerson } from '../people/person.js';
import type { TrackId } from './tracks.js';

/** The partition of sessions, acknowledgements, broadcast jobs and their deliveries. */
export const trainingsPartition = 'trainings';

/** One day of a session, as ISO instants (UTC). */
export interface SessionDay {
  readonly start: string;
  readonly end: string;
}

/**
 * A person on a session's list or waitlist: the person's identity in the stored flat shape
 * (`userId`, see `bot/core/people/person.ts`), and the registration's own facts.
 */
export interface Registrant extends RegisteredPerson {
  /** Unique per registration (a person who cancels and registers again gets a new one). */
  readonly registrationId: string;
  /** Language of the person when they registered, for the messages sent to them later. */
  readonly lang: 'fr' | 'en';
  readonly registeredAt: string;
  /** When a waitlisted person got a seat. */
  readonly promotedAt?: string;
}

/** A training session with its list and waitlist. */
export interface TrainingSession {
  readonly id: string;
  readonly track: TrackId;
  readonly days: readonly SessionDay[];
  /** A physical place, or a line such as "En ligne (Teams)". */
  readonly place: string;
  /** The Teams meeting link of an online session. */
  readonly meetingUrl?: string;
  readonly capacity: number;
  /** ISO instant registration closes. */
  readonly deadline: string;
  readonly notes?: string;
  /** The coordinator allows people with another registration in the same track to register too. Default: one registration per track. */
  readonly allowRepeat?: boolean;
  /** Fictional demo session (shown as such, never presented as real). */
  readonly demo?: boolean;
  readonly createdBy: { readonly userId: string; readonly name?: string };
  readonly createdAt: string;
  /** The organisation whose coordinator published it (its people only); none: a Table-wide session. */
  readonly organisationId?: string;
  /** Seats taken, in registration order. */
  readonly registered: readonly Registrant[];
  /** Waiting people, first in line first. */
  readonly waitlist: readonly Registrant[];
}

/** Result of a registration attempt. */
export type RegisterOutcome =
  | { readonly kind: 'registered'; readonly session: TrainingSession }
  | { readonly kind: 'waitlisted'; readonly session: TrainingSession; readonly position: number }
  | { readonly kind: 'already-registered'; readonly session: TrainingSession; readonly status: 'confirmed' | 'waitlisted' }
  | {
      readonly kind: 'prerequisite-missing';
      readonly session: TrainingSession;
      readonly prerequisite: TrackId;
      /** The next session of the prerequisite track, open for registration, that ends before this one, if any. */
      readonly firstTake?: TrainingSession;
    }
  | { readonly kind: 'track-taken'; readonly session: TrainingSession; readonly other: TrainingSession }
  | { readonly kind: 'registration-closed'; readonly session: TrainingSession }
  | { readonly kind: 'not-found' };

/** Result of a cancellation. */
export type CancelOutcome =
  | { readonly kind: 'cancelled'; readonly session: TrainingSession; readonly wasWaitlisted: boolean; readonly promoted: boolean }
  | { readonly kind: 'not-registered'; readonly session: TrainingSession }
  | { readonly kind: 'session-started'; readonly session: TrainingSession }
  | { readonly kind: 'not-found' };

/** One of a person's registrations. */
export interface MyRegistration {
  readonly session: TrainingSession;
  readonly status: 'confirmed' | 'waitlisted';
  /** 1-based place on the waitlist. */
  readonly position?: number;
}

/** Seats not yet taken. */
export function seatsLeft(session: TrainingSession): number {
  return Math.max(0, session.capacity - session.registered.length);
}

/** When the session begins (its first day). */
export function startOf(session: TrainingSession): string {
  return session.days[0]?.start ?? session.deadline;
}

/** When the session ends (its last day). */
export function endOf(session: TrainingSession): string {
  return session.days[session.days.length - 1]?.end ?? startOf(session);
}
