/**
 * Start-up migration of the outbox's due markers: versions before the time-ordered markers wrote
 * `outbox-due/<id>`; each one found is replaced by its delivery's `outbox-due-at/<time>/<id>` (or
 * just deleted when its delivery is settled or gone), in one commit under the old marker's ETag.
 *
 * Runs at every start-up (no « done » flag): once nothing is left, it costs one empty key range per
 * partition, and a restart after the last instance of an older version stopped moves whatever that
 * instance wrote meanwhile. Safe with several instances: a conflict means someone else changed the
 * old marker, which is then read again.
 */
import { listPages, type RecordStore, type StoredRecord } from '../storage/record-store.js';
import type { Delivery } from './delivery-types.js';
import { deliveryKey, markerOps } from './outbox-records.js';

/** Prefix of the due markers of older versions, `outbox-due/<id>`. */
export const legacyDuePrefix = 'outbox-due/';
const pageSize = 500;
const attempts = 5;

/** Moves one old marker; false if it kept changing under us. */
async function moveMarker(store: RecordStore, partition: string, first: StoredRecord<unknown>): Promise<boolean> {
  let marker: StoredRecord<unknown> | undefined = first;
  for (let attempt = 0; attempt < attempts && marker; attempt++) {
    const id = marker.key.slice(legacyDuePrefix.length);
    const delivery = await store.get<Delivery>(partition, deliveryKey(id));
    const ops = [{ kind: 'delete' as const, key: marker.key, ifMatch: marker.etag }, ...(delivery ? markerOps(undefined, delivery.value) : [])];
    if ((await store.commit(partition, ops)).ok) return true;
    marker = await store.get(partition, marker.key);
  }
  return marker === undefined;
}

/** Moves every old-style due marker of `partitions` to the time-ordered key; returns how many it moved. */
export async function migrateDueMarkers(store: RecordStore, partitions: readonly string[]): Promise<number> {
  let moved = 0;
  for (const partition of partitions) {
    // A marker that would not move is left in place and passed over (the next start-up tries it again).
    for await (const page of listPages<unknown>(store, partition, legacyDuePrefix, pageSize)) {
      for (const marker of page) if (await moveMarker(store, partition, marker)) moved++;
    }
  }
  return moved;
}
