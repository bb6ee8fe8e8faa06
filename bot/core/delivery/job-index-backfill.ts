/**
 * One-off migration run at start-up: deliveries enqueued before the job index existed get their
 * entry `outbox-job/<jobId>/<id>`, so their job's tally counts them and a cancellation or purge that
 * deletes the entry finds it (Azure refuses to delete a missing row inside a transaction).
 *
 * Idempotent and safe with several instances: a marker per partition says it is done; entries are
 * created only where absent (`ifAbsent`), so an entry a worker wrote meanwhile, with a newer state,
 * is never overwritten. Reads go page by page, so memory holds one page of deliveries at a time.
 */
import { listPages, type RecordStore, type WriteOp } from '../storage/record-store.js';
import type { Delivery } from './delivery-types.js';
import { deliveryKey, jobKeyOf } from './outbox.js';

/** Marker written in a partition once its deliveries all have their job entry. */
export const jobIndexBuiltKey = 'outbox-job-index-built';
const pageSize = 500;

/** Creates the missing entries of one batch; a batch refused because one entry appeared meanwhile is retried entry by entry. */
async function createEntries(store: RecordStore, partition: string, ops: readonly WriteOp[]): Promise<number> {
  if (ops.length === 0) return 0;
  if ((await store.commit(partition, ops)).ok) return ops.length;
  let created = 0;
  // A conflict here: the entry exists now, written by a worker with the delivery's newer state.
  for (const op of ops) if ((await store.commit(partition, [op])).ok) created++;
  return created;
}

/** Backfills the job index of each partition not migrated yet; returns how many entries it created. */
export async function backfillJobIndex(store: RecordStore, partitions: readonly string[], now: () => Date = () => new Date()): Promise<number> {
  let created = 0;
  for (const partition of partitions) {
    if (await store.get(partition, jobIndexBuiltKey)) continue;
    const indexed = new Set<string>();
    for await (const page of listPages<unknown>(store, partition, 'outbox-job/', pageSize)) for (const r of page) indexed.add(r.key);
    for await (const page of listPages<Delivery>(store, partition, deliveryKey(''), pageSize)) {
      const missing = page.map((r) => r.value).filter((d) => !indexed.has(jobKeyOf(d)));
      const ops = missing.map((d): WriteOp => ({ kind: 'put', key: jobKeyOf(d), value: { state: d.state }, ifAbsent: true }));
      for (let i = 0; i < ops.length; i += 100) created += await createEntries(store, partition, ops.slice(i, i + 100));
    }
    await store.commit(partition, [{ kind: 'put', key: jobIndexBuiltKey, value: { at: now().toISOString() } }]);
  }
  return created;
}
