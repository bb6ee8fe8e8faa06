/**
 * The durable outbox: deliveries are records in the partition of what they belong to, so they can
 * be committed in the same transaction (how they are stored, with their due markers and job
 * index: `outbox-records.ts`). A worker polls the due markers and sends each due delivery
 * (`send-delivery.ts`: claimed with its ETag, the lease renewed while a send is slow, settled or
 * rescheduled from the outcome); a 429 pauses every instance (`shared-pause.ts`: the pause is
 * stored, the connector's limit is per bot). This file is the API features use and the worker loop.
 *
 * Delivery is at least once: a process that dies after the connector accepted a message and before
 * the sent mark is written leaves the claim to expire, and another worker sends it again. The sent
 * mark is the first write after a successful send, so that window is one store round trip.
 */
import type { RecordStore, StoredRecord, WriteOp } from '../storage/record-store.js';
import type { BackoffOptions } from './backoff.js';
import type { Delivery, DeliveryTally, Sender } from './delivery-types.js';
import { cancelOps, dueDeliveries, enqueueOps, readTally, type NewDelivery } from './outbox-records.js';
import { sendDelivery, type SendContext } from './send-delivery.js';
import { createSharedPause } from './shared-pause.js';

export { deliveryKey, jobKeyOf, type NewDelivery } from './outbox-records.js';
export { outboxControlPartition } from './shared-pause.js';

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

/** Creates an outbox over the store. */
export function createOutbox(deps: OutboxDeps, options: OutboxOptions = {}): Outbox {
  const leaseMs = options.leaseMs ?? 60_000;
  const concurrency = options.concurrency ?? 4;
  const pollMs = options.pollMs ?? 1_000;
  const listeners: Array<(d: Delivery, p: string) => Promise<void> | void> = [];
  const polled: Array<() => Promise<void> | void> = [];
  const pause = createSharedPause(deps.store);
  const send: SendContext = {
    store: deps.store,
    sender: deps.sender,
    now: deps.now,
    pause,
    maxAttempts: options.maxAttempts ?? 8,
    leaseMs,
    renewEveryMs: options.renewEveryMs ?? Math.max(1, Math.floor(leaseMs / 3)),
    backoff: options,
    random: options.random ?? Math.random,
    listeners,
  };
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();

  async function drainOnce(): Promise<number> {
    let settled = 0;
    await pause.refresh();
    for (const partition of deps.partitions) {
      const now = deps.now().getTime();
      if (now < pause.until()) break;
      const due = await dueDeliveries(deps.store, partition, now);
      for (let i = 0; i < due.length; i += concurrency) {
        if (deps.now().getTime() < pause.until()) return settled;
        const batch = due.slice(i, i + concurrency);
        const done = await Promise.all(batch.map((r) => sendDelivery(send, partition, r)));
        settled += done.filter(Boolean).length;
      }
    }
    return settled;
  }

  return {
    async enqueue(partition, deliveries) {
      for (const d of deliveries) {
        // Create-once: an id already there (a resumed enqueue) is skipped, never sent twice.
        await deps.store.commit(partition, enqueueOps(d, deps.now()));
      }
    },
    enqueueOps(deliveries) {
      return deliveries.flatMap((d) => enqueueOps(d, deps.now()));
    },
    cancelOps,
    drainOnce,
    tally: (partition, jobId) => readTally(deps.store, partition, jobId),
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
