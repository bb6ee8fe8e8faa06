/** Reads that must not grow with history: each asserted as a count of records read. */
import { describe, expect, it } from 'vitest';
import type { RecordStore } from '../../bot/core/storage/record-store.js';
import { trainingsPartition, type TrainingSession } from '../../bot/core/trainings/session-types.js';
import { createTrainingService, sessionIndexOp, sessionKey } from '../../bot/core/trainings/training-service.js';
import { createMemoryStore } from '../../bot/storage/memory-store.js';
import { anyServiceUrl, conversationRefsPartition } from '../../bot/teams/conversation-refs.js';
import { countReads } from '../../bot/dev/counting-store.js';

describe('conversation references', () => {
  it('finds a service URL by reading one reference, however many people are known', async () => {
    const store = countReads(createMemoryStore());
    for (let i = 0; i < 5; i++) {
      const ops = Array.from({ length: 100 }, (_, j) => ({ kind: 'put' as const, key: `user/u${i}-${j}`, value: { reference: { serviceUrl: 'http://127.0.0.1:1/' } } }));
      await store.commit(conversationRefsPartition, ops);
    }
    store.reset();
    expect(await anyServiceUrl(store)).toBe('http://127.0.0.1:1/');
    expect(store.rowsRead).toBe(1);
  });
});

const now = new Date('2026-12-01T15:00:00Z');
const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString();
function session(id: string, offset: number): TrainingSession {
  return { id, track: 'volet-1', days: [{ start: day(offset), end: day(offset + 0.25) }], place: 'Salle', capacity: 20, deadline: day(offset - 7), createdBy: { userId: 'c' }, createdAt: day(-400), registered: [], waitlist: [] };
}
/** Writes sessions as older versions did (no index) or as publication does now (with its index entry). */
async function seed(store: RecordStore, sessions: TrainingSession[], indexed: boolean) {
  for (let i = 0; i < sessions.length; i += 50) {
    await store.commit(trainingsPartition, sessions.slice(i, i + 50).flatMap((s) => [{ kind: 'put' as const, key: sessionKey(s.id), value: s }, ...(indexed ? [sessionIndexOp(s)] : [])]));
  }
}

describe('training sessions', () => {
  it('lists upcoming sessions reading the same number of records after a year of past sessions', async () => {
    const upcoming = [session('next-1', 10), session('next-2', 20), session('next-3', 30)];
    const readsWith = async (past: number) => {
      const store = countReads(createMemoryStore());
      await seed(store, Array.from({ length: past }, (_, i) => session(`past-${i}`, -365 + i)), false);
      await seed(store, upcoming, true);
      const service = createTrainingService({ store, outbox: { enqueueOps: () => [], cancelOps: () => [] }, now: () => now });
      expect((await service.upcoming()).map((s) => s.id)).toEqual(['next-1', 'next-2', 'next-3']); // builds the index once
      store.reset();
      expect((await service.upcoming()).map((s) => s.id)).toEqual(['next-1', 'next-2', 'next-3']);
      return store.rowsRead;
    };
    const empty = await readsWith(0);
    expect(await readsWith(300)).toBe(empty);
    expect(empty).toBe(7); // the index marker, three index entries, three sessions
  });
});

describe('the registration prerequisite', () => {
  const sophie = { id: 'user-sophie', name: 'Sophie' };
  const seated = (s: TrainingSession, userId: string): TrainingSession => ({ ...s, registered: [...s.registered, { registrationId: `${s.id}-${userId}`, userId, lang: 'fr', registeredAt: day(-400) }] });
  const volet2 = (): TrainingSession => ({ ...session('volet-2-next', 40), track: 'volet-2' });
  /** Past Volet 1 sessions, each with someone else seated; Sophie seated in the last one. */
  const history = (past: number) => Array.from({ length: past }, (_, i) => seated(session(`past-${i}`, -365 + i), `worker-${i}`));

  it('reads the same number of records after a year of past sessions', async () => {
    const readsWith = async (past: number) => {
      const store = countReads(createMemoryStore());
      const sessions = history(past);
      await seed(store, [...sessions.slice(0, -1), ...sessions.slice(-1).map((s) => seated(s, sophie.id))], true);
      await seed(store, [volet2(), { ...session('warm-up', 20), track: 'volet-3' }], true);
      const service = createTrainingService({ store, outbox: { enqueueOps: () => [], cancelOps: () => [] }, now: () => now });
      expect((await service.register({ id: 'someone-else' }, 'warm-up', 'fr')).kind).toBe('prerequisite-missing'); // builds the indexes once
      store.reset();
      expect((await service.register(sophie, 'volet-2-next', 'fr')).kind).toBe('registered');
      return store.rowsRead;
    };
    const few = await readsWith(1);
    expect(await readsWith(300)).toBe(few);
    // The session (read, then read again to write), the session index marker, the two sessions not
    // over and their index entries, the seat index marker, Sophie's one seat and its session.
    expect(few).toBe(10);
  });

  it('counts a seat taken before the seat index existed, and refuses without one', async () => {
    const store = createMemoryStore();
    // Written as older versions did: sessions (indexed by end) but no seat entries.
    await seed(store, [seated(session('old-volet-1', -100), sophie.id), volet2()], true);
    const service = createTrainingService({ store, outbox: { enqueueOps: () => [], cancelOps: () => [] }, now: () => now });
    expect((await service.register({ id: 'user-marc' }, 'volet-2-next', 'fr')).kind).toBe('prerequisite-missing');
    expect((await service.register(sophie, 'volet-2-next', 'fr')).kind).toBe('registered');
    // Cancelling a seat whose entry was never written works too.
    const again = createTrainingService({ store, outbox: { enqueueOps: () => [], cancelOps: () => [] }, now: () => now });
    expect((await again.cancel(sophie, 'volet-2-next')).kind).toBe('cancelled');
  });

  it('ignores a seat entry its session does not confirm, and forgets a cancelled seat', async () => {
    const store = createMemoryStore();
    await seed(store, [session('next-volet-1', 10), volet2()], true);
    const service = createTrainingService({ store, outbox: { enqueueOps: () => [], cancelOps: () => [] }, now: () => now });
    // A Volet 1 seat ending before Volet 2 starts meets the prerequisite...
    expect((await service.register(sophie, 'next-volet-1', 'fr')).kind).toBe('registered');
    expect((await store.list(trainingsPartition, { prefix: `seat/${sophie.id}/` })).map((r) => r.key)).toEqual([`seat/${sophie.id}/next-volet-1`]);
    // ...until it is cancelled: its entry goes with it.
    expect((await service.cancel(sophie, 'next-volet-1')).kind).toBe('cancelled');
    expect(await store.list(trainingsPartition, { prefix: `seat/${sophie.id}/` })).toEqual([]);
    expect((await service.register(sophie, 'volet-2-next', 'fr')).kind).toBe('prerequisite-missing');
    // An entry left behind (a backfill racing a cancellation) is checked against its session.
    await store.commit(trainingsPartition, [{ kind: 'put', key: `seat/${sophie.id}/next-volet-1`, value: { sessionId: 'next-volet-1', track: 'volet-1', end: day(10.25) } }]);
    expect((await service.register(sophie, 'volet-2-next', 'fr')).kind).toBe('prerequisite-missing');
  });
});
