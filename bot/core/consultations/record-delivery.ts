/**
 * What the outbox reports back: an alert that went to a fallback (its recipient was unreachable)
 * or that could not be delivered at all is noted on the request, where the coordinators' card
 * shows it, and in the audit trail.
 */
import type { Delivery } from '../delivery/delivery-types.js';
import { updateRecord } from '../storage/record-store.js';
import { appendAudit } from './audit.js';
import { consultationPayloadKinds } from './payloads.js';
import { consultationsPartition, requestKey, type ConsultationDeps } from './records.js';
import type { ConsultationRequest, UnreachableNote } from './request.js';
import { recipientKey } from './routing.js';

/** A delivery problem worth reporting (ids and names of staff only). */
export interface DeliveryReport {
  readonly requestId: string;
  readonly deliveryId: string;
  readonly outcome: 'rerouted' | 'failed';
  readonly intendedFor: string;
  readonly deliveredTo?: string;
}

const kinds = new Set<string>(Object.values(consultationPayloadKinds));

/** Notes a settled delivery of a consultation when it did not reach its intended recipient. */
export async function recordDelivery(deps: ConsultationDeps, delivery: Delivery, partition: string): Promise<DeliveryReport | undefined> {
  if (partition !== consultationsPartition || !kinds.has(delivery.payload.kind)) return undefined;
  const data = delivery.payload.data as { intendedFor?: string; intendedName?: string; requestId?: string; view?: { id?: string } };
  const requestId = data.view?.id ?? data.requestId;
  if (!requestId || !data.intendedFor) return undefined;
  const deliveredTo = recipientKey(delivery.recipient);
  let outcome: DeliveryReport['outcome'];
  if (delivery.state === 'sent' && deliveredTo !== data.intendedFor) outcome = 'rerouted';
  else if (delivery.state === 'unreachable' || delivery.state === 'failed') outcome = 'failed';
  else return undefined;

  const report: DeliveryReport = { requestId, deliveryId: delivery.id, outcome, intendedFor: data.intendedFor, ...(outcome === 'rerouted' ? { deliveredTo } : {}) };
  const note: UnreachableNote = { recipient: data.intendedName ?? data.intendedFor, ...(outcome === 'rerouted' ? { deliveredTo: delivery.recipient.name ?? deliveredTo } : {}) };
  return updateRecord<ConsultationRequest, DeliveryReport | undefined>(deps.store, consultationsPartition, requestKey(requestId), (current) => {
    if (!current) return { result: undefined };
    const at = deps.now().toISOString();
    const { request, op } = appendAudit(
      { ...current, unreachable: [...current.unreachable, note] },
      { at, action: outcome === 'rerouted' ? 'delivery-rerouted' : 'delivery-failed', detail: { deliveryId: delivery.id, intendedFor: data.intendedFor ?? '', state: delivery.state, ...(outcome === 'rerouted' ? { deliveredTo } : {}) } },
    );
    return { value: request, result: report, extra: [op] };
  });
}
