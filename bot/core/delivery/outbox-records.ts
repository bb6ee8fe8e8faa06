/**
 * How the outbox keeps its deliveries in the store. Each delivery is a record `outbox/<id>` in the
 * partition of what it belongs to; while it is pending or being sent, one marker
 * `outbox-due-at/<ISO time>/<id>` says when it is next due, so the worker reads the markers up to
 * now as a key range (deliveries due later, such as reminders, and months of settled ones are never
 * read); its job index entry `outbox-job/<jobId>/<id>` holds its state, so a job's tally reads that
 * job only. Every write here keeps the three in step, in one commit: a change of due time deletes
 * the old marker and writes the new one. Markers of older versions (`outbox-due/<id>`) are moved
 * at start-up (`due-marker-migration.ts`).
 */
import { prefixUpperBound, type RecordStore, type StoredRecord, type WriteOp } from '../storage/record-store.js';
import type { Delivery, DeliveryTally, Payload, Recipient } from './delivery-types.js';

/** A delivery to enqueue. */
export interface NewDelivery {
  readonly id: string;
  readonly jobId: string;
  readonly recipient: Recipient;
  readonly payload: Payload;
  readonly fallback?: Recipient;
  /** Not before this time (e.g. a reminder); default now. */
  readonly notBefore?: Date;
}

const prefix = 'outbox/';
/** Prefix of the time-ordered due markers. */
export const dueAtPrefix = 'outbox-due-at/';
const jobPrefix = (jobId: string) => `outbox-job/${jobId}/`;

/** The record key of a delivery in its partition (to read it in a feature's own commit). */
export function deliveryKey(id: string): string {
  return `${prefix}${id}`;
}
/** The key of a delivery's entry in its job index (a purge deletes it with the delivery). */
export const jobKeyOf = (d: Pick<Delivery, 'jobId' | 'id'>) => `${jobPrefix(d.jobId)}${d.id}`;

/** When a delivery is next due: its time when pending, its lease's end when being sent, none once settled. */
function dueAt(d: Delivery): string | undefined {
  if (settledStates.has(d.state)) return undefined;
  // Canonical ISO (24 characters, `Z`): keys then sort in time order, in SQLite and in Azure alike.
  return new Date(d.state === 'sending' ? (d.leaseUntil ?? d.notBefore) : d.notBefore).toISOString();
}
/** A delivery's due marker (its key and time), or undefined once it is settled. */
function dueMarkerOf(d: Delivery): { key: string; at: string } | undefined {
  const at = dueAt(d);
  return at === undefined ? undefined : { key: `${dueAtPrefix}${at}/${d.id}`, at };
}
/** The key of a delivery's due marker, or undefined once it is settled. */
export const dueKeyOf = (d: Delivery): string | undefined => dueMarkerOf(d)?.key;

/** The marker of a delivery still to send (its key says when and which). */
interface DueMarker {
  readonly at: string;
}
/** A delivery's entry in its job's index. */
interface JobEntry {
  readonly state: Delivery['state'];
}

/** States after which a delivery is never tried again. */
export const settledStates: ReadonlySet<Delivery['state']> = new Set(['sent', 'failed', 'unreachable']);

/** Write ops that create a delivery once (an id already there is left as it is), with its marker and job entry. */
export function enqueueOps(d: NewDelivery, now: Date): WriteOp[] {
  const record: Delivery = {
    id: d.id,
    jobId: d.jobId,
    recipient: d.recipient,
    payload: d.payload,
    fallback: d.fallback,
    state: 'pending',
    attempts: 0,
    notBefore: (d.notBefore ?? now).toISOString(),
  };
  return [
    { kind: 'put', key: deliveryKey(d.id), value: record, ifAbsent: true },
    ...markerOps(undefined, record),
    { kind: 'put', key: jobKeyOf(record), value: { state: record.state } satisfies JobEntry },
  ];
}

/** Write ops that keep a delivery's due marker in step when it goes from `before` to `next` (none, a move, a delete). */
export function markerOps(before: Delivery | undefined, next: Delivery | undefined): WriteOp[] {
  const from = before && dueKeyOf(before);
  const to = next && dueMarkerOf(next);
  return [
    // Only a marker that exists is deleted (Azure Table Storage fails a transaction that deletes a missing row).
    ...(from !== undefined && from !== to?.key ? [{ kind: 'delete' as const, key: from }] : []),
    ...(to ? [{ kind: 'put' as const, key: to.key, value: { at: to.at } satisfies DueMarker }] : []),
  ];
}

/** Write ops that move a delivery to its next state (under its ETag), with its marker and job entry kept in step. */
export function transitionOps(record: StoredRecord<Delivery>, next: Delivery): WriteOp[] {
  return [
    { kind: 'put', key: record.key, value: next, ifMatch: record.etag },
    ...markerOps(record.value, next),
    ...(next.state === record.value.state ? [] : [{ kind: 'put' as const, key: jobKeyOf(next), value: { state: next.state } satisfies JobEntry }]),
  ];
}

/** Write ops that cancel a delivery still pending (none when it is already being sent or settled). */
export function cancelOps(record: StoredRecord<Delivery>): WriteOp[] {
  if (record.value.state !== 'pending') return [];
  return [{ kind: 'delete', key: record.key, ifMatch: record.etag }, ...markerOps(record.value, undefined), { kind: 'delete', key: jobKeyOf(record.value) }];
}

const isDue = (d: Delivery, now: number) =>
  (d.state === 'pending' && Date.parse(d.notBefore) <= now) || (d.state === 'sending' && Date.parse(d.leaseUntil ?? '') <= now);

/** The delivery id a due marker names (`outbox-due-at/<time>/<id>`: the time holds no slash). */
const idOfMarker = (key: string) => key.slice(key.indexOf('/', dueAtPrefix.length) + 1);

/**
 * The deliveries of a partition due at `now` (pending and due, or claimed by a worker whose lease
 * expired): one key range over the markers up to `now`, then each delivery. A marker left behind
 * (its delivery settled, gone or due at another time, e.g. written by an older version still
 * running) is repaired under its ETag, so no marker is read twice in vain.
 */
export async function dueDeliveries(store: RecordStore, partition: string, now: number): Promise<StoredRecord<Delivery>[]> {
  const markers = await store.list<DueMarker>(partition, { prefix: dueAtPrefix, to: prefixUpperBound(`${dueAtPrefix}${new Date(now).toISOString()}/`) });
  const read = await Promise.all(markers.map(async (marker) => ({ marker, record: await store.get<Delivery>(partition, deliveryKey(idOfMarker(marker.key))) })));
  const due: StoredRecord<Delivery>[] = [];
  for (const { marker, record } of read) {
    if (record && dueKeyOf(record.value) === marker.key) {
      if (isDue(record.value, now)) due.push(record);
      continue;
    }
    // A conflict means another worker moved it meanwhile: nothing to repair then.
    await store.commit(partition, [{ kind: 'delete', key: marker.key, ifMatch: marker.etag }, ...(record ? markerOps(undefined, record.value) : [])]);
  }
  return due;
}

/** The tally of one job, read from the job's own index: its cost is the job's size, whatever the partition's history. */
export async function readTally(store: RecordStore, partition: string, jobId: string): Promise<DeliveryTally> {
  const all = (await store.list<JobEntry>(partition, { prefix: jobPrefix(jobId) })).map((r) => r.value);
  const count = (s: string) => all.filter((d) => d.state === s).length;
  return { total: all.length, sent: count('sent'), failed: count('failed'), unreachable: count('unreachable'), pending: count('pending') + count('sending') };
}
