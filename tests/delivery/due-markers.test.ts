/** The outbox's time-ordered due markers: a poll reads only what is due, each delivery keeps one marker, older markers are migrated. */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NewDelivery } from '../../bot/core/delivery/outbox.js';
import { createOutbox, deliveryKey } from '../../bot/core/delivery/outbox.js';
import type { Delivery, SendOutcome } from '../../bot/core/delivery/delivery-types.js';
import { legacyDuePrefix, migrateDueMarkers } from '../../bot/core/delivery/due-marker-migration.js';
import { dueAtPrefix } from '../../bot/core/delivery/outbox-records.js';
import type { RecordStore } from '../../bot/core/storage/record-store.js';
import { countReads } from '../../bot/dev/counting-store.js';
import { createMemoryStore } from '../../bot/storage/memory-store.js';
import { createSqliteStore } from '../../bot/storage/sqlite-store.js';

const start = Date.parse('2026-12-01T10:00:00Z');
const hour = 3_600_000;
const toUser = (id: string, notBefore?: Date): NewDelivery => ({ id: `job-1:${id}`, jobId: 'job-1', recipient: { kind: 'user', userId: id }, payload: { kind: 'test', data: {} }, ...(notBefore ? { notBefore } : {}) });
const markers = async (store: RecordStore) => (await store.list('p', { prefix: dueAtPrefix })).map((r) => r.key);
const stores: Array<[string, () => RecordStore]> = [
  ['memory', () => createMemoryStore()],
  ['sqlite', () => createSqliteStore(mkdtempSync(path.join(os.tmpdir(), 'balise-due-')))],
];

function outboxOver(store: RecordStore, outcome: (userId: string) => SendOutcome = () => ({ ok: true })) {
  let t = start;
  const sent: string[] = [];
  const outbox = createOutbox(
    { store, now: () => new Date(t), partitions: ['p'], sender: { send: async (r) => { const who = r.kind === 'user' ? r.userId : ''; const o = outcome(who); if (o.ok) sent.push(who); return o; } } },
    { random: () => 1 },
  );
  return { outbox, sent, advance: (ms: number) => (t += ms), now: () => new Date(t) };
}

describe.each(stores)('due markers (%s)', (_name, open) => {
  it('reads no future reminder on a poll, however many are waiting, and sends each when its time comes', async () => {
    const store = countReads(open());
    const { outbox, sent, advance } = outboxOver(store);
    await outbox.enqueue('p', Array.from({ length: 300 }, (_, i) => toUser(`later-${i}`, new Date(start + (i + 1) * hour))));
    await outbox.enqueue('p', [toUser('now')]);
    store.reset();
    expect(await outbox.drainOnce()).toBe(1);
    // One marker and one delivery for the one due now (its claim and sent mark write, never read, the others).
    expect(store.rowsRead).toBe(2);
    store.reset();
    expect(await outbox.drainOnce()).toBe(0);
    expect(store.rowsRead).toBe(0);
    advance(2 * hour);
    expect(await outbox.drainOnce()).toBe(2);
    expect(sent).toEqual(['now', 'later-0', 'later-1']);
  });

  it('keeps exactly one marker per delivery to send: a retry moves it to the new time, a settle removes it', async () => {
    const store = open();
    let failures = 1;
    const { outbox, sent, advance, now } = outboxOver(store, () => (failures-- > 0 ? { ok: false, reason: 'transient', detail: 'busy' } : { ok: true }));
    await outbox.enqueue('p', [toUser('a')]);
    expect(await markers(store)).toEqual([`${dueAtPrefix}${now().toISOString()}/job-1:a`]);
    await outbox.drainOnce();
    const retried = (await store.get<Delivery>('p', deliveryKey('job-1:a')))!.value;
    expect(retried.state).toBe('pending');
    expect(Date.parse(retried.notBefore)).toBeGreaterThan(now().getTime());
    expect(await markers(store)).toEqual([`${dueAtPrefix}${retried.notBefore}/job-1:a`]);
    advance(Date.parse(retried.notBefore) - now().getTime());
    await outbox.drainOnce();
    expect(sent).toEqual(['a']);
    expect(await markers(store)).toEqual([]);
  });

  it('removes the marker of a cancelled reminder in the same commit', async () => {
    const store = open();
    const { outbox } = outboxOver(store);
    await outbox.enqueue('p', [toUser('a', new Date(start + hour))]);
    const pending = (await store.get<Delivery>('p', deliveryKey('job-1:a')))!;
    expect((await store.commit('p', outbox.cancelOps(pending))).ok).toBe(true);
    expect(await markers(store)).toEqual([]);
  });

  it('repairs a marker left at a wrong time: the delivery is sent once, and the stray marker is not read again', async () => {
    const store = countReads(open());
    const { outbox, sent, advance } = outboxOver(store);
    await outbox.enqueue('p', [toUser('a', new Date(start + hour))]);
    // As an older version still running would leave it: a marker whose time is not the delivery's.
    const stray = `${dueAtPrefix}${new Date(start - hour).toISOString()}/job-1:a`;
    await store.commit('p', [{ kind: 'put', key: stray, value: { at: '' } }]);
    expect(await outbox.drainOnce()).toBe(0);
    expect(await markers(store)).toEqual([`${dueAtPrefix}${new Date(start + hour).toISOString()}/job-1:a`]);
    store.reset();
    await outbox.drainOnce();
    expect(store.rowsRead).toBe(0);
    advance(hour);
    await outbox.drainOnce();
    expect(sent).toEqual(['a']);
  });
});

