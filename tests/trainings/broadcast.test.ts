/**
 * Publishing and broadcasting an announcement with the real outbox: each recipient at most once,
 * channels included, the final tally reported once to the coordinator, and a broadcast interrupted
 * half-way (while enqueuing, or while sending) resumed without duplicates.
 */
import { describe, expect, it } from 'vitest';
import type { Payload, Recipient, SendOutcome, Sender } from '../../bot/core/delivery/delivery-types.js';
import { createOutbox } from '../../bot/core/delivery/outbox.js';
import type { RecordStore } from '../../bot/core/storage/record-store.js';
import { broadcastJobKey, createBroadcaster, type BroadcastJob } from '../../bot/core/trainings/broadcast.js';
import { createCoordination } from '../../bot/core/trainings/coordination.js';
import type { SessionDraft } from '../../bot/core/trainings/session-draft.js';
import { trainingsPartition } from '../../bot/core/trainings/session-types.js';
import { trainingDataOf, trainingPayloadKinds } from '../../bot/core/trainings/training-payloads.js';
import { watchBroadcasts } from '../../bot/core/trainings/watch-broadcasts.js';
import { createMemoryStore } from '../../bot/storage/memory-store.js';
import { demoDirectory, manualClock, nathalie, sophie } from './support.js';

const draft: SessionDraft = {
  track: 'volet-2',
  days: [{ start: '2027-02-09T14:00:00.000Z', end: '2027-02-09T21:00:00.000Z' }],
  place: 'Salle 3',
  capacity: 25,
  deadline: '2027-02-01T04:59:00.000Z',
};
const people = (n: number): Recipient[] => Array.from({ length: n }, (_, i) => ({ kind: 'user', userId: `u${String(i).padStart(4, '0')}` }));
const channel: Recipient = { kind: 'conversation', conversationId: '19:annonces@thread.tacv2', name: 'Annonces' };
const coordinatorRecipient: Recipient = { kind: 'user', userId: nathalie.id };
const who = (r: Recipient) => (r.kind === 'user' ? r.userId : r.conversationId);

/** A sender that records each completed send; `outcome` decides, `hangAfter` makes the n-th call and later never return. */
function sender(outcome: (r: Recipient) => SendOutcome = () => ({ ok: true }), hangAfter = Infinity) {
  const sent: Array<{ to: string; payload: Payload }> = [];
  let calls = 0;
  let signalHung = () => {};
  const hung = new Promise<void>((resolve) => (signalHung = resolve));
  const s: Sender = {
    send(r, payload) {
      if (++calls > hangAfter) {
        signalHung();
        return new Promise<SendOutcome>(() => undefined); // the process died mid-call
      }
      const result = outcome(r);
      if (result.ok) sent.push({ to: who(r), payload });
      return Promise.resolve(result);
    },
  };
  return { sender: s, sent, hung };
}

function world(store: RecordStore, audience: Recipient[], s: Sender, clock = manualClock()) {
  const outbox = createOutbox({ store, sender: s, now: clock.now, partitions: [trainingsPartition] }, { concurrency: 1 });
  const broadcaster = createBroadcaster({ store, outbox, audience: async () => audience });
  watchBroadcasts(outbox, broadcaster, { everyMs: 0 });
  const coordination = createCoordination({ store, directory: demoDirectory(), now: clock.now });
  const drain = async () => {
    while ((await outbox.drainOnce()) > 0);
  };
  return { outbox, broadcaster, coordination, drain, clock };
}

const announcements = (sent: Array<{ to: string; payload: Payload }>) => sent.filter((m) => m.payload.kind === trainingPayloadKinds.announcement).map((m) => m.to);
const reports = (sent: Array<{ to: string; payload: Payload }>) => sent.filter((m) => m.payload.kind === trainingPayloadKinds.report);

