/**
 * What the outbox guarantees when a process dies mid-send, and the costs and limits shared by every
 * instance: at least once (never lost; a duplicate only when death falls between the connector's
 * acceptance and the sent mark), lease renewed during slow sends, the 429 pause stored, throttles not
 * counted as failures, a job's tally reading that job only.
 */
import { describe, expect, it } from 'vitest';
import type { Delivery, Payload, Recipient, SendOutcome, Sender } from '../../bot/core/delivery/delivery-types.js';
import { createOutbox, deliveryKey, type NewDelivery } from '../../bot/core/delivery/outbox.js';
import type { RecordStore } from '../../bot/core/storage/record-store.js';
import { createMemoryStore } from '../../bot/storage/memory-store.js';
import { countReads } from '../../bot/dev/counting-store.js';

function manualClock(start = '2026-11-28T10:00:00Z') {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

/** A store a test can "kill": afterwards every call of the dead process hangs, as if it had exited. */
function killable(inner: RecordStore) {
  let dead = false;
  const hang = () => new Promise<never>(() => undefined);
  const store: RecordStore = {
    get: (p, k) => (dead ? hang() : inner.get(p, k)),
    list: (p, o) => (dead ? hang() : inner.list(p, o)),
    commit: (p, ops) => (dead ? hang() : inner.commit(p, ops)),
    ping: () => inner.ping(),
    close: async () => undefined,
  };
  return {
    store,
    kill: () => {
      dead = true;
    },
  };
}

const who = (r: Recipient) => (r.kind === 'user' ? r.userId : r.conversationId);
const payload: Payload = { kind: 'test', data: {} };
const toUser = (id: string, jobId = 'job-1'): NewDelivery => ({ id: `${jobId}:${id}`, jobId, recipient: { kind: 'user', userId: id }, payload });
const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

/** The connector as the test sees it: every message it accepted. */
function connector() {
  const accepted: string[] = [];
  const sender = (before?: () => Promise<void> | void, after?: () => Promise<void> | void): Sender => ({
    async send(recipient) {
      await before?.();
      accepted.push(who(recipient));
      await after?.();
      return { ok: true };
    },
  });
  return { accepted, sender };
}

describe('a process that dies while a send is in flight', () => {
  it('before the connector got the message: another instance sends it once, after the lease', async () => {
    const shared = createMemoryStore();
    const clock = manualClock();
    const net = connector();
    const dying = killable(shared);
    const a = createOutbox({ store: dying.store, sender: net.sender(() => { dying.kill(); throw new Error('process exited'); }), now: clock.now, partitions: ['p'] }, { leaseMs: 60_000 });
    const b = createOutbox({ store: shared, sender: net.sender(), now: clock.now, partitions: ['p'] }, { leaseMs: 60_000 });
    await a.enqueue('p', [toUser('coord')]);
    void a.drainOnce();
    await tick(10);
    clock.advance(59_000);
    await b.drainOnce();
    expect(net.accepted).toEqual([]);
    clock.advance(1_001);
    await b.drainOnce();
    expect(net.accepted).toEqual(['coord']);
    expect((await shared.get<Delivery>('p', deliveryKey('job-1:coord')))?.value.state).toBe('sent');
  });

  it('after the connector accepted it, before the sent mark: it is sent again once the lease expires (at least once)', async () => {
    const shared = createMemoryStore();
    const clock = manualClock();
    const net = connector();
    const dying = killable(shared);
    const a = createOutbox({ store: dying.store, sender: net.sender(undefined, () => dying.kill()), now: clock.now, partitions: ['p'] }, { leaseMs: 60_000 });
    const b = createOutbox({ store: shared, sender: net.sender(), now: clock.now, partitions: ['p'] }, { leaseMs: 60_000 });
    await a.enqueue('p', [toUser('coord')]);
    void a.drainOnce();
    await tick(10);
    expect(net.accepted).toEqual(['coord']);
    clock.advance(59_000);
    await b.drainOnce();
    expect(net.accepted).toEqual(['coord']);
    clock.advance(1_001);
    await b.drainOnce();
    // The documented duplicate: the connector has no idempotency key Balise could reuse.
    expect(net.accepted).toEqual(['coord', 'coord']);
    await b.drainOnce();
    clock.advance(120_000);
    await b.drainOnce();
    expect(net.accepted).toHaveLength(2);
  });

  it('writes the sent mark first after the connector accepts, before any listener runs', async () => {
    const store = createMemoryStore();
    const clock = manualClock();
    const writes: string[] = [];
    let accepted = false;
    const recording: RecordStore = {
      ...store,
      get: (p, k) => store.get(p, k),
      list: (p, o) => store.list(p, o),
      commit: async (p, ops) => {
        if (accepted) writes.push(ops.map((o) => (o.kind === 'put' && o.key.startsWith('outbox/') ? `${o.key}=${(o.value as Delivery).state}` : o.key)).join(','));
        return store.commit(p, ops);
      },
    };
    const sender: Sender = { send: async () => ((accepted = true), { ok: true }) };
    const outbox = createOutbox({ store: recording, sender, now: clock.now, partitions: ['p'] });
    outbox.onSettled(async () => {
      writes.push('listener');
      await store.commit('p', [{ kind: 'put', key: 'after', value: 1 }]);
    });
    await outbox.enqueue('p', [toUser('coord')]);
    await outbox.drainOnce();
    expect(writes[0]).toMatch(/^outbox\/job-1:coord=sent,/);
    expect(writes[1]).toBe('listener');
  });
});

describe('lease renewal', () => {
  it('keeps a slow send its claim: no other instance takes it over while it is still in flight', async () => {
    const store = createMemoryStore();
    const clock = manualClock();
    const net = connector();
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    const a = createOutbox({ store, sender: net.sender(() => slow), now: clock.now, partitions: ['p'] }, { leaseMs: 60_000, renewEveryMs: 5 });
    const b = createOutbox({ store, sender: net.sender(), now: clock.now, partitions: ['p'] }, { leaseMs: 60_000 });
    await a.enqueue('p', [toUser('coord')]);
    const draining = a.drainOnce();
    for (let i = 0; i < 5; i++) {
      clock.advance(40_000);
      await tick(30);
      await b.drainOnce();
    }
    expect(net.accepted).toEqual([]);
    release();
    await draining;
    await b.drainOnce();
    expect(net.accepted).toEqual(['coord']);
  });
});

describe('429 and attempts', () => {
  it('pauses every instance sharing the store until Retry-After', async () => {
    const store = createMemoryStore();
    const clock = manualClock();
    const sent: string[] = [];
    const throttling: Sender = { send: async () => ({ ok: false, reason: 'throttled', retryAfterMs: 5_000 }) };
    const fine: Sender = { send: async (r) => (sent.push(who(r)), { ok: true }) };
    const a = createOutbox({ store, sender: throttling, now: clock.now, partitions: ['p'] }, { concurrency: 1 });
    await a.enqueue('p', [toUser('x')]);
    await a.drainOnce();
    const b = createOutbox({ store, sender: fine, now: clock.now, partitions: ['p'] });
    await b.enqueue('p', [toUser('y')]);
    clock.advance(4_999);
    await b.drainOnce();
    expect(sent).toEqual([]);
    clock.advance(1);
    await b.drainOnce();
    expect(sent.sort()).toEqual(['x', 'y']);
  });

  it('does not count throttles toward the attempts before « failed »', async () => {
    const store = createMemoryStore();
    const clock = manualClock();
    let calls = 0;
    const sender: Sender = { send: async (): Promise<SendOutcome> => (++calls <= 10 ? { ok: false, reason: 'throttled', retryAfterMs: 1_000 } : { ok: true }) };
    const outbox = createOutbox({ store, sender, now: clock.now, partitions: ['p'] }, { maxAttempts: 3 });
    await outbox.enqueue('p', [toUser('a')]);
    for (let i = 0; i < 12; i++) {
      await outbox.drainOnce();
      clock.advance(1_000);
    }
    expect(await outbox.tally('p', 'job-1')).toMatchObject({ sent: 1, failed: 0 });
    expect((await store.get<Delivery>('p', deliveryKey('job-1:a')))?.value.attempts).toBe(1);
  });
});

describe('tally', () => {
  it('reads the job\'s own deliveries only, however many other jobs the partition holds', async () => {
    const store = countReads(createMemoryStore());
    const clock = manualClock();
    const outbox = createOutbox({ store, sender: { send: async () => ({ ok: true }) }, now: clock.now, partitions: ['p'] });
    await outbox.enqueue('p', Array.from({ length: 300 }, (_, i) => toUser(`u${i}`, 'old-job')));
    await outbox.drainOnce();
    await outbox.enqueue('p', [toUser('a', 'new-job'), toUser('b', 'new-job'), toUser('c', 'new-job')]);
    store.reset();
    expect(await outbox.tally('p', 'new-job')).toEqual({ total: 3, sent: 0, failed: 0, unreachable: 0, pending: 3 });
    expect(store.rowsRead).toBe(3);
    expect(await outbox.tally('p', 'old-job')).toMatchObject({ total: 300, sent: 300 });
  });
});
