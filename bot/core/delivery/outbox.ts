/**
 * The durable outbox: deliveries are records (`outbox/<id>`) in the partition of what they belong
 * to, so they can be committed in the same transaction. While a delivery is pending or being sent,
 * a small marker `outbox-due/<id>` says when it is due: the worker lists only those markers, so
 * months of settled deliveries are never rescanned; a job index `outbox-job/<jobId>/<id>` holds each
 * delivery's state, so a job's tally reads that job only. A worker claims due deliveries with ETags
 * (so two workers never send the same one), renews its lease while a send is slow, and settles or
 * reschedules them: 429 waits for Retry-After and pauses every instance (the pause is stored; the
 * connector's limit is per bot) without counting as a failed attempt, 5xx and network errors back
 * off with jitter, an unreachable recipient goes to its fallback.
 *
 * Delivery is at least once: a process that dies after the connector accepted a message and before
 * the sent mark is written leaves the claim to expire, and another worker sends it again. The sent
 * mark is the first write after a successful send, so that window is one store round trip.
 */
import type { RecordStore, StoredRecord, WriteOp } from '../storage/record-store.js';
import { backoffDelay, type BackoffOptions } from './backoff.js';
import { createSharedPause } from './shared-pause.js';
import type { Delivery, DeliveryTally, Payload, Recipient, SendOutcome, Sender } from './delivery-types.js';

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

/** Options of {@link createOutbox}, each with its default. */
export interface OutboxOptions extends BackoffOptions {
  /** Attempts before a delivery is marked failed. Default: 8. */
  readonly maxAttempts?: number;
  /** How long a claim protects a delivery being sent, in ms. Default: 60,000. */
  readonly leaseMs?: number;
  /** How often a worker renews the claim of a send still in flight, in ms. Default: a third of `leaseMs`. */
  readonly renewEveryMs?: number;
  /** Deliveries sent at once by one drain. Default: 4. */
  readonly concurrency?: number;
  /** Polling interval of `start()`, in ms. Default: 1,000. */
  readonly pollMs?: number;
  /** Jitter source; tests fix it. Default: Math.random. */
  readonly random?: () => number;
}

/** What the outbox needs. */
export interface OutboxDeps {
  readonly store: RecordStore;
  readonly sender: Sender;
  readonly now: () => Date;
  /** Partitions that hold deliveries. */
  readonly partitions: readonly string[];
  /** Reports faults of the worker loop (never payloads). */
  readonly onError?: (err: Error) => void;
}

/** The outbox API used by features. */
export interface Outbox {
  enqueue(partition: string, deliveries: readonly NewDelivery[]): Promise<void>;
  enqueueOps(deliveries: readonly NewDelivery[]): WriteOp[];
  drainOnce(): Promise<number>;
  tally(partition: string, jobId: string): Promise<DeliveryTally>;
  onSettled(listener: (delivery: Delivery, partition: string) => Promise<void> | void): void;
  /** Runs `listener` after each poll of `start()` (stopped with it); for periodic work that must survive a lost process. */
  onPolled(listener: () => Promise<void> | void): void;
  /** Write ops that cancel a delivery still pending (none when it is already being sent or settled). */
  cancelOps(record: StoredRecord<Delivery>): WriteOp[];
  start(): void;
  stop(): Promise<void>;
}

const prefix = 'outbox/';
const duePrefix = 'outbox-due/';
const jobPrefix = (jobId: string) => `outbox-job/${jobId}/`;

export { outboxControlPartition } from './shared-pause.js';

/** The record key of a delivery in its partition (to read it in a feature's own commit). */
export function deliveryKey(id: string): string {
  return `${prefix}${id}`;
}
const keyOf = deliveryKey;
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
const settledStates = new Set(['sent', 'failed', 'unreachable']);

