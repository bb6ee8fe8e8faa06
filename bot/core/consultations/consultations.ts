/**
 * The consultation service: one object the Teams side and the composition root hold, binding the
 * core functions (submit, act, view, lists, escalation, delivery reports) to their dependencies.
 */
import type { Delivery } from '../delivery/delivery-types.js';
import { personRecord, toRecipient, type Person } from '../people/person.js';
import { actOnRequest, loadForHandler, type ActionInput, type ActResult } from './act-on-request.js';
import { auditPrefix, type AuditEntry } from './audit.js';
import { escalateDue } from './escalate-due.js';
import { defaultEscalationMinutes, type EscalationMinutes } from './escalation.js';
import { recordDelivery, type DeliveryReport } from './record-delivery.js';
import { consultationsPartition, minePrefix, openPrefix, requestKey, type ConsultationDeps, type OpenIndexEntry } from './records.js';
import type { ConsultationRequest } from './request.js';
import { viewOf, type RequestView } from './request-view.js';
import { alertDeliveries } from './payloads.js';
import { submitRequest, type Submission, type SubmitResult } from './submit-request.js';

/** Options of {@link createConsultations}, each with its default. */
export interface ConsultationOptions {
  /** Minutes an untaken request waits before escalation, per urgency. Default: {@link defaultEscalationMinutes}. */
  readonly escalationMinutes?: Partial<EscalationMinutes>;
  /** Reference generator. Default: random `C-XXXXXX`. */
  readonly newReference?: () => string;
  /** Most requests "Mes demandes" lists, newest first. Default: 20. */
  readonly mineLimit?: number;
}

/** What a handler gets when it shows a request to someone. */
export type ViewResult = { readonly kind: 'ok'; readonly request: ConsultationRequest } | { readonly kind: 'not-found' } | { readonly kind: 'not-allowed'; readonly organisationId: string };

/** The consultation service. */
export interface Consultations {
  submit(submission: Submission, requester: Person): Promise<SubmitResult>;
  act(requestId: string, user: Person, action: ActionInput): Promise<ActResult>;
  /** A request for someone who may act on it (the card refresh); others get `not-allowed`. */
  view(requestId: string, user: Person): Promise<ViewResult>;
  viewOf(request: ConsultationRequest): RequestView;
  /** The worker's own requests, newest first. */
  listMine(user: Person): Promise<ConsultationRequest[]>;
  /** Requests not closed that `user` may act on, most urgent and oldest first. */
  listOpen(user: Person): Promise<ConsultationRequest[]>;
  /** Escalates what is due at `now`; returns the ids escalated. */
  escalateDue(now: Date): Promise<string[]>;
  /** The outbox's settle listener: notes alerts that did not reach their recipient. */
  recordDelivery(delivery: Delivery, partition: string): Promise<DeliveryReport | undefined>;
  auditTrail(requestId: string): Promise<AuditEntry[]>;
  /**
   * Sends the request card to `user`'s private chat (the Pivots channel notice's button), when they
   * may act on it; once per person and event. False when they may not.
   */
  sendTo(request: ConsultationRequest, user: Person): Promise<boolean>;
}

const urgencyRank = { immediate: 0, today: 1, week: 2, none: 3 } as const;

/** Creates the service over its dependencies. */
export function createConsultations(deps: ConsultationDeps, options: ConsultationOptions = {}): Consultations {
  const escalationMinutes = { ...defaultEscalationMinutes, ...options.escalationMinutes };
  const getAll = async (ids: readonly string[]) =>
    (await Promise.all(ids.map((id) => deps.store.get<ConsultationRequest>(consultationsPartition, requestKey(id))))).flatMap((r) => (r ? [r.value] : []));

  return {
    submit: (submission, requester) =>
      submitRequest(deps, submission, personRecord(requester), {
        escalationMinutes,
        ...(options.newReference ? { newReference: options.newReference } : {}),
      }),
    act: (requestId, user, action) => actOnRequest(deps, requestId, user, action),
    view: (requestId, user) => loadForHandler(deps, requestId, user),
    viewOf: (request) => viewOf(request, deps.directory),
    async listMine(user) {
      const prefix = minePrefix(user.id);
      const keys = await deps.store.list(consultationsPartition, { prefix });
      const requests = await getAll(keys.map((k) => k.key.slice(prefix.length)));
      return requests.sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, options.mineLimit ?? 20);
    },
    async listOpen(user) {
      const open = await deps.store.list<OpenIndexEntry>(consultationsPartition, { prefix: openPrefix });
      const ids = open.filter((r) => deps.directory.canHandle(user, r.value.organisationId)).map((r) => r.key.slice(openPrefix.length));
      const requests = await getAll(ids);
      return requests.sort((a, b) => Number(b.urgent) - Number(a.urgent) || urgencyRank[a.urgency] - urgencyRank[b.urgency] || a.createdAt.localeCompare(b.createdAt));
    },
    escalateDue: (now) => escalateDue(deps, now),
    recordDelivery: (delivery, partition) => recordDelivery(deps, delivery, partition),
    async sendTo(request, user) {
      if (!deps.directory.canHandle(user, request.organisationId)) return false;
      const recipient = toRecipient(user);
      const deliveries = alertDeliveries(request, request.events, [{ recipient }], 'new', deps.directory).map((d) => ({ ...d, id: `${d.id}.view`, jobId: `${d.jobId}.view` }));
      // Create-once: a second click finds the delivery there and the commit changes nothing.
      await deps.store.commit(consultationsPartition, deps.outbox.enqueueOps(deliveries));
      return true;
    },
    async auditTrail(requestId) {
      return (await deps.store.list<AuditEntry>(consultationsPartition, { prefix: auditPrefix(requestId) })).map((r) => r.value);
    },
  };
}
