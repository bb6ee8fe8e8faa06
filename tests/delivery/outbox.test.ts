import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Delivery, Payload, Recipient, SendOutcome, Sender } from '../../bot/core/delivery/delivery-types.js';
import { createOutbox, deliveryKey, type NewDelivery } from '../../bot/core/delivery/outbox.js';
import { backoffDelay } from '../../bot/core/delivery/backoff.js';
import { createMemoryStore } from '../../bot/storage/memory-store.js';
import { createSqliteStore } from '../../bot/storage/sqlite-store.js';

/** A clock tests move by hand. */
function manualClock(start = '2026-11-28T10:00:00Z') {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

/** A sender that answers from a script of outcomes per recipient and records what was sent. */
function scriptedSender(script: (r: Recipient, attempt: number) => SendOutcome) {
  const sent: string[] = [];
  const attempts = new Map<string, number>();
  const sender: Sender = {
    async send(recipient: Recipient) {
      const who = recipient.kind === 'user' ? recipient.userId : recipient.conversationId;
      const n = (attempts.get(who) ?? 0) + 1;
      attempts.set(who, n);
      const outcome = script(recipient, n);
      if (outcome.ok) sent.push(who);
      return outcome;
    },
  };
  return { sender, sent, attempts };
}

const payload: Payload = { kind: 'test', data: {} };
const toUser = (id: string, extra: Partial<NewDelivery> = {}): NewDelivery => ({ id: `job-1:${id}`, jobId: 'job-1', recipient: { kind: 'user', userId: id }, payload, ...extra });

describe('outbox', () => {
  it('delivers each recipient once, even when enqueued twice', async () => {
    const store = createMemoryStore();
    const { sender, sent } = scriptedSender(() => ({ ok: true }));
    const clock = manualClock();
    const outbox = createOutbox({ store, sender, now: clock.now, partitions: ['p'] });
    await outbox.enqueue('p', [toUser('a'), toUser('b')]);
    await outbox.enqueue('p', [toUser('a'), toUser('b'), toUser('c')]);
    await outbox.drainOnce();
    await outbox.drainOnce();
    expect(sent.sort()).toEqual(['a', 'b', 'c']);
    expect(await outbox.tally('p', 'job-1')).toEqual({ total: 3, sent: 3, failed: 0, unreachable: 0, pending: 0 });
  });

  it('waits for Retry-After after a 429 and pauses every delivery meanwhile', async () => {
    const store = createMemoryStore();
    const clock = manualClock();
    const { sender, sent } = scriptedSender((r, n) => (r.kind === 'user' && r.userId === 'a' && n === 1 ? { ok: false, reason: 'throttled', retryAfterMs: 5_000 } : { ok: true }));
    const outbox = createOutbox({ store, sender, now: clock.now, partitions: ['p'] }, { concurrency: 1 });
    await outbox.enqueue('p', [toUser('a'), toUser('b')]);
    await outbox.drainOnce();
    expect(sent).toEqual([]);
    clock.advance(4_999);
    await outbox.drainOnce();
    expect(sent).toEqual([]);
    clock.advance(1);
    await outbox.drainOnce();
    expect(sent.sort()).toEqual(['a', 'b']);
  });

  it('backs off after a transient failure and marks the delivery failed after the last attempt', async () => {
    const store = createMemoryStore();
    const clock = manualClock();
    const { sender, attempts } = scriptedSender(() => ({ ok: false, reason: 'transient', detail: 'HTTP 503' }));
    const outbox = createOutbox({ store, sender, now: clock.now, partitions: ['p'] }, { maxAttempts: 3, baseMs: 1_000, random: () => 0.99 });
    await outbox.enqueue('p', [toUser('a')]);
    for (let i = 0; i < 10; i++) {
      await outbox.drainOnce();
      clock.advance(10_000);
    }
    expect(attempts.get('a')).toBe(3);
    expect(await outbox.tally('p', 'job-1')).toMatchObject({ failed: 1, pending: 0 });
  });

  it('delivers to the fallback when the recipient is unreachable, and reports unreachable without one', async () => {
    const store = createMemoryStore();
    const clock = manualClock();
    const { sender, sent } = scriptedSender((r) => (r.kind === 'user' && r.userId.startsWith('gone') ? { ok: false, reason: 'unreachable', detail: 'HTTP 403' } : { ok: true }));
    const settled: string[] = [];
    const outbox = createOutbox({ store, sender, now: clock.now, partitions: ['p'] });
    outbox.onSettled((d) => {
      settled.push(`${d.id}:${d.state}`);
    });
    await outbox.enqueue('p', [toUser('gone-1', { fallback: { kind: 'user', userId: 'backup' } }), toUser('gone-2')]);
    await outbox.drainOnce();
    await outbox.drainOnce();
    expect(sent).toEqual(['backup']);
    expect(settled.sort()).toEqual(['job-1:gone-1:sent', 'job-1:gone-2:unreachable']);
  });

  it('does not send a reminder before its time', async () => {
    const store = createMemoryStore();
    const clock = manualClock();
    const { sender, sent } = scriptedSender(() => ({ ok: true }));
    const outbox = createOutbox({ store, sender, now: clock.now, partitions: ['p'] });
    await outbox.enqueue('p', [toUser('a', { notBefore: new Date(clock.now().getTime() + 3_600_000) })]);
    await outbox.drainOnce();
    expect(sent).toEqual([]);
    clock.advance(3_600_000);
    await outbox.drainOnce();
    expect(sent).toEqual(['a']);
  });

  it('still delivers, once, what a crashed process had saved but not sent', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'balise-outbox-'));
    const clock = manualClock();
    const first = createSqliteStore(dir);
    const crashed = createOutbox({ store: first, sender: scriptedSender(() => ({ ok: true })).sender, now: clock.now, partitions: ['p'] });
    // The record and its delivery are committed together, then the process dies before draining.
    await first.commit('p', [{ kind: 'put', key: 'request/1', value: { saved: true } }, ...crashed.enqueueOps([toUser('coord')])]);
    await first.close();

    const second = createSqliteStore(dir);
    const { sender, sent } = scriptedSender(() => ({ ok: true }));
    const restarted = createOutbox({ store: second, sender, now: clock.now, partitions: ['p'] });
    await restarted.drainOnce();
    await restarted.drainOnce();
    expect(sent).toEqual(['coord']);
    await second.close();
  });

  it('lets only one of two workers send a delivery they both see', async () => {
    const store = createMemoryStore();
    const clock = manualClock();
    const { sender, sent } = scriptedSender(() => ({ ok: true }));
    const a = createOutbox({ store, sender, now: clock.now, partitions: ['p'] });
    const b = createOutbox({ store, sender, now: clock.now, partitions: ['p'] });
    await a.enqueue('p', Array.from({ length: 20 }, (_, i) => toUser(`u${i}`)));
    await Promise.all([a.drainOnce(), b.drainOnce(), a.drainOnce(), b.drainOnce()]);
    expect(sent).toHaveLength(20);
    expect(new Set(sent).size).toBe(20);
  });
});