/** Creates an outbox over the store. */
export function createOutbox(deps: OutboxDeps, options: OutboxOptions = {}): Outbox {
  const maxAttempts = options.maxAttempts ?? 8;
  const leaseMs = options.leaseMs ?? 60_000;
  const concurrency = options.concurrency ?? 4;
  const pollMs = options.pollMs ?? 1_000;
  const renewEveryMs = options.renewEveryMs ?? Math.max(1, Math.floor(leaseMs / 3));
  const random = options.random ?? Math.random;
  const listeners: Array<(d: Delivery, p: string) => Promise<void> | void> = [];
  const polled: Array<() => Promise<void> | void> = [];
  const pause = createSharedPause(deps.store);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();

  const toRecord = (d: NewDelivery): Delivery => ({
    id: d.id,
    jobId: d.jobId,
    recipient: d.recipient,
    payload: d.payload,
    fallback: d.fallback,
    state: 'pending',
    attempts: 0,
    notBefore: (d.notBefore ?? deps.now()).toISOString(),
  });

  const isDue = (d: Delivery, now: number) =>
    (d.state === 'pending' && Date.parse(d.notBefore) <= now) || (d.state === 'sending' && Date.parse(d.leaseUntil ?? '') <= now);

  /** The delivery's new state, with its marker and job entry kept in step in the same commit. */
  const writeOps = (record: StoredRecord<Delivery>, next: Delivery): WriteOp[] => [
    { kind: 'put', key: record.key, value: next, ifMatch: record.etag },
    settledStates.has(next.state)
      ? { kind: 'delete', key: dueKeyOf(next.id) }
      : { kind: 'put', key: dueKeyOf(next.id), value: { at: next.state === 'sending' ? (next.leaseUntil ?? next.notBefore) : next.notBefore } satisfies DueMarker },
    ...(next.state === record.value.state ? [] : [{ kind: 'put' as const, key: jobKeyOf(next), value: { state: next.state } satisfies JobEntry }]),
  ];

  async function settle(partition: string, record: StoredRecord<Delivery>, next: Delivery): Promise<boolean> {
    let result;
    // The sent mark is what stops a second send: a store hiccup gets a few more tries before the
    // claim is left to expire (and the message to be sent again).
    for (let attempt = 1; ; attempt++) {
      try {
        result = await deps.store.commit(partition, writeOps(record, next));
        break;
      } catch (err) {
        if (attempt >= 3) throw err;
      }
    }
    if (result.ok && settledStates.has(next.state)) for (const l of listeners) await l(next, partition);
    return result.ok;
  }

  /** Sends while renewing the claim, so a slow send is never taken over by another worker. */
  async function sendLeased(partition: string, claimed: StoredRecord<Delivery>): Promise<{ outcome: SendOutcome; record: StoredRecord<Delivery> }> {
    let record = claimed;
    let renewing: Promise<unknown> | undefined;
    const renew = async () => {
      const next: Delivery = { ...record.value, leaseUntil: new Date(deps.now().getTime() + leaseMs).toISOString() };
      const result = await deps.store.commit(partition, writeOps(record, next));
      if (result.ok) record = { ...record, value: next, etag: result.etags[0] ?? '' };
    };
    const timer = setInterval(() => {
      renewing ??= renew()
        .catch(() => undefined)
        .finally(() => (renewing = undefined));
    }, renewEveryMs);
    timer.unref?.();
    let outcome: SendOutcome;
    try {
      outcome = await deps.sender.send(claimed.value.recipient, claimed.value.payload);
    } catch (err) {
      outcome = { ok: false as const, reason: 'transient' as const, detail: (err as Error).message };
    } finally {
      clearInterval(timer);
    }
    await renewing;
    return { outcome, record };
  }

  function enqueueOpsOf(d: NewDelivery): WriteOp[] {
    const record = toRecord(d);
    return [
      { kind: 'put', key: keyOf(d.id), value: record, ifAbsent: true },
      { kind: 'put', key: dueKeyOf(d.id), value: { at: record.notBefore } satisfies DueMarker },
      { kind: 'put', key: jobKeyOf(record), value: { state: record.state } satisfies JobEntry },
    ];
  }

  async function deliver(partition: string, due: StoredRecord<Delivery>): Promise<boolean> {
    const now = deps.now();
    const claimed: Delivery = { ...due.value, state: 'sending', attempts: due.value.attempts + 1, leaseUntil: new Date(now.getTime() + leaseMs).toISOString() };
    const claim = await deps.store.commit(partition, writeOps(due, claimed));
    if (!claim.ok) return false; // another worker has it
    const { outcome, record } = await sendLeased(partition, { key: due.key, value: claimed, etag: claim.etags[0] ?? '' });
    const later = (ms: number) => new Date(deps.now().getTime() + ms).toISOString();
    if (outcome.ok) return settle(partition, record, { ...record.value, state: 'sent', leaseUntil: undefined, lastError: undefined });
    if (outcome.reason === 'unreachable') {
      if (claimed.fallback) {
        // Deliver to the fallback next, under the same id: the original recipient never got it.
        return settle(partition, record, { ...claimed, recipient: claimed.fallback, fallback: undefined, state: 'pending', attempts: 0, notBefore: later(0), leaseUntil: undefined, lastError: `unreachable: ${outcome.detail}` });
      }
      return settle(partition, record, { ...claimed, state: 'unreachable', leaseUntil: undefined, lastError: outcome.detail });
    }
    if (outcome.reason === 'throttled') {
      // A 429 is the connector asking to wait, not a failed attempt: it does not count toward maxAttempts.
      await pause.extend(deps.now().getTime() + outcome.retryAfterMs);
      return settle(partition, record, { ...claimed, attempts: claimed.attempts - 1, state: 'pending', notBefore: later(outcome.retryAfterMs), leaseUntil: undefined, lastError: 'throttled' });
    }
    if (claimed.attempts >= maxAttempts) return settle(partition, record, { ...claimed, state: 'failed', leaseUntil: undefined, lastError: outcome.reason });
    return settle(partition, record, { ...claimed, state: 'pending', notBefore: later(backoffDelay(claimed.attempts, options, random)), leaseUntil: undefined, lastError: outcome.detail });
  }

  async function drainOnce(): Promise<number> {
    let settled = 0;
    await pause.refresh();
    for (const partition of deps.partitions) {
      const now = deps.now().getTime();
      if (now < pause.until()) break;
      const markers = (await deps.store.list<DueMarker>(partition, { prefix: duePrefix })).filter((m) => Date.parse(m.value.at) <= now);
      const records = await Promise.all(markers.map((m) => deps.store.get<Delivery>(partition, keyOf(m.key.slice(duePrefix.length)))));
      const due = records.filter((r): r is StoredRecord<Delivery> => r !== undefined && isDue(r.value, now));
      for (let i = 0; i < due.length; i += concurrency) {
        if (deps.now().getTime() < pause.until()) return settled;
        const batch = due.slice(i, i + concurrency);
        const done = await Promise.all(batch.map((r) => deliver(partition, r)));
        settled += done.filter(Boolean).length;
      }
    }
    return settled;
  }

  return {
    async enqueue(partition, deliveries) {
      for (const d of deliveries) {
        // Create-once: an id already there (a resumed enqueue) is skipped, never sent twice.
        await deps.store.commit(partition, enqueueOpsOf(d));
      }
    },
    enqueueOps(deliveries) {
      return deliveries.flatMap(enqueueOpsOf);
    },
    cancelOps(record) {
      if (record.value.state !== 'pending') return [];
      return [
        { kind: 'delete', key: record.key, ifMatch: record.etag },
        { kind: 'delete', key: dueKeyOf(record.value.id) },
        { kind: 'delete', key: jobKeyOf(record.value) },
      ];
    },
    drainOnce,
    async tally(partition, jobId) {
      // The job's own index: the cost is the job's size, whatever the partition's history.
      const all = (await deps.store.list<JobEntry>(partition, { prefix: jobPrefix(jobId) })).map((r) => r.value);
      const count = (s: string) => all.filter((d) => d.state === s).length;
      return { total: all.length, sent: count('sent'), failed: count('failed'), unreachable: count('unreachable'), pending: count('pending') + count('sending') };
    },
    onSettled(listener) {
      listeners.push(listener);
    },
    onPolled(listener) {
      polled.push(listener);
    },
    start() {
      if (timer) return;
      const tick = () => {
        running = drainOnce()
          .then(async () => {
            for (const l of polled) await l();
          })
          .catch((err: Error) => deps.onError?.(err))
          .finally(() => {
            if (timer) timer = setTimeout(tick, pollMs);
          });
      };
      timer = setTimeout(tick, 0);
    },
    async stop() {
      const t = timer;
      timer = undefined;
      if (t) clearTimeout(t);
      await running;
    },
  };
}
