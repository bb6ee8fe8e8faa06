/** The one-off job-index migration: deliveries enqueued before the index get their entry, once, never overwriting a newer one. */
import { describe, expect, it } from 'vitest';
import type { Delivery } from '../../bot/core/delivery/delivery-types.js';
import { backfillJobIndex, jobIndexBuiltKey } from '../../bot/core/delivery/job-index-backfill.js';
import { createOutbox, deliveryKey, jobKeyOf } from '../../bot/core/delivery/outbox.js';
import type { RecordStore, WriteOp } from '../../bot/core/storage/record-store.js';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMemoryStore } from '../../bot/storage/memory-store.js';
import { createSqliteStore } from '../../bot/storage/sqlite-store.js';
import { countReads } from '../../bot/dev/counting-store.js';

const partition = 'trainings';
const now = () => new Date('2026-12-01T10:00:00Z');

/** A delivery as older versions stored it: the record and its due marker (if still to send), no job entry. */
function legacy(jobId: string, n: number, state: Delivery['state']): WriteOp[] {
  const d: Delivery = { id: `${jobId}:u${n}`, jobId, recipient: { kind: 'user', userId: `u${n}` }, payload: { kind: 'test', data: {} }, state, attempts: state === 'pending' ? 0 : 1, notBefore: now().toISOString() };
  return [{ kind: 'put', key: deliveryKey(d.id), value: d }, ...(state === 'pending' ? [{ kind: 'put' as const, key: `outbox-due/${d.id}`, value: { at: d.notBefore } }] : [])];
}

async function seedLegacy(store: RecordStore, jobId: string, count: number, state: (n: number) => Delivery['state']) {
  const ops = Array.from({ length: count }, (_, n) => legacy(jobId, n, state(n))).flat();
  for (let i = 0; i < ops.length; i += 100) await store.commit(partition, ops.slice(i, i + 100));
}

const outboxOver = (store: RecordStore) => createOutbox({ store, sender: { send: async () => ({ ok: true }) }, now, partitions: [partition] });

describe('job index backfill', () => {
  it.each(['memory', 'sqlite'])('gives every older delivery its entry, so its job is tallied in full (across pages, %s)', async (kind) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'balise-backfill-'));
    const store = kind === 'sqlite' ? createSqliteStore(dir) : createMemoryStore();
    await seedLegacy(store, 'broadcast-old', 1_203, (n) => (n % 10 === 0 ? 'failed' : n % 3 === 0 ? 'pending' : 'sent'));
    await seedLegacy(store, 'request-old', 2, () => 'sent');
    const outbox = outboxOver(store);
    expect((await outbox.tally(partition, 'broadcast-old')).total).toBe(0);
    expect(await backfillJobIndex(store, [partition], now)).toBe(1_205);
    expect(await outbox.tally(partition, 'broadcast-old')).toEqual({ total: 1_203, sent: 722, failed: 121, unreachable: 0, pending: 360 });
    expect(await outbox.tally(partition, 'request-old')).toMatchObject({ total: 2, sent: 2 });
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs once per store: the next start reads one record per partition and writes nothing', async () => {
    const store = countReads(createMemoryStore());
    await seedLegacy(store, 'broadcast-old', 30, () => 'sent');
    await backfillJobIndex(store, [partition, 'consultations'], now);
    expect(await store.get(partition, jobIndexBuiltKey)).toBeDefined();
    store.reset();
    expect(await backfillJobIndex(store, [partition, 'consultations'], now)).toBe(0);
    expect(store.rowsRead).toBe(2);
    expect(store.commits).toBe(0);
  });

  it('leaves the entries of deliveries enqueued since the index alone', async () => {
    const store = createMemoryStore();
    const outbox = outboxOver(store);
    await outbox.enqueue(partition, [{ id: 'new-job:u1', jobId: 'new-job', recipient: { kind: 'user', userId: 'u1' }, payload: { kind: 'test', data: {} } }]);
    await seedLegacy(store, 'old-job', 3, () => 'sent');
    expect(await backfillJobIndex(store, [partition], now)).toBe(3);
    expect(await outbox.tally(partition, 'new-job')).toMatchObject({ total: 1, pending: 1 });
  });

  it('never overwrites an entry a worker wrote meanwhile with a newer state', async () => {
    const inner = createMemoryStore();
    await seedLegacy(inner, 'job', 5, () => 'pending');
    // A worker sends u2 after the backfill read the index and before it writes.
    let raced = false;
    const store: RecordStore = {
      ...inner,
      async list(p, options) {
        if (!raced && options?.prefix === deliveryKey('')) {
          raced = true;
          await inner.commit(partition, [{ kind: 'put', key: jobKeyOf({ jobId: 'job', id: 'job:u2' }), value: { state: 'sent' } }]);
        }
        return inner.list(p, options);
      },
    };
    expect(await backfillJobIndex(store, [partition], now)).toBe(4);
    const entries = await inner.list<{ state: string }>(partition, { prefix: 'outbox-job/job/' });
    expect(entries.map((e) => [e.key, e.value.state])).toEqual([
      ['outbox-job/job/job:u0', 'pending'],
      ['outbox-job/job/job:u1', 'pending'],
      ['outbox-job/job/job:u2', 'sent'],
      ['outbox-job/job/job:u3', 'pending'],
      ['outbox-job/job/job:u4', 'pending'],
    ]);
  });
});
