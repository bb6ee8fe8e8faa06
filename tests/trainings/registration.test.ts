/**
 * The registration rules in the core, against the real stores and the real outbox: one registration
 * per person per session, the Volet 1 prerequisite, capacity and waitlist with automatic promotion,
 * the deadline, and two people racing for the last seat.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Payload, Recipient, Sender } from '../../bot/core/delivery/delivery-types.js';
import { createOutbox } from '../../bot/core/delivery/outbox.js';
import type { RecordStore } from '../../bot/core/storage/record-store.js';
import { trainingsPartition, type TrainingSession } from '../../bot/core/trainings/session-types.js';
import { createTrainingService, sessionKey } from '../../bot/core/trainings/training-service.js';
import { trainingPayloadKinds } from '../../bot/core/trainings/training-payloads.js';
import { createMemoryStore } from '../../bot/storage/memory-store.js';
import { createSqliteStore } from '../../bot/storage/sqlite-store.js';
import { putSessions, sessionAt } from './fixtures.js';
import { manualClock } from './support.js';

const anna = { id: 'anna', name: 'Anna' };
const bruno = { id: 'bruno', name: 'Bruno' };
const chloe = { id: 'chloe', name: 'Chloé' };

function setup(store: RecordStore = createMemoryStore()) {
  const clock = manualClock();
  const sent: Array<{ to: string; kind: string }> = [];
  const sender: Sender = {
    async send(r: Recipient, p: Payload) {
      sent.push({ to: r.kind === 'user' ? r.userId : r.conversationId, kind: p.kind });
      return { ok: true };
    },
  };
  const outbox = createOutbox({ store, sender, now: clock.now, partitions: [trainingsPartition] });
  const service = createTrainingService({ store, outbox, now: clock.now, calendarUrl: (id) => `https://balise.example/calendar/${id}.ics` });
  const read = async (id: string) => (await store.get<TrainingSession>(trainingsPartition, sessionKey(id)))!.value;
  const drain = async () => {
    while ((await outbox.drainOnce()) > 0);
  };
  return { store, clock, sent, outbox, service, read, drain };
}

describe('registration', () => {
  it('gives a seat while seats are left, then the waitlist with the place in line', async () => {
    const { store, clock, service } = setup();
    await putSessions(store, sessionAt(clock.now(), 'v1', 'volet-1', 20, { capacity: 1 }));
    expect((await service.register(anna, 'v1', 'fr')).kind).toBe('registered');
    expect(await service.register(bruno, 'v1', 'fr')).toMatchObject({ kind: 'waitlisted', position: 1 });
    expect(await service.register(chloe, 'v1', 'fr')).toMatchObject({ kind: 'waitlisted', position: 2 });
  });

  it('refuses a second registration of the same person in the same session, seated or waiting', async () => {
    const { store, clock, service, read } = setup();
    await putSessions(store, sessionAt(clock.now(), 'v1', 'volet-1', 20, { capacity: 1 }));
    await service.register(anna, 'v1', 'fr');
    await service.register(bruno, 'v1', 'fr');
    expect(await service.register(anna, 'v1', 'fr')).toMatchObject({ kind: 'already-registered', status: 'confirmed' });
    expect(await service.register(bruno, 'v1', 'fr')).toMatchObject({ kind: 'already-registered', status: 'waitlisted' });
    const session = await read('v1');
    expect(session.registered.map((r) => r.userId)).toEqual(['anna']);
    expect(session.waitlist.map((r) => r.userId)).toEqual(['bruno']);
  });

  it('keeps one registration when the same person clicks twice at the same time', async () => {
    const { store, clock, service, read } = setup();
    await putSessions(store, sessionAt(clock.now(), 'v1', 'volet-1', 20));
    const outcomes = await Promise.all([service.register(anna, 'v1', 'fr'), service.register(anna, 'v1', 'fr')]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['already-registered', 'registered']);
    expect((await read('v1')).registered).toHaveLength(1);
  });

  it('refuses Volet 2 and 3 without Volet 1, naming the prerequisite', async () => {
    const { store, clock, service } = setup();
    await putSessions(store, sessionAt(clock.now(), 'v2', 'volet-2', 30), sessionAt(clock.now(), 'v3', 'volet-3', 30));
    expect(await service.register(anna, 'v2', 'fr')).toMatchObject({ kind: 'prerequisite-missing', prerequisite: 'volet-1' });
    expect(await service.register(anna, 'v3', 'fr')).toMatchObject({ kind: 'prerequisite-missing', prerequisite: 'volet-1' });
  });

  it('accepts Volet 2 with a seat in a Volet 1 session held earlier, not with one held later or a waitlist place', async () => {
    const { store, clock, service } = setup();
    await putSessions(
      store,
      sessionAt(clock.now(), 'v1-early', 'volet-1', 10, { capacity: 1 }),
      sessionAt(clock.now(), 'v1-late', 'volet-1', 40),
      sessionAt(clock.now(), 'v2', 'volet-2', 30),
    );
    await service.register(bruno, 'v1-early', 'fr'); // takes the only seat
    expect(await service.register(anna, 'v1-early', 'fr')).toMatchObject({ kind: 'waitlisted' });
    expect(await service.register(anna, 'v2', 'fr')).toMatchObject({ kind: 'prerequisite-missing' });
    await service.register(anna, 'v1-late', 'fr');
    expect(await service.register(anna, 'v2', 'fr')).toMatchObject({ kind: 'prerequisite-missing' });
    expect((await service.register(bruno, 'v2', 'fr')).kind).toBe('registered');
  });

  it('accepts Volet 3 for someone whose Volet 1 is recorded as completed', async () => {
    const { store, clock, service } = setup();
    await putSessions(store, sessionAt(clock.now(), 'v3', 'volet-3', 30));
    await service.recordCompletion('anna', 'volet-1');
    expect((await service.register(anna, 'v3', 'fr')).kind).toBe('registered');
  });

  it('closes registration at the deadline', async () => {
    const { store, clock, service } = setup();
    const session = sessionAt(clock.now(), 'v1', 'volet-1', 20);
    await putSessions(store, session);
    clock.set(session.deadline);
    expect(await service.register(anna, 'v1', 'fr')).toMatchObject({ kind: 'registration-closed' });
    clock.advance(-1);
    expect((await service.register(anna, 'v1', 'fr')).kind).toBe('registered');
  });

  it('answers not-found for an unknown or malformed session id without touching other records', async () => {
    const { service } = setup();
    expect(await service.register(anna, 'nope', 'fr')).toEqual({ kind: 'not-found' });
    expect(await service.register(anna, '../outbox/x', 'fr')).toEqual({ kind: 'not-found' });
  });
});

describe('two people racing for the last seat', () => {
  const stores: Array<[string, () => RecordStore]> = [
    ['memory', () => createMemoryStore()],
    ['SQLite', () => createSqliteStore(mkdtempSync(path.join(os.tmpdir(), 'balise-race-')))],
  ];
  for (const [name, open] of stores) {
    it(`gives the seat to exactly one and waitlists the other (${name} store)`, async () => {
      let conflicts = 0;
      for (let round = 0; round < 20; round++) {
        const real = open();
        // Counts refused commits: proof that both registrations really read the same version of the session.
        const store: RecordStore = { ...real, commit: async (p, ops) => { const r = await real.commit(p, ops); if (!r.ok) conflicts++; return r; } };
        const { clock, service, read } = setup(store);
        await putSessions(store, sessionAt(clock.now(), 'v1', 'volet-1', 20, { capacity: 3, registered: [] }));
        await service.register({ id: 'p1' }, 'v1', 'fr');
        await service.register({ id: 'p2' }, 'v1', 'fr');
        const outcomes = await Promise.all([service.register(anna, 'v1', 'fr'), service.register(bruno, 'v1', 'fr')]);
        expect(outcomes.map((o) => o.kind).sort()).toEqual(['registered', 'waitlisted']);
        const session = await read('v1');
        expect(session.registered).toHaveLength(3);
        expect(session.waitlist).toHaveLength(1);
        await real.close();
      }
      expect(conflicts).toBeGreaterThan(0);
    });
  }
});

describe('cancellation', () => {
  it('frees the seat for the first person waiting, who is told and reminded', async () => {
    const { store, clock, service, read, drain, sent } = setup();
    await putSessions(store, sessionAt(clock.now(), 'v1', 'volet-1', 20, { capacity: 1 }));
    await service.register(anna, 'v1', 'fr');
    await service.register(bruno, 'v1', 'fr');
    await service.register(chloe, 'v1', 'fr');
    expect(await service.cancel(anna, 'v1')).toMatchObject({ kind: 'cancelled', promoted: true, wasWaitlisted: false });
    const session = await read('v1');
    expect(session.registered.map((r) => r.userId)).toEqual(['bruno']);
    expect(session.waitlist.map((r) => r.userId)).toEqual(['chloe']);
    await drain();
    expect(sent).toEqual([{ to: 'bruno', kind: trainingPayloadKinds.promoted }]);
    clock.set(new Date(Date.parse(session.days[0]!.start) - 48 * 3_600_000).toISOString());
    await drain();
    expect(sent.slice(1)).toEqual([{ to: 'bruno', kind: trainingPayloadKinds.reminder }]);
  });

  it('sends the reminder two days before the session, and not to someone who cancelled', async () => {
    const { store, clock, service, drain, sent } = setup();
    const session = sessionAt(clock.now(), 'v1', 'volet-1', 20);
    await putSessions(store, session);
    await service.register(anna, 'v1', 'fr');
    await service.register(bruno, 'v1', 'fr');
    await service.cancel(bruno, 'v1');
    const due = Date.parse(session.days[0]!.start) - 48 * 3_600_000;
    clock.set(new Date(due - 1).toISOString());
    await drain();
    expect(sent).toEqual([]);
    clock.set(new Date(due).toISOString());
    await drain();
    expect(sent).toEqual([{ to: 'anna', kind: trainingPayloadKinds.reminder }]);
  });

  it('takes someone off the waitlist without touching the seats', async () => {
    const { store, clock, service, read } = setup();
    await putSessions(store, sessionAt(clock.now(), 'v1', 'volet-1', 20, { capacity: 1 }));
    await service.register(anna, 'v1', 'fr');
    await service.register(bruno, 'v1', 'fr');
    expect(await service.cancel(bruno, 'v1')).toMatchObject({ kind: 'cancelled', wasWaitlisted: true, promoted: false });
    expect((await read('v1')).registered.map((r) => r.userId)).toEqual(['anna']);
  });

  it('refuses to cancel for someone not registered, or once the session has started', async () => {
    const { store, clock, service } = setup();
    const session = sessionAt(clock.now(), 'v1', 'volet-1', 20);
    await putSessions(store, session);
    expect((await service.cancel(anna, 'v1')).kind).toBe('not-registered');
    await service.register(anna, 'v1', 'fr');
    clock.set(session.days[0]!.start);
    expect((await service.cancel(anna, 'v1')).kind).toBe('session-started');
  });
});

describe('one registration per track', () => {
  it('refuses a second session of the same track and names the session already held', async () => {
    const { store, clock, service } = setup();
    await putSessions(store, sessionAt(clock.now(), 'first', 'volet-1', 10), sessionAt(clock.now(), 'second', 'volet-1', 30));
    expect((await service.register(anna, 'first', 'fr')).kind).toBe('registered');
    const second = await service.register(anna, 'second', 'fr');
    expect(second.kind).toBe('track-taken');
    expect(second.kind === 'track-taken' && second.other.id).toBe('first');
    expect((await service.get('second'))?.registered).toEqual([]);
  });

  it('counts a waitlist place as a registration, but not a session already over', async () => {
    const { store, clock, service } = setup();
    await putSessions(store, sessionAt(clock.now(), 'full', 'volet-1', 10, { capacity: 1 }), sessionAt(clock.now(), 'other', 'volet-1', 30));
    await service.register(bruno, 'full', 'fr');
    expect((await service.register(anna, 'full', 'fr')).kind).toBe('waitlisted');
    expect((await service.register(anna, 'other', 'fr')).kind).toBe('track-taken');
    await service.cancel(anna, 'full');
    expect((await service.register(anna, 'other', 'fr')).kind).toBe('registered');
  });

  it('lets the coordinator allow a second registration in the track for a session', async () => {
    const { store, clock, service } = setup();
    await putSessions(store, sessionAt(clock.now(), 'first', 'volet-1', 10), sessionAt(clock.now(), 'again', 'volet-1', 30, { allowRepeat: true }));
    await service.register(anna, 'first', 'fr');
    expect((await service.register(anna, 'again', 'fr')).kind).toBe('registered');
  });

  it('names the prerequisite session to take first, when one is open before', async () => {
    const { store, clock, service } = setup();
    await putSessions(store, sessionAt(clock.now(), 'v1', 'volet-1', 10), sessionAt(clock.now(), 'v2', 'volet-2', 30));
    const outcome = await service.register(anna, 'v2', 'fr');
    expect(outcome.kind === 'prerequisite-missing' && outcome.firstTake?.id).toBe('v1');
  });
});

describe('my registrations', () => {
  it('lists seats and waitlist places of sessions not over, soonest first', async () => {
    const { store, clock, service } = setup();
    // The coordinator allowed a second registration in the track for 'soon'.
    await putSessions(store, sessionAt(clock.now(), 'late', 'volet-1', 40), sessionAt(clock.now(), 'soon', 'volet-1', 10, { capacity: 1, allowRepeat: true }));
    await service.register(bruno, 'soon', 'fr');
    await service.register(anna, 'late', 'fr');
    await service.register(anna, 'soon', 'fr');
    const mine = await service.registrationsOf(anna);
    expect(mine.map((r) => [r.session.id, r.status, r.position])).toEqual([
      ['soon', 'waitlisted', 1],
      ['late', 'confirmed', undefined],
    ]);
  });
});

describe('acknowledgement', () => {
  it('records that a person saw an announcement once', async () => {
    const { store, clock, service } = setup();
    await putSessions(store, sessionAt(clock.now(), 'v1', 'volet-1', 20));
    expect(await service.acknowledge(anna, 'v1')).toBe('acknowledged');
    expect(await service.acknowledge(anna, 'v1')).toBe('already-acknowledged');
    expect(await service.acknowledge(anna, 'missing')).toBe('not-found');
  });
});