describe.each(stores)('due marker migration (%s)', (_name, open) => {
  /** A delivery and its marker as versions before the time-ordered markers wrote them. */
  async function legacy(store: RecordStore, id: string, state: Delivery['state'], notBefore: number) {
    const d: Delivery = { id, jobId: 'job-1', recipient: { kind: 'user', userId: id }, payload: { kind: 'test', data: {} }, state, attempts: 0, notBefore: new Date(notBefore).toISOString() };
    await store.commit('p', [{ kind: 'put', key: deliveryKey(id), value: d }, { kind: 'put', key: `${legacyDuePrefix}${id}`, value: { at: d.notBefore } }]);
  }

  it('moves older markers to their time, drops those of settled deliveries, and an existing store keeps delivering', async () => {
    const store = open();
    await legacy(store, 'due', 'pending', start - 1_000);
    await legacy(store, 'reminder', 'pending', start + hour);
    await legacy(store, 'done', 'sent', start - hour);
    await store.commit('p', [{ kind: 'put', key: `${legacyDuePrefix}gone`, value: { at: '' } }]);
    expect(await migrateDueMarkers(store, ['p', 'empty'])).toBe(4);
    expect(await store.list('p', { prefix: legacyDuePrefix })).toEqual([]);
    expect(await markers(store)).toEqual([`${dueAtPrefix}${new Date(start - 1_000).toISOString()}/due`, `${dueAtPrefix}${new Date(start + hour).toISOString()}/reminder`]);
    expect(await migrateDueMarkers(store, ['p'])).toBe(0);
    const { outbox, sent, advance } = outboxOver(store);
    await outbox.drainOnce();
    expect(sent).toEqual(['due']);
    advance(hour);
    await outbox.drainOnce();
    expect(sent).toEqual(['due', 'reminder']);
  });

  it('moves every older marker across pages', async () => {
    const store = open();
    for (let i = 0; i < 1_203; i += 100) {
      const ids = Array.from({ length: Math.min(100, 1_203 - i) }, (_, j) => `d${String(i + j).padStart(5, '0')}`);
      await store.commit('p', ids.map((id) => ({ kind: 'put' as const, key: `${legacyDuePrefix}${id}`, value: { at: '' } })));
    }
    expect(await migrateDueMarkers(store, ['p'])).toBe(1_203);
    expect(await store.list('p', { prefix: legacyDuePrefix })).toEqual([]);
  });
});
