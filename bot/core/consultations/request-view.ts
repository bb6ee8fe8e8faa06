/**
 * What a coordinator's card shows of a request: the request with the names and lists the card needs
 * (organisation name, who it may be assigned to, whose cards refresh), as plain data, so the same
 * view travels in an outbox payload and answers a card refresh.
 */
import type { Directory } from '../directory/directory.js';
import type { Category } from '../knowledge/types.js';
import type { ConsultationRequest, ContactMethod, RequestState, Urgency } from './request.js';
import { assigneesOf, handlersOf } from './routing.js';

/** The coordinator's view of a request. */
export interface RequestView {
  readonly id: string;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly category: Category;
  readonly urgency: Urgency;
  readonly urgent: boolean;
  readonly description: string;
  readonly contactMethod: ContactMethod;
  readonly phone: string;
  readonly requesterName: string;
  readonly state: RequestState;
  readonly createdAt: string;
  readonly handlerName: string;
  readonly closedByName: string;
  readonly closingNote: string;
  readonly escalated: boolean;
  readonly unreachable: ReadonlyArray<{ readonly recipient: string; readonly deliveredTo: string }>;
  readonly assignees: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  /** Teams ids of everyone who may act: their cards refresh to the current state. */
  readonly handlerIds: readonly string[];
}

/** The view of `request` (missing texts are empty strings, so templates need no null checks). */
export function viewOf(request: ConsultationRequest, directory: Directory): RequestView {
  return {
    id: request.id,
    organisationId: request.organisationId,
    organisationName: directory.organisation(request.organisationId)?.name ?? request.organisationId,
    category: request.category,
    urgency: request.urgency,
    urgent: request.urgent,
    description: request.description,
    contactMethod: request.contact.method,
    phone: request.contact.phone ?? '',
    requesterName: request.requester.name ?? '',
    state: request.state,
    createdAt: request.createdAt,
    handlerName: request.handler?.name ?? request.handler?.id ?? '',
    closedByName: request.closedBy?.name ?? request.closedBy?.id ?? '',
    closingNote: request.closingNote ?? '',
    escalated: !!request.escalatedAt,
    unreachable: request.unreachable.map((u) => ({ recipient: u.recipient, deliveredTo: u.deliveredTo ?? '' })),
    assignees: assigneesOf(directory, request.organisationId).map((p) => ({ id: p.id, name: p.name ?? p.id })),
    handlerIds: handlersOf(directory, request.organisationId).map((p) => p.id),
  };
}
