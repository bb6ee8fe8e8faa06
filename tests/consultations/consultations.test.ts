import { describe, expect, it } from 'vitest';
import { consultationPayloadKinds, type AlertPayloadData, type UpdatePayloadData } from '../../bot/core/consultations/payloads.js';
import { consultationsPartition } from '../../bot/core/consultations/records.js';
import type { RecordStore } from '../../bot/core/storage/record-store.js';
import { createMemoryStore } from '../../bot/storage/memory-store.js';
import { consultationCore, manualClock, people, pivotsChannel, recordingSender, submission } from './helpers.js';

const description = submission().description;

async function submitted(store: RecordStore = createMemoryStore()) {
  const clock = manualClock();
  const { sender, sent } = recordingSender();
  const core = consultationCore(store, sender, clock.now);
  const result = await core.consultations.submit(submission(), people.sophie);
  if (result.kind !== 'submitted') throw new Error('test: not submitted');
  return { ...core, clock, sent, store, request: result.request };
}

describe('consultation requests', () => {
  it('stores a request with its alerts to the coordinator and the Pivots channel, delivered once each', async () => {
    const { outbox, sent, request, store } = await submitted();
    expect(request).toMatchObject({ state: 'open', organisationId: 'ciusss-cn', requester: { id: people.sophie.id }, escalateAt: '2026-11-30T16:00:00.000Z' });
    expect((await store.list(consultationsPartition, { prefix: 'outbox/' })).length).toBe(2);
    await outbox.drainOnce();
    await outbox.drainOnce();
    expect(sent.map((s) => s.to).sort()).toEqual([people.isabelle.id, pivotsChannel].sort());
    const alert = sent.find((s) => s.to === people.isabelle.id)?.payload.data as unknown as AlertPayloadData;
    expect(alert).toMatchObject({ reason: 'new', view: { id: request.id, description, organisationName: 'CIUSSS de la Capitale-Nationale (démo)' } });
    // The channel gets a notice: organisation, theme, urgency, reference; never the description or the phone.
    const notice = sent.find((s) => s.to === pivotsChannel)?.payload;
    expect(notice).toMatchObject({ kind: 'consultation-notice', data: { requestId: request.id, organisationName: 'CIUSSS de la Capitale-Nationale (démo)', urgency: request.urgency } });
    expect(JSON.stringify(notice)).not.toContain(description);
    expect(JSON.stringify(notice)).not.toContain(people.sophie.name);
  });

  it('writes a request, its audit entry and its alerts in one atomic commit', async () => {
    const inner = createMemoryStore();
    const commits: string[][] = [];
    const store: RecordStore = { ...inner, commit: (p, ops) => (commits.push(ops.map((o) => o.key)), inner.commit(p, ops)) };
    const { request } = await submitted(store);
    expect(commits).toHaveLength(1);
    expect(commits[0]).toEqual(expect.arrayContaining([`request/${request.id}`, `audit/${request.id}/0000`, `outbox/${request.id}.0.${people.isabelle.id}`, `outbox/${request.id}.0.${pivotsChannel}`]));
  });

  it('stores one request when the same form is sent twice, and gives another worker reusing the reference a new one', async () => {
    const { consultations, outbox, sent } = await submitted();
    const first = await consultations.submit(submission({ reference: 'C-2345AB' }), people.sophie);
    const again = await consultations.submit(submission({ reference: 'C-2345AB' }), people.sophie);
    expect(first.kind).toBe('submitted');
    expect(again).toMatchObject({ kind: 'duplicate', request: { id: 'C-2345AB' } });
    const other = await consultations.submit(submission({ reference: 'C-2345AB' }), people.eric);
    expect(other.kind === 'submitted' && other.request.id).not.toBe('C-2345AB');
    await outbox.drainOnce();
    expect(sent.filter((s) => ((s.payload.data as unknown as AlertPayloadData).view?.id ?? (s.payload.data as { requestId?: string }).requestId) === 'C-2345AB')).toHaveLength(2);
  });

  it('tells the worker who claimed, who it was assigned to (alerting that pivot), and the closing note', async () => {
    const { consultations, outbox, sent, request } = await submitted();
    await outbox.drainOnce();
    sent.length = 0;
    expect(await consultations.act(request.id, people.isabelle, { kind: 'claim' })).toMatchObject({ kind: 'done', event: 'claimed' });
    expect(await consultations.act(request.id, people.isabelle, { kind: 'assign', assigneeId: people.marcAndre.id })).toMatchObject({ kind: 'done', request: { state: 'assigned', handler: { id: people.marcAndre.id } } });
    expect(await consultations.act(request.id, people.marcAndre, { kind: 'close', note: 'Rappel fait, piste CAVAC.' })).toMatchObject({ kind: 'done', request: { state: 'closed' } });
    await outbox.drainOnce();
    const toSophie = sent.filter((s) => s.to === people.sophie.id).map((s) => s.payload.data as unknown as UpdatePayloadData);
    expect(toSophie.map((u) => [u.event, u.byName, u.note])).toEqual([
      ['claimed', 'Isabelle Roy', ''],
      ['assigned', 'Marc-André Gagnon', ''],
      ['closed', 'Marc-André Gagnon', 'Rappel fait, piste CAVAC.'],
    ]);
    const toPivot = sent.filter((s) => s.to === people.marcAndre.id);
    expect(toPivot.map((s) => [s.payload.kind, (s.payload.data as unknown as AlertPayloadData).reason])).toEqual([[consultationPayloadKinds.alert, 'assigned']]);
  });

  it('keeps an audit trail of who did what and when, without the description or the note', async () => {
    const { consultations, request, clock } = await submitted();
    clock.advance(5 * 60_000);
    await consultations.act(request.id, people.isabelle, { kind: 'claim' });
    await consultations.act(request.id, people.isabelle, { kind: 'close', note: 'Note confidentielle XYZ' });
    const trail = await consultations.auditTrail(request.id);
    expect(trail.map((e) => [e.seq, e.action, e.actor, e.from, e.to])).toEqual([
      [0, 'submitted', people.sophie.id, undefined, 'open'],
      [1, 'claimed', people.isabelle.id, 'open', 'claimed'],
      [2, 'closed', people.isabelle.id, 'claimed', 'closed'],
    ]);
    expect(trail[1]?.at).toBe('2026-11-30T14:05:00.000Z');
    const text = JSON.stringify(trail);
    expect(text).not.toContain('fugues');
    expect(text).not.toContain('XYZ');
  });

  it('refuses actions from people outside the routed organisation, and accepts the Table coordinator', async () => {
    const { consultations, request } = await submitted();
    expect(await consultations.act(request.id, people.karine, { kind: 'claim' })).toEqual({ kind: 'not-allowed', organisationId: 'ciusss-cn' });
    expect(await consultations.act(request.id, people.sophie, { kind: 'close' })).toEqual({ kind: 'not-allowed', organisationId: 'ciusss-cn' });
    expect(await consultations.view(request.id, people.eric)).toEqual({ kind: 'not-allowed', organisationId: 'ciusss-cn' });
    expect(await consultations.act(request.id, people.nathalie, { kind: 'claim' })).toMatchObject({ kind: 'done' });
    expect(await consultations.act('C-ZZZZZZ', people.isabelle, { kind: 'claim' })).toEqual({ kind: 'not-found' });
  });

  it('refuses to assign to someone who is not a pivot or coordinator of the organisation', async () => {
    const { consultations, request } = await submitted();
    expect(await consultations.act(request.id, people.isabelle, { kind: 'assign', assigneeId: people.karine.id })).toMatchObject({ kind: 'unknown-assignee' });
  });

  it('lets exactly one of two coordinators claiming at the same moment win', async () => {
    // Each claim reads the request twice (permission, then update); no write happens before all four reads.
    const inner = createMemoryStore();
    let armed = false;
    let reads = 0;
    let release: () => void = () => {};
    const bothRead = new Promise<void>((r) => (release = r));
    const store: RecordStore = {
      ...inner,
      get: async (p, k) => {
        const r = await inner.get(p, k);
        if (armed && k.startsWith('request/') && ++reads >= 4) release();
        return r as never;
      },
      commit: async (p, ops) => {
        if (armed && ops[0]?.key.startsWith('request/')) await bothRead;
        return inner.commit(p, ops);
      },
    };
    const { consultations, outbox, sent, request } = await submitted(store);
    armed = true;
    const results = await Promise.all([
      consultations.act(request.id, people.isabelle, { kind: 'claim' }),
      consultations.act(request.id, people.julie, { kind: 'claim' }),
    ]);
    expect(results.map((r) => r.kind).sort()).toEqual(['already-taken', 'done']);
    await outbox.drainOnce();
    expect(sent.filter((s) => s.to === people.sophie.id)).toHaveLength(1);
  });

  it('escalates an unclaimed request to the backup coordinator at its deadline, once, even after a restart', async () => {
    const { consultations, outbox, sent, request, store, clock } = await submitted();
    await outbox.drainOnce();
    sent.length = 0;
    expect(await consultations.escalateDue(new Date('2026-11-30T15:59:59Z'))).toEqual([]);
    // A restart: a new core over the same store still knows the deadline.
    const restarted = consultationCore(store, recordingSender().sender, clock.now);
    expect(await restarted.consultations.escalateDue(new Date('2026-11-30T16:00:00Z'))).toEqual([request.id]);
    expect(await consultations.escalateDue(new Date('2026-11-30T17:00:00Z'))).toEqual([]);
    await outbox.drainOnce();
    expect(sent.map((s) => [s.to, (s.payload.data as unknown as AlertPayloadData).reason])).toEqual([[people.julie.id, 'escalated']]);
    expect((await consultations.auditTrail(request.id)).map((e) => e.action)).toEqual(['submitted', 'escalated']);
  });

  it('does not escalate a request someone took', async () => {
    const { consultations, request } = await submitted();
    await consultations.act(request.id, people.marcAndre, { kind: 'claim' });
    expect(await consultations.escalateDue(new Date('2026-12-05T00:00:00Z'))).toEqual([]);
  });

  it('does not escalate a request claimed between the deadline check and the escalation', async () => {
    const inner = createMemoryStore();
    const hook: { claimDuringList?: () => Promise<unknown> } = {};
    const store: RecordStore = {
      ...inner,
      list: async (p, options) => {
        const rows = await inner.list(p, options);
        if (options?.prefix === 'open/' && hook.claimDuringList) await hook.claimDuringList();
        return rows as never;
      },
    };
    const { consultations, request } = await submitted(store);
    hook.claimDuringList = () => consultations.act(request.id, people.isabelle, { kind: 'claim' });
    expect(await consultations.escalateDue(new Date('2026-11-30T17:00:00Z'))).toEqual([]);
    expect((await consultations.auditTrail(request.id)).map((e) => e.action)).toEqual(['submitted', 'claimed']);
  });

  it('delivers to the backup when the coordinator cannot be reached, and reports it on the request', async () => {
    const clock = manualClock();
    const { sender, sent } = recordingSender((to) => (to === people.isabelle.id ? { ok: false, reason: 'unreachable', detail: 'HTTP 403' } : { ok: true }));
    const { consultations, outbox } = consultationCore(createMemoryStore(), sender, clock.now);
    const result = await consultations.submit(submission(), people.sophie);
    if (result.kind !== 'submitted') throw new Error('test: not submitted');
    await outbox.drainOnce();
    await outbox.drainOnce();
    expect(sent.map((s) => s.to).sort()).toEqual([people.julie.id, pivotsChannel].sort());
    const seen = await consultations.view(result.request.id, people.isabelle);
    expect(seen.kind === 'ok' && seen.request.unreachable).toEqual([{ recipient: 'Isabelle Roy', deliveredTo: 'Julie Bouchard' }]);
    expect((await consultations.auditTrail(result.request.id)).map((e) => e.action)).toEqual(['submitted', 'delivery-rerouted']);
  });

  it('lists a worker\'s own requests newest first, and the open requests a handler may act on, urgent first', async () => {
    const { consultations, request, clock } = await submitted();
    clock.advance(60_000);
    const urgent = await consultations.submit(submission({ urgency: 'week', urgent: true }), people.sophie);
    clock.advance(60_000);
    const elsewhere = await consultations.submit(submission({ organisationId: 'spvq' }), people.eric);
    if (urgent.kind !== 'submitted' || elsewhere.kind !== 'submitted') throw new Error('test: not submitted');
    expect((await consultations.listMine(people.sophie)).map((r) => r.id)).toEqual([urgent.request.id, request.id]);
    expect((await consultations.listOpen(people.isabelle)).map((r) => r.id)).toEqual([urgent.request.id, request.id]);
    expect((await consultations.listOpen(people.nathalie)).map((r) => r.id)).toEqual([urgent.request.id, request.id, elsewhere.request.id]);
    expect(await consultations.listOpen(people.eric)).toEqual([]);
    await consultations.act(request.id, people.isabelle, { kind: 'close' });
    expect((await consultations.listOpen(people.isabelle)).map((r) => r.id)).toEqual([urgent.request.id]);
  });
});
