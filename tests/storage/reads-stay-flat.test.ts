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