describe('broadcast', () => {
  it('announces once to every person and channel but the publisher, and reports progress and the final tally once each', async () => {
    const store = createMemoryStore();
    const audience = [...people(10), coordinatorRecipient, channel];
    const { sender: s, sent } = sender((r) => (who(r) === 'u0003' || who(r) === 'u0007' ? { ok: false, reason: 'unreachable', detail: 'HTTP 403' } : { ok: true }));
    const { coordination, broadcaster, drain } = world(store, audience, s);
    expect((await coordination.publish(nathalie, 'sess-1', draft, 'fr')).kind).toBe('published');
    expect(await broadcaster.run('sess-1')).toEqual({ total: 11 });
    await drain();
    const expected = audience.filter((r) => who(r) !== nathalie.id && who(r) !== 'u0003' && who(r) !== 'u0007').map(who);
    expect(announcements(sent).sort()).toEqual(expected.sort());
    const tallies = reports(sent).map((m) => ({ to: m.to, final: trainingDataOf(m.payload).final, tally: trainingDataOf(m.payload).tally }));
    expect(tallies.every((r) => r.to === nathalie.id)).toBe(true);
    expect(tallies.filter((r) => r.final)).toEqual([{ to: nathalie.id, final: true, tally: { total: 11, sent: 9, failed: 0, unreachable: 2, pending: 0 } }]);
    expect(tallies.filter((r) => !r.final).length).toBeGreaterThan(0); // progress before the end
    const job = (await store.get<BroadcastJob>(trainingsPartition, broadcastJobKey('sess-1')))!.value;
    expect(new Set(job.reported).size).toBe(job.reported.length);
    await broadcaster.report('sess-1');
    await drain();
    expect(reports(sent).filter((m) => trainingDataOf(m.payload).final)).toHaveLength(1);
  });

  it('publishing the same draft twice creates one session and announces it once', async () => {
    const store = createMemoryStore();
    const { sender: s, sent } = sender();
    const { coordination, broadcaster, drain } = world(store, people(5), s);
    await coordination.publish(nathalie, 'sess-1', draft, 'fr');
    await broadcaster.run('sess-1');
    expect((await coordination.publish(nathalie, 'sess-1', draft, 'fr')).kind).toBe('already-published');
    await broadcaster.run('sess-1');
    await drain();
    expect(announcements(sent).sort()).toEqual(people(5).map(who));
  });

  it('refuses publication by someone who is not a coordinator and stores nothing', async () => {
    const store = createMemoryStore();
    const { coordination } = world(store, [], sender().sender);
    expect(await coordination.publish(sophie, 'sess-1', draft, 'fr')).toEqual({ kind: 'not-a-coordinator' });
    expect(await store.list(trainingsPartition)).toEqual([]);
    expect(await coordination.roster(sophie, 'sess-1')).toEqual({ kind: 'not-a-coordinator' });
  });

  it('resumes an enqueue interrupted half-way after a restart, without duplicates', async () => {
    const real = createMemoryStore();
    let writes = 0;
    // The process dies after 150 outbox writes of a 300-recipient broadcast.
    const dying: RecordStore = {
      ...real,
      commit: async (p, ops) => {
        if (ops.some((o) => o.key.startsWith('outbox/announce:')) && ++writes > 150) throw new Error('process killed');
        return real.commit(p, ops);
      },
    };
    const audience = people(300);
    const before = world(dying, audience, sender().sender);
    await before.coordination.publish(nathalie, 'sess-1', draft, 'fr');
    await expect(before.broadcaster.run('sess-1')).rejects.toThrow('process killed');
    expect((await real.get<BroadcastJob>(trainingsPartition, broadcastJobKey('sess-1')))!.value.enqueued).toBe(false);

    const { sender: s, sent } = sender();
    const after = world(real, audience, s);
    expect(await after.broadcaster.resume()).toBe(1);
    await after.drain();
    expect(announcements(sent).sort()).toEqual(audience.map(who));
    expect(await after.outbox.tally(trainingsPartition, 'announce:sess-1')).toEqual({ total: 300, sent: 300, failed: 0, unreachable: 0, pending: 0 });
  });

  it('resumes sending interrupted half-way (the worker died mid-send) without duplicates', async () => {
    const store = createMemoryStore();
    const audience = people(200);
    const clock = manualClock();
    const first = sender(undefined, 100);
    const before = world(store, audience, first.sender, clock);
    await before.coordination.publish(nathalie, 'sess-1', draft, 'fr');
    await before.broadcaster.run('sess-1');
    void before.outbox.drainOnce(); // never finishes: the 101st send hangs forever
    await first.hung;
    expect(announcements(first.sent)).toHaveLength(100);

    // A new process on the same store; the dead worker's claim expires after its lease (60 s).
    const second = sender();
    const after = world(store, audience, second.sender, clock);
    clock.advance(61_000);
    await after.drain();
    const all = [...announcements(first.sent), ...announcements(second.sent)];
    expect(all).toHaveLength(200);
    expect(new Set(all).size).toBe(200);
    expect(reports(second.sent).filter((m) => trainingDataOf(m.payload).final)).toHaveLength(1);
  });

  it('sends the final tally once even when the process that settled the last delivery dies before its progress check', async () => {
    const store = createMemoryStore();
    const clock = manualClock();
    const first = sender();
    const outbox = createOutbox({ store, sender: first.sender, now: clock.now, partitions: [trainingsPartition] });
    const broadcaster = createBroadcaster({ store, outbox, audience: async () => people(8) });
    // The debounced check of this process never runs: it "dies" with the timer pending.
    const cancel = watchBroadcasts(outbox, broadcaster, { everyMs: 3_600_000 });
    await createCoordination({ store, directory: demoDirectory(), now: clock.now }).publish(nathalie, 'sess-1', draft, 'fr');
    await broadcaster.run('sess-1');
    while ((await outbox.drainOnce()) > 0);
    cancel();
    expect(announcements(first.sent)).toHaveLength(8);
    expect(reports(first.sent)).toEqual([]);

    const second = sender();
    const other = world(store, [], second.sender, clock);
    expect(await other.broadcaster.reportOpen()).toBe(1);
    await other.drain();
    expect(await other.broadcaster.reportOpen()).toBe(0);
    await other.drain();
    const finals = reports(second.sent).filter((m) => trainingDataOf(m.payload).final);
    expect(finals.map((m) => ({ to: m.to, tally: trainingDataOf(m.payload).tally }))).toEqual([{ to: nathalie.id, tally: { total: 8, sent: 8, failed: 0, unreachable: 0, pending: 0 } }]);
  });
});
