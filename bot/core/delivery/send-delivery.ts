/**
 * One delivery's send: claim it under its ETag (so two workers never send the same one), send it
 * while renewing the claim (so a slow send is never taken over), then settle or reschedule it from
 * the outcome: 429 waits for Retry-After and pauses every instance without counting as a failed
 * attempt, 5xx and network errors back off with jitter, an unreachable recipient goes to its
 * fallback. The sent mark is the first write after a successful send (at least once: see `outbox.ts`).
 */
import type { RecordStore, StoredRecord } from '../storage/record-store.js';
import { backoffDelay, type BackoffOptions } from './backoff.js';
import type { Delivery, SendOutcome, Sender } from './delivery-types.js';
import { settledStates, transitionOps } from './outbox-records.js';
import type { SharedPause } from './shared-pause.js';

/** What sending needs: the outbox's dependencies and its resolved options. */
export interface SendContext {
  readonly store: RecordStore;
  readonly sender: Sender;
  readonly now: () => Date;
  readonly pause: SharedPause;
  readonly maxAttempts: number;
  readonly leaseMs: number;
  readonly renewEveryMs: number;
  readonly backoff: BackoffOptions;
  readonly random: () => number;
  /** Run after a delivery is settled (sent, failed or unreachable). */
  readonly listeners: ReadonlyArray<(delivery: Delivery, partition: string) => Promise<void> | void>;
}

/** Writes the next state; the listeners run once it is settled. */
async function settle(ctx: SendContext, partition: string, record: StoredRecord<Delivery>, next: Delivery): Promise<boolean> {
  let result;
  // The sent mark is what stops a second send: a store hiccup gets a few more tries before the
  // claim is left to expire (and the message to be sent again).
  for (let attempt = 1; ; attempt++) {
    try {
      result = await ctx.store.commit(partition, transitionOps(record, next));
      break;
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
  if (result.ok && settledStates.has(next.state)) for (const l of ctx.listeners) await l(next, partition);
  return result.ok;
}

/** Sends while renewing the claim, so a slow send is never taken over by another worker. */
async function sendLeased(ctx: SendContext, partition: string, claimed: StoredRecord<Delivery>): Promise<{ outcome: SendOutcome; record: StoredRecord<Delivery> }> {
  let record = claimed;
  let renewing: Promise<unknown> | undefined;
  const renew = async () => {
    const next: Delivery = { ...record.value, leaseUntil: new Date(ctx.now().getTime() + ctx.leaseMs).toISOString() };
    const result = await ctx.store.commit(partition, transitionOps(record, next));
    if (result.ok) record = { ...record, value: next, etag: result.etags[0] ?? '' };
  };
  const timer = setInterval(() => {
    renewing ??= renew()
      .catch(() => undefined)
      .finally(() => (renewing = undefined));
  }, ctx.renewEveryMs);
  timer.unref?.();
  let outcome: SendOutcome;
  try {
    outcome = await ctx.sender.send(claimed.value.recipient, claimed.value.payload);
  } catch (err) {
    outcome = { ok: false as const, reason: 'transient' as const, detail: (err as Error).message };
  } finally {
    clearInterval(timer);
  }
  await renewing;
  return { outcome, record };
}

/** Claims, sends and settles one due delivery; false when another worker has it or the settle lost a race. */
export async function sendDelivery(ctx: SendContext, partition: string, due: StoredRecord<Delivery>): Promise<boolean> {
  const now = ctx.now();
  const claimed: Delivery = { ...due.value, state: 'sending', attempts: due.value.attempts + 1, leaseUntil: new Date(now.getTime() + ctx.leaseMs).toISOString() };
  const claim = await ctx.store.commit(partition, transitionOps(due, claimed));
  if (!claim.ok) return false; // another worker has it
  const { outcome, record } = await sendLeased(ctx, partition, { key: due.key, value: claimed, etag: claim.etags[0] ?? '' });
  const later = (ms: number) => new Date(ctx.now().getTime() + ms).toISOString();
  if (outcome.ok) return settle(ctx, partition, record, { ...record.value, state: 'sent', leaseUntil: undefined, lastError: undefined });
  if (outcome.reason === 'unreachable') {
    if (claimed.fallback) {
      // Deliver to the fallback next, under the same id: the original recipient never got it.
      return settle(ctx, partition, record, { ...claimed, recipient: claimed.fallback, fallback: undefined, state: 'pending', attempts: 0, notBefore: later(0), leaseUntil: undefined, lastError: `unreachable: ${outcome.detail}` });
    }
    return settle(ctx, partition, record, { ...claimed, state: 'unreachable', leaseUntil: undefined, lastError: outcome.detail });
  }
  if (outcome.reason === 'throttled') {
    // A 429 is the connector asking to wait, not a failed attempt: it does not count toward maxAttempts.
    await ctx.pause.extend(ctx.now().getTime() + outcome.retryAfterMs);
    return settle(ctx, partition, record, { ...claimed, attempts: claimed.attempts - 1, state: 'pending', notBefore: later(outcome.retryAfterMs), leaseUntil: undefined, lastError: 'throttled' });
  }
  if (claimed.attempts >= ctx.maxAttempts) return settle(ctx, partition, record, { ...claimed, state: 'failed', leaseUntil: undefined, lastError: outcome.reason });
  return settle(ctx, partition, record, { ...claimed, state: 'pending', notBefore: later(backoffDelay(claimed.attempts, ctx.backoff, ctx.random)), leaseUntil: undefined, lastError: outcome.detail });
}