describe('outbox scanning', () => {
  it('never rescans settled deliveries: a drain reads only what is still to send', async () => {
    const store = createMemoryStore();
    const clock = manualClock();
    const { sender } = scriptedSender(() => ({ ok: true }));
    let listed = 0;
    const counting = { ...store, list: async <T,>(p: string, o?: { prefix?: string }) => { const rows = await store.list<T>(p, o); listed += rows.length; return rows; } };
    const outbox = createOutbox({ store: counting, sender, now: clock.now, partitions: ['p'] });
    await outbox.enqueue('p', Array.from({ length: 50 }, (_, i) => toUser(`u${i}`)));
    await outbox.drainOnce();
    expect(await outbox.tally('p', 'job-1')).toMatchObject({ sent: 50 });
    listed = 0;
    await outbox.drainOnce();
    expect(listed).toBe(0);
  });

  it('cancels a pending delivery in a feature\'s own commit, and nothing once it is sent', async () => {
    const store = createMemoryStore();
    const clock = manualClock();
    const { sender, sent } = scriptedSender(() => ({ ok: true }));
    const outbox = createOutbox({ store, sender, now: clock.now, partitions: ['p'] });
    await outbox.enqueue('p', [toUser('a', { notBefore: new Date(clock.now().getTime() + 60_000) }), toUser('b')]);
    await outbox.drainOnce();
    const pending = (await store.get<Delivery>('p', deliveryKey('job-1:a')))!;
    const done = (await store.get<Delivery>('p', deliveryKey('job-1:b')))!;
    expect(outbox.cancelOps(done)).toEqual([]);
    expect((await store.commit('p', outbox.cancelOps(pending))).ok).toBe(true);
    clock.advance(60_000);
    await outbox.drainOnce();
    expect(sent).toEqual(['b']);
    expect(await outbox.tally('p', 'job-1')).toMatchObject({ total: 1, sent: 1 });
  });
});

describe('backoffDelay', () => {
  it('grows exponentially within the cap, with jitter between half and all of the ceiling', () => {
    expect(backoffDelay(1, { baseMs: 1000 }, () => 0)).toBe(500);
    expect(backoffDelay(1, { baseMs: 1000 }, () => 0.999)).toBeCloseTo(1000, -1);
    expect(backoffDelay(4, { baseMs: 1000 }, () => 0)).toBe(4000);
    expect(backoffDelay(30, { baseMs: 1000, maxMs: 60_000 }, () => 0)).toBe(30_000);
  });
});
