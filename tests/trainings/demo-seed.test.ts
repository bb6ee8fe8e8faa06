/** The demo sessions: relative to the day of seeding, fictional, seeded once, ready to try every rule. */
import { describe, expect, it } from 'vitest';
import { demoSessions, seedDemoTrainings } from '../../bot/core/trainings/demo-seed.js';
import { formatTime, localDateOf } from '../../bot/core/trainings/local-time.js';
import { seatsLeft, startOf, trainingsPartition } from '../../bot/core/trainings/session-types.js';
import { createTrainingService, sessionKey } from '../../bot/core/trainings/training-service.js';
import { trackIds } from '../../bot/core/trainings/tracks.js';
import { createMemoryStore } from '../../bot/storage/memory-store.js';

const noOutbox = { enqueueOps: () => [], cancelOps: () => [] };

describe('demo sessions', () => {
  for (const seededOn of ['2026-11-28T15:00:00Z', '2027-06-30T03:30:00Z']) {
    it(`are upcoming sessions of every track, one of them full, from any seeding day (${seededOn})`, () => {
      const now = new Date(seededOn);
      const sessions = demoSessions(now);
      expect(new Set(sessions.map((s) => s.track))).toEqual(new Set(trackIds));
      for (const s of sessions) {
        expect(Date.parse(s.deadline)).toBeGreaterThan(now.getTime());
        expect(Date.parse(s.deadline)).toBeLessThan(Date.parse(startOf(s)));
        expect(s.days.map((d) => formatTime(d.start, 'fr'))).toEqual(s.days.map(() => '9 h'));
        expect(s.demo).toBe(true);
        expect(`${s.place} ${s.notes}`).toMatch(/fictif|démonstration/);
      }
      // Volet 1 lasts two consecutive days.
      const v1 = sessions.find((s) => s.track === 'volet-1')!;
      const [d1, d2] = v1.days.map((d) => Date.parse(`${localDateOf(d.start)}T00:00:00Z`));
      expect(d2! - d1!).toBe(86_400_000);
      expect(sessions.filter((s) => seatsLeft(s) === 0)).toHaveLength(1);
      expect(sessions.filter((s) => seatsLeft(s) > 0).length).toBeGreaterThanOrEqual(4);
    });
  }

  it('are seeded on the first start only, even after a coordinator removed one', async () => {
    const store = createMemoryStore();
    const now = new Date('2026-11-28T15:00:00Z');
    expect(await seedDemoTrainings(store, now)).toBe(true);
    await store.commit(trainingsPartition, [{ kind: 'delete', key: sessionKey('demo-volet-3') }]);
    expect(await seedDemoTrainings(store, new Date('2026-12-05T15:00:00Z'))).toBe(false);
    expect(await store.get(trainingsPartition, sessionKey('demo-volet-3'))).toBeUndefined();
  });

  it('let a newcomer meet the prerequisite and register in one sitting; a full session puts others on its waitlist', async () => {
    const store = createMemoryStore();
    const now = new Date('2026-11-28T15:00:00Z');
    await seedDemoTrainings(store, now);
    const service = createTrainingService({ store, outbox: noOutbox, now: () => now });
    const newcomer = { id: 'user-id-0', name: 'Sophie Tremblay' };
    const full = demoSessions(now).find((s) => seatsLeft(s) === 0)!;
    expect((await service.register(newcomer, 'demo-volet-2', 'fr')).kind).toBe('prerequisite-missing');
    expect((await service.register(newcomer, 'demo-volet-1-a', 'fr')).kind).toBe('registered');
    expect((await service.register(newcomer, 'demo-volet-2', 'fr')).kind).toBe('registered');
    // The full session is another Volet 1: one registration per track.
    expect(full.track).toBe('volet-1');
    expect((await service.register(newcomer, full.id, 'fr')).kind).toBe('track-taken');
    expect((await service.register({ id: 'user-id-9' }, full.id, 'fr')).kind).toBe('waitlisted');
  });
});
