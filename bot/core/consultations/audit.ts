/**
 * The audit trail of a request: who did what, when, kept as one record per event in the same
 * commit as the change it records. Entries hold ids, states and kinds, never the description or
 * the closing note.
 */
import type { WriteOp } from '../storage/record-store.js';
import type { ConsultationRequest, RequestState } from './request.js';

/** What happened to a request. */
export type AuditAction = 'submitted' | 'claimed' | 'assigned' | 'closed' | 'escalated' | 'delivery-rerouted' | 'delivery-failed';

/** One audit entry. */
export interface AuditEntry {
  readonly requestId: string;
  readonly seq: number;
  readonly at: string;
  readonly action: AuditAction;
  /** The person who acted (a Teams user id); absent for Balise's own actions (escalation, delivery). */
  readonly actor?: string;
  readonly from?: RequestState;
  readonly to?: RequestState;
  /** Ids and codes only (assignee id, urgency, personal-data kinds...). */
  readonly detail?: Readonly<Record<string, string | boolean | readonly string[]>>;
}

/** Key prefix of a request's audit entries. */
export function auditPrefix(requestId: string): string {
  return `audit/${requestId}/`;
}

/**
 * The write of the request's next audit entry; returns it with the request's event counter moved on.
 * The caller commits both in one transaction, so the sequence has no gaps and no duplicates.
 */
export function appendAudit(
  request: ConsultationRequest,
  entry: Omit<AuditEntry, 'requestId' | 'seq'>,
): { request: ConsultationRequest; op: WriteOp } {
  const seq = request.events;
  const value: AuditEntry = { requestId: request.id, seq, ...entry };
  return {
    request: { ...request, events: seq + 1 },
    op: { kind: 'put', key: `${auditPrefix(request.id)}${String(seq).padStart(4, '0')}`, value, ifAbsent: true },
  };
}
