/**
 * Retention of consultations: a request closed before `before` goes, with its audit trail, its
 * index entries and its settled deliveries (which carry copies of the description). Requests not
 * closed stay, whatever their age: someone still has to act on them.
 */
import { deliveryKey, jobKeyOf } from '../delivery/outbox.js';
import type { Delivery } from '../delivery/delivery-types.js';
import type { RecordStore, WriteOp } from '../storage/record-store.js';
import { auditPrefix } from './audit.js';
import { consultationsPartition, minePrefix, openPrefix, requestKey } from './records.js';
import type { ConsultationRequest } from './request.js';

const settled = new Set<Delivery['state']>(['sent', 'failed', 'unreachable']);
/** Most writes in one commit (the store's limit). */
const batch = 100;

/** Deletes what belongs to requests closed before `before`; returns the ids purged. */
export async function purgeClosedRequests(store: RecordStore, before: Date): Promise<string[]> {
  const requests = await store.list<ConsultationRequest>(consultationsPartition, { prefix: 'request/' });
  const expired = requests.map((r) => r.value).filter((r) => r.state === 'closed' && Date.parse(r.updatedAt) < before.getTime());
  const purged: string[] = [];
  for (const request of expired) {
    const audit = await store.list(consultationsPartition, { prefix: auditPrefix(request.id) });
    const deliveries = await store.list<Delivery>(consultationsPartition, { prefix: deliveryKey(`${request.id}.`) });
    // A delivery still pending keeps its request's records for the next run (it may still be sent).
    if (deliveries.some((d) => !settled.has(d.value.state))) continue;
    // Only keys that exist: Azure Table Storage fails a transaction that deletes a missing entity.
    const indexes = [`${openPrefix}${request.id}`, `${minePrefix(request.requester.id)}${request.id}`, ...deliveries.map((d) => jobKeyOf(d.value))];
    const present = (await Promise.all(indexes.map(async (key) => ((await store.get(consultationsPartition, key)) ? [key] : [])))).flat();
    const keys = [...deliveries.map((d) => d.key), ...audit.map((a) => a.key), ...present, requestKey(request.id)];
    // The request record goes last: if a run stops half-way, the next one finds it and finishes.
    for (let i = 0; i < keys.length; i += batch) {
      const ops: WriteOp[] = keys.slice(i, i + batch).map((key) => ({ kind: 'delete', key }));
      await store.commit(consultationsPartition, ops);
    }
    purged.push(request.id);
  }
  return purged;
}
