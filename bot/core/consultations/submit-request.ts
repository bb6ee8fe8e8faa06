/**
 * Stores a confirmed request and, in the same commit, its audit entry, its indexes and its alerts
 * to the coordinators and the Pivots channel: once saved, the alerts cannot be lost.
 */
import type { PersonalDataKind } from '../privacy/find-personal-data.js';
import { appendAudit } from './audit.js';
import type { Draft } from './draft.js';
import { defaultEscalationMinutes, escalationDeadline, type EscalationMinutes } from './escalation.js';
import { alertDeliveries } from './payloads.js';
import { ConsultationError, consultationsPartition, minePrefix, openIndexOp, requestKey, type ConsultationDeps } from './records.js';
import { newReference } from './reference.js';
import type { Person } from '../people/person.js';
import type { ConsultationRequest } from './request.js';
import { routeConsultation } from './routing.js';

/** A draft the worker confirmed, with what the review decided. */
export interface Submission extends Draft {
  readonly urgent: boolean;
  readonly lang: 'fr' | 'en';
  /** Kinds of personal data still in the description, kept by the worker's choice. */
  readonly acknowledgedPersonalData: readonly PersonalDataKind[];
}

/** Outcome of a submission. */
export type SubmitResult =
  | { readonly kind: 'submitted'; readonly request: ConsultationRequest }
  /** The same form sent again (double click, retried activity): nothing new was stored or sent. */
  | { readonly kind: 'duplicate'; readonly request: ConsultationRequest }
  | { readonly kind: 'unknown-organisation' };

/** Options of {@link submitRequest}. */
export interface SubmitOptions {
  /** Default: {@link defaultEscalationMinutes}. */
  readonly escalationMinutes?: EscalationMinutes;
  /** Default: a random {@link newReference}. */
  readonly newReference?: () => string;
}

/** Saves the request with its alerts; a reference taken by someone else gets a fresh one. */
export async function submitRequest(deps: ConsultationDeps, submission: Submission, requester: Person, options: SubmitOptions = {}): Promise<SubmitResult> {
  const routes = routeConsultation(deps.directory, submission.organisationId);
  if (routes.length === 0) return { kind: 'unknown-organisation' };
  const makeReference = options.newReference ?? (() => newReference());
  let id = submission.reference ?? makeReference();
  for (let attempt = 0; attempt < 8; attempt++) {
    const existing = await deps.store.get<ConsultationRequest>(consultationsPartition, requestKey(id));
    if (existing) {
      if (id === submission.reference && existing.value.requester.id === requester.id) return { kind: 'duplicate', request: existing.value };
      id = makeReference();
      continue;
    }
    const at = deps.now();
    const created: ConsultationRequest = {
      id,
      organisationId: submission.organisationId,
      category: submission.category,
      urgency: submission.urgency,
      urgent: submission.urgent,
      description: submission.description,
      contact: submission.contact,
      requester,
      lang: submission.lang,
      state: 'open',
      createdAt: at.toISOString(),
      updatedAt: at.toISOString(),
      escalateAt: escalationDeadline(at, submission.urgency, submission.urgent, options.escalationMinutes ?? defaultEscalationMinutes).toISOString(),
      acknowledgedPersonalData: [...submission.acknowledgedPersonalData],
      unreachable: [],
      events: 0,
    };
    const { request, op: auditOp } = appendAudit(created, {
      at: created.createdAt,
      action: 'submitted',
      actor: requester.id,
      to: 'open',
      detail: { organisationId: created.organisationId, urgency: created.urgency, urgent: created.urgent, personalDataKept: created.acknowledgedPersonalData },
    });
    const committed = await deps.store.commit(consultationsPartition, [
      { kind: 'put', key: requestKey(id), value: request, ifAbsent: true },
      openIndexOp(request),
      { kind: 'put', key: `${minePrefix(requester.id)}${id}`, value: { createdAt: request.createdAt } },
      auditOp,
      ...deps.outbox.enqueueOps(alertDeliveries(request, created.events, routes, 'new', deps.directory)),
    ]);
    if (committed.ok) return { kind: 'submitted', request };
    // A conflict: the same form committed meanwhile (double click); the next turn of the loop sees it.
  }
  throw new ConsultationError(`no free reference after 8 attempts`);
}
