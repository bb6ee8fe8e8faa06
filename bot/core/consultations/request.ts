/**
 * The consultation request as Balise stores it, and the small value types around it. Plain data:
 * the description is kept only as the worker confirmed it, and never leaves the request record,
 * the coordinators' alerts and the worker's own views.
 */
import type { Category } from '../knowledge/types.js';
import type { PersonalDataKind } from '../privacy/find-personal-data.js';
import type { Person } from '../people/person.js';

/** How soon the worker needs an answer; `immediate` means a youth is in danger now. */
export const urgencies = ['immediate', 'today', 'week', 'none'] as const;
export type Urgency = (typeof urgencies)[number];

/** How the worker wants to be reached. */
export const contactMethods = ['teams', 'phone'] as const;
export type ContactMethod = (typeof contactMethods)[number];

/** open → claimed | assigned → closed (assigned may be reassigned; closed is final). */
export const requestStates = ['open', 'claimed', 'assigned', 'closed'] as const;
export type RequestState = (typeof requestStates)[number];

/** An alert that did not reach its recipient, and who got it instead (if anyone). */
export interface UnreachableNote {
  readonly recipient: string;
  readonly deliveredTo?: string;
}

/** One consultation request. */
export interface ConsultationRequest {
  /** The reference the worker sees, e.g. `C-7K4M2Q`. */
  readonly id: string;
  readonly organisationId: string;
  readonly category: Category;
  readonly urgency: Urgency;
  /** True when the urgency or the description signals immediate danger. */
  readonly urgent: boolean;
  readonly description: string;
  readonly contact: { readonly method: ContactMethod; readonly phone?: string };
  /** Who asked (as `personRecord` keeps a person: no tenant). */
  readonly requester: Person;
  /** The worker's language, for the messages sent back. */
  readonly lang: 'fr' | 'en';
  readonly state: RequestState;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Who has it: the coordinator who claimed it or the person it was assigned to. */
  readonly handler?: Person;
  readonly closedBy?: Person;
  readonly closingNote?: string;
  /** When it goes to the backup coordinators if nobody has taken it. */
  readonly escalateAt: string;
  readonly escalatedAt?: string;
  /** Kinds of personal data the worker chose to keep after the warning (never the values). */
  readonly acknowledgedPersonalData: readonly PersonalDataKind[];
  readonly unreachable: readonly UnreachableNote[];
  /** Audit entries written so far: the next entry's sequence number. */
  readonly events: number;
}
