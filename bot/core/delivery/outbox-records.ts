/**
 * How the outbox keeps its deliveries in the store. Each delivery is a record `outbox/<id>` in the
 * partition of what it belongs to; while it is pending or being sent, a small marker
 * `outbox-due/<id>` says when it is due (the worker lists only those, so months of settled
 * deliveries are never rescanned); its job index entry `outbox-job/<jobId>/<id>` holds its state,
 * so a job's tally reads that job only. Every write here keeps the three in step, in one commit.
 */
import type { RecordStore, StoredRecord, WriteOp } from '../storage/record-store.js';
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
const duePrefix = 'outbox-due/';
const jobPrefix = (jobId: string) => `outbox-job/${jobId}/`;

/** The record key of a delivery in its partition (to read it in a feature's own commit). */
export function deliveryKey(id: string): string {
  return `${prefix}${id}`;
}
const dueKeyOf = (id: string) => `${duePrefix}${id}`;
/** The key of a delivery's entry in its job index (a purge deletes it with the delivery). */
export const jobKeyOf = (d: Pick<Delivery, 'jobId' | 'id'>) => `${jobPrefix(d.jobId)}${d.id}`;

/** The marker of a delivery still to send: when it is next due. */
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
    { kind: 'put', key: dueKeyOf(d.id), value: { at: record.notBefore } satisfies DueMarker },
    { kind: 'put', key: jobKeyOf(record), value: { state: record.state } satisfies JobEntry },
  ];
}

/** Write ops that move a delivery to its next state (under its ETag), with its marker and job entry kept in step. */
export function transitionOps(record: StoredRecord<Delivery>, next: Delivery): WriteOp[] {
  return [
    { kind: 'put', key: record.key, value: next, ifMatch: record.etag },
    settledStates.has(next.state)
      ? { kind: 'delete', key: dueKeyOf(next.id) }
      : { kind: 'put', key: dueKeyOf(next.id), value: { at: next.state === 'sending' ? (next.leaseUntil ?? next.notBefore) : next.notBefore } satisfies DueMarker },
    ...(next.state === record.value.state ? [] : [{ kind: 'put' as const, key: jobKeyOf(next), value: { state: next.state } satisfies JobEntry }]),
  ];
}

/** Write ops that cancel a delivery still pending (none when it is already being sent or settled). */
export function cancelOps(record: StoredRecord<Delivery>): WriteOp[] {
  if (record.value.state !== 'pending') return [];
  return [
    { kind: 'delete', key: record.key, ifMatch: record.etag },
    { kind: 'delete', key: dueKeyOf(record.value.id) },
    { kind: 'delete', key: jobKeyOf(record.value) },
  ];
}

const isDue = (d: Delivery, now: number) =>
  (d.state === 'pending' && Date.parse(d.notBefore) <= now) || (d.state === 'sending' && Date.parse(d.leaseUntil ?? '') <= now);

/** The deliveries of a partition due at `now` (pending and due, or claimed by a worker whose lease expired). */
export async function dueDeliveries(store: RecordStore, partition: string, now: number): Promise<StoredRecord<Delivery>[]> {
  const markers = (await store.list<DueMarker>(partition, { prefix: duePrefix })).filter((m) => Date.parse(m.value.at) <= now);
  const records = await Promise.all(markers.map((m) => store.get<Delivery>(partition, deliveryKey(m.key.slice(duePrefix.length)))));
  return records.filter((r): r is StoredRecord<Delivery> => r !== undefined && isDue(r.value, now));
}

/** The tally of one job, read from the job's own index: its cost is the job's size, whatever the partition's history. */
export async function readTally(store: RecordStore, partition: string, jobId: string): Promise<DeliveryTally> {
  const all = (await store.list<JobEntry>(partition, { prefix: jobPrefix(jobId) })).map((r) => r.value);
  const count = (s: string) => all.filter((d) => d.state === s).length;
  return { total: all.length, sent: count('sent'), failed: count('failed'), unreachable: count('unreachable'), pending: count('pending') + count('sending') };
}
