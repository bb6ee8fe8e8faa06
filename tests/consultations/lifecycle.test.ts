import { describe, expect, it } from 'vitest';
import { escalationDeadline } from '../../bot/core/consultations/escalation.js';
import { applyAction, isEscalationDue } from '../../bot/core/consultations/lifecycle.js';
import type { ConsultationRequest } from '../../bot/core/consultations/request.js';

const at = new Date('2026-11-30T14:00:00Z');
const isabelle = { id: 'user-id-2', name: 'Isabelle Roy' };
const julie = { id: 'user-id-3', name: 'Julie Bouchard' };
const marc = { id: 'user-id-1', name: 'Marc-André Gagnon' };

function request(extra: Partial<ConsultationRequest> = {}): ConsultationRequest {
  return {
    id: 'C-ABCDEF',
    organisationId: 'ciusss-cn',
    category: 'intervenir',
    urgency: 'today',
    urgent: false,
    description: 'Une situation.',
    contact: { method: 'teams' },
    requester: { id: 'user-id-0', name: 'Sophie Tremblay' },
    lang: 'fr',
    state: 'open',
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
    escalateAt: '2026-11-30T16:00:00.000Z',
    acknowledgedPersonalData: [],
    unreachable: [],
    events: 1,
    ...extra,
  };
}

describe('request lifecycle', () => {
  it('lets the first coordinator claim an open request', () => {
    const t = applyAction(request(), { kind: 'claim' }, isabelle, at);
    expect(t).toMatchObject({ ok: true, event: 'claimed', from: 'open', request: { state: 'claimed', handler: isabelle } });
  });

  it('refuses a second claim by someone else, and treats a repeated claim by the same person as unchanged', () => {
    const claimed = request({ state: 'claimed', handler: isabelle });
    expect(applyAction(claimed, { kind: 'claim' }, julie, at)).toEqual({ ok: false, reason: 'already-taken' });
    expect(applyAction(claimed, { kind: 'claim' }, isabelle, at)).toEqual({ ok: false, reason: 'unchanged' });
  });

  it('hands a claimed request to a pivot, and reassigns it, but not twice to the same person', () => {
    const assigned = applyAction(request({ state: 'claimed', handler: isabelle }), { kind: 'assign', assignee: marc }, isabelle, at);
    expect(assigned).toMatchObject({ ok: true, event: 'assigned', from: 'claimed', request: { state: 'assigned', handler: marc } });
    if (!assigned.ok) return;
    expect(applyAction(assigned.request, { kind: 'assign', assignee: marc }, isabelle, at)).toEqual({ ok: false, reason: 'unchanged' });
    expect(applyAction(assigned.request, { kind: 'assign', assignee: julie }, isabelle, at)).toMatchObject({ ok: true, request: { handler: julie } });
    expect(applyAction(assigned.request, { kind: 'claim' }, julie, at)).toEqual({ ok: false, reason: 'already-taken' });
  });

  it('closes from any state with a trimmed note, and refuses everything once closed', () => {
    const closed = applyAction(request(), { kind: 'close', note: '  Référée au CAVAC.  ' }, marc, at);
    expect(closed).toMatchObject({ ok: true, event: 'closed', request: { state: 'closed', closedBy: marc, closingNote: 'Référée au CAVAC.' } });
    if (!closed.ok) return;
    for (const action of [{ kind: 'claim' }, { kind: 'close' }, { kind: 'assign', assignee: marc }] as const) {
      expect(applyAction(closed.request, action, isabelle, at)).toEqual({ ok: false, reason: 'already-closed' });
    }
  });

  it('keeps no empty closing note', () => {
    const closed = applyAction(request(), { kind: 'close', note: '   ' }, marc, at);
    expect(closed.ok && 'closingNote' in closed.request).toBe(false);
  });
});

describe('escalation deadline', () => {
  it('waits 2 h for "aujourd\'hui", 1 day for "cette semaine", 30 min when urgent', () => {
    expect(escalationDeadline(at, 'today', false).toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(escalationDeadline(at, 'week', false).toISOString()).toBe('2026-12-01T14:00:00.000Z');
    expect(escalationDeadline(at, 'none', true).toISOString()).toBe('2026-11-30T14:30:00.000Z');
    expect(escalationDeadline(at, 'today', false, { urgent: 10, immediate: 10, today: 45, week: 60, none: 90 }).toISOString()).toBe('2026-11-30T14:45:00.000Z');
  });

  it('is due only for an open request past its deadline and not yet escalated', () => {
    const r = request();
    expect(isEscalationDue(r, new Date('2026-11-30T15:59:59Z'))).toBe(false);
    expect(isEscalationDue(r, new Date('2026-11-30T16:00:00Z'))).toBe(true);
    expect(isEscalationDue({ ...r, state: 'claimed' }, new Date('2026-12-01T00:00:00Z'))).toBe(false);
    expect(isEscalationDue({ ...r, escalatedAt: '2026-11-30T16:00:00Z' }, new Date('2026-12-01T00:00:00Z'))).toBe(false);
  });
});
