/**
 * Where consultations live: one partition holding requests (`request/<id>`), two small indexes
 * (`open/<id>` for requests not yet closed, with their escalation deadline; `mine/<user>/<id>`),
 * the audit trail and the outbox deliveries, so a change, its audit entry and its alerts commit
 * together.
 */
import type { Directory } from '../directory/directory.js';
import type { Outbox } from '../delivery/outbox.js';
import type { RecordStore, WriteOp } from '../storage/record-store.js';
import type { ConsultationRequest } from './request.js';

/** The partition of every consultation record (the outbox must drain it). */
export const consultationsPartition = 'consultations';

/** What the consultation core needs from outside. */
export interface ConsultationDeps {
  readonly store: RecordStore;
  /** Only the writes of deliveries: they are committed with the change they announce. */
  readonly outbox: Pick<Outbox, 'enqueueOps'>;
  readonly directory: Directory;
  readonly now: () => Date;
}

/** An entry of the open index. */
export interface OpenIndexEntry {
  readonly organisationId: string;
  /** The escalation deadline, while nobody has taken the request and it was not escalated yet. */
  readonly due?: string;
}

/** Key of a request. */
export const requestKey = (id: string): string => `request/${id}`;
/** Key prefix of the open index. */
export const openPrefix = 'open/';
/** Key prefix of a worker's requests. */
export const minePrefix = (userId: string): string => `mine/${userId}/`;

/** The write that keeps the open index in step with `request` (removed once closed). */
export function openIndexOp(request: ConsultationRequest): WriteOp {
  const key = `${openPrefix}${request.id}`;
  if (request.state === 'closed') return { kind: 'delete', key };
  const due = request.state === 'open' && !request.escalatedAt ? request.escalateAt : undefined;
  const value: OpenIndexEntry = { organisationId: request.organisationId, ...(due ? { due } : {}) };
  return { kind: 'put', key, value };
}

/** Thrown on a fault of the consultation core (never for an expected outcome). */
export class ConsultationError extends Error {
  constructor(message: string) {
    super(`consultations: ${message}`);
    this.name = 'ConsultationError';
  }
}
