/**
 * The state machine of a request, pure: open → claimed | assigned → closed. Claiming a request
 * someone already has is refused (that is how two coordinators never both take it); assigning
 * hands it over, even when claimed; closing ends it, with an optional note for the worker.
 */
import type { Person } from '../people/person.js';
import type { ConsultationRequest, RequestState } from './request.js';

/** What a coordinator or pivot does to a request. */
export type ConsultationAction =
  | { readonly kind: 'claim' }
  | { readonly kind: 'assign'; readonly assignee: Person }
  | { readonly kind: 'close'; readonly note?: string };

/** The state change an action made. */
export type ConsultationEvent = 'claimed' | 'assigned' | 'closed';

/** The outcome of an action: the new request, or why nothing changed (an expected outcome). */
export type Transition =
  | { readonly ok: true; readonly request: ConsultationRequest; readonly event: ConsultationEvent; readonly from: RequestState }
  | { readonly ok: false; readonly reason: 'unchanged' | 'already-taken' | 'already-closed' };

/** Longest closing note kept, in characters. */
export const maxNoteLength = 1000;

/** Applies `action` by `actor` at `at`; never throws for a state that does not allow it. */
export function applyAction(request: ConsultationRequest, action: ConsultationAction, actor: Person, at: Date): Transition {
  if (request.state === 'closed') return { ok: false, reason: 'already-closed' };
  const base = { ...request, updatedAt: at.toISOString() };
  const from = request.state;
  switch (action.kind) {
    case 'claim':
      if (request.state !== 'open') return { ok: false, reason: request.handler?.id === actor.id ? 'unchanged' : 'already-taken' };
      return { ok: true, from, event: 'claimed', request: { ...base, state: 'claimed', handler: actor } };
    case 'assign':
      if (request.state === 'assigned' && request.handler?.id === action.assignee.id) return { ok: false, reason: 'unchanged' };
      return { ok: true, from, event: 'assigned', request: { ...base, state: 'assigned', handler: action.assignee } };
    case 'close': {
      const note = action.note?.trim().slice(0, maxNoteLength);
      return { ok: true, from, event: 'closed', request: { ...base, state: 'closed', closedBy: actor, ...(note ? { closingNote: note } : {}) } };
    }
  }
}

/** True when nobody has taken the request and its escalation deadline has passed. */
export function isEscalationDue(request: ConsultationRequest, now: Date): boolean {
  return request.state === 'open' && !request.escalatedAt && Date.parse(request.escalateAt) <= now.getTime();
}
