import * as AC from 'adaptivecards';
import { describe, expect, it } from 'vitest';
import { consultationPayloadKinds, updateDelivery } from '../../bot/core/consultations/payloads.js';
import type { ConsultationRequest } from '../../bot/core/consultations/request.js';
import { viewOf } from '../../bot/core/consultations/request-view.js';
import { messagesFor } from '../../bot/core/i18n/messages.js';
import { listCardTemplates } from '../../bot/teams/cards/render-card.js';
import { renderOpenRequests, renderRequestCard, renderRequestNotice } from '../../bot/teams/features/consultations/coordinator-cards.js';
import { ConsultationPayloadError, renderConsultationPayload } from '../../bot/teams/features/consultations/render-payload.js';
import { verbs } from '../../bot/teams/verbs.js';
import {
  renderConsultationCheck,
  renderConsultationForm,
  renderConsultationReceipt,
  renderConsultationUpdate,
  renderMyRequests,
} from '../../bot/teams/features/consultations/worker-cards.js';
import { findNodes, textOfCard } from './bot-harness.js';
import { demoDirectory, people } from './helpers.js';

const fr = messagesFor('fr');
const en = messagesFor('en');
const now = new Date('2026-11-30T16:10:00Z');

const request: ConsultationRequest = {
  id: 'C-7K4M2Q',
  organisationId: 'ciusss-cn',
  category: 'cyber',
  urgency: 'today',
  urgent: false,
  description: 'Photos intimes partagées par un garçon de 17 ans.',
  contact: { method: 'phone', phone: '418 555-0100' },
  requester: people.sophie,
  lang: 'fr',
  state: 'open',
  createdAt: '2026-11-30T14:00:00.000Z',
  updatedAt: '2026-11-30T14:00:00.000Z',
  escalateAt: '2026-11-30T16:00:00.000Z',
  acknowledgedPersonalData: [],
  unreachable: [{ recipient: 'Isabelle Roy', deliveredTo: 'Julie Bouchard' }],
  events: 1,
};
const view = viewOf(request, demoDirectory());
const values = { organisationId: 'ciusss-cn', category: 'cyber', urgency: 'today', description: 'Texte', contactMethod: 'teams', phone: '' };

/** Every card a consultation renders, in both languages. */
const allCards = [fr, en].flatMap((t) => [
  renderConsultationForm(t, { organisations: [{ id: 'ciusss-cn', name: 'CIUSSS' }], values, reference: 'C-7K4M2Q', problems: ['phone'] }),
  renderConsultationCheck(t, { values, reference: 'C-7K4M2Q', findings: [{ kind: 'name', match: 'Marie' }], fingerprint: 'abc', emergencyShown: false }),
  renderConsultationReceipt(t, request, { name: 'CIUSSS', article: 'le' }, false),
  renderConsultationUpdate(t, { lang: 'fr', intendedFor: 'user-id-0', intendedName: 'Sophie', requestId: 'C-7K4M2Q', event: 'closed', byName: 'Marc-André Gagnon', note: 'Merci', at: now.toISOString() }),
  renderMyRequests(t, [view]),
  renderRequestCard(t, view, { now }),
  renderOpenRequests(t, [view], now),
  renderRequestNotice(t, { lang: 'fr', intendedFor: '19:pivots', intendedName: 'Pivots', requestId: 'C-7K4M2Q', organisationName: 'CIUSSS', category: view.category, urgency: view.urgency, urgent: true }),
]);

describe('consultation cards', () => {
  it('ships one template per consultation card', () => {
    expect(listCardTemplates().filter((n) => n.startsWith('consultation-'))).toEqual([
      'consultation-check', 'consultation-form', 'consultation-mine', 'consultation-notice', 'consultation-open', 'consultation-receipt', 'consultation-request', 'consultation-update',
    ]);
  });

  it.each(allCards.map((c, i) => [i, c] as const))('expands card %i into a valid card within Teams\' limits', (_i, card) => {
    const json = JSON.stringify(card.content);
    expect(json).not.toMatch(/\$\{|\{(ref|name|at|age|organisation)\}/);
    expect(json).not.toContain('null');
    expect(Buffer.byteLength(json)).toBeLessThan(28 * 1024);
    const known = new Set<string>(Object.values(verbs));
    for (const action of findNodes(card.content, (n) => n.type === 'Action.Submit')) expect(known.has(String((action.data as { verb?: string }).verb))).toBe(true);
    for (const action of findNodes(card.content, (n) => n.type === 'Action.Execute')) expect(known.has(String(action.verb))).toBe(true);
    // The official Adaptive Cards parser accepts it (schema 1.5) without a warning.
    const context = new AC.SerializationContext();
    const parsed = new AC.AdaptiveCard();
    parsed.parse(card.content, context);
    expect(Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message)).toEqual([]);
    expect(parsed.validateProperties().validationEvents.map((e) => e.message)).toEqual([]);
  });

  it('shows the request with its age, contact, and the rerouted alert, in French and in English', () => {
    const frText = textOfCard(renderRequestCard(fr, view, { now }).content);
    // In French and in Québec time (14:00 UTC is 9:00 EST), not with the card's DATE() that Teams shows in the client's locale.
    expect(frText).toContain('Reçue le lundi 30 novembre 2026 à 9 h (il y a 2 h 10)');
    expect(frText).not.toContain('{{DATE');
    expect(frText).toContain('Sophie Tremblay · Téléphone 418 555-0100');
    expect(frText).toContain('Impossible de joindre Isabelle Roy : l’alerte a été transmise à Julie Bouchard.');
    const enText = textOfCard(renderRequestCard(en, view, { now }).content);
    expect(enText).toContain('Online exploitation');
    expect(enText).toContain('Received on Monday, November 30, 2026 at 9:00 a.m. (2 h 10 ago)');
  });

  it('says « à l’instant » for a request just received, never « il y a 0 min »', () => {
    const text = textOfCard(renderRequestCard(fr, view, { now: new Date(Date.parse(request.createdAt) + 20_000) }).content);
    expect(text).toContain('(à l’instant)');
    expect(text).not.toContain('0 min');
    expect(textOfCard(renderRequestCard(en, view, { now: new Date(request.createdAt) }).content)).toContain('(just now)');
    expect(textOfCard(renderRequestCard(fr, view, { now: new Date(Date.parse(request.createdAt) + 60_000) }).content)).toContain('(il y a 1 min)');
  });

  it('names the organisation with its article in the receipt', () => {
    const body = (article?: string) => textOfCard(renderConsultationReceipt(fr, request, { name: 'CIUSSS de la Capitale-Nationale', article }, false).content);
    expect(body('le')).toContain('transmise au CIUSSS de la Capitale-Nationale.');
    expect(body('la')).toContain('transmise à la CIUSSS de la Capitale-Nationale.');
    expect(body('l')).toContain('transmise à l’CIUSSS de la Capitale-Nationale.');
    expect(body('les')).toContain('transmise aux CIUSSS de la Capitale-Nationale.');
    expect(body(undefined)).toContain('transmise à CIUSSS de la Capitale-Nationale.');
    expect(textOfCard(renderConsultationReceipt(en, request, { name: 'CIUSSS', article: 'le' }, false).content)).toContain('sent to CIUSSS.');
  });

  it('refreshes for every handler through the refresh-request verb, and carries the request id in every action', () => {
    const card = renderRequestCard(fr, view).content as { refresh: { action: { verb: string; data: { requestId: string } }; userIds: string[] } };
    expect(card.refresh.action).toMatchObject({ verb: verbs.refreshRequest, data: { requestId: 'C-7K4M2Q' } });
    expect(card.refresh.userIds).toEqual(view.handlerIds);
    const executes = findNodes((card as { actions?: unknown }).actions, (n) => n.type === 'Action.Execute');
    expect(executes.map((a) => (a.data as { requestId: string }).requestId)).toEqual(['C-7K4M2Q', 'C-7K4M2Q', 'C-7K4M2Q']);
    expect(findNodes(card, (n) => n.id === 'assignee')[0]?.choices).toEqual(view.assignees.map((a) => ({ title: a.name, value: a.id })));
  });

  it('offers no action on a closed request and shows its closing note', () => {
    const closed = viewOf({ ...request, state: 'closed', closedBy: people.marcAndre, closingNote: 'Référée.' }, demoDirectory());
    const card = renderRequestCard(fr, closed).content as { actions?: unknown[] };
    expect(card.actions).toEqual([]);
    expect(textOfCard(card)).toContain('Note de clôture : Référée.');
  });

  it('marks an escalated or urgent alert', () => {
    expect(textOfCard(renderConsultationPayload({ kind: consultationPayloadKinds.alert, data: { lang: 'fr', reason: 'escalated', view } }, fr).content)).toContain('Escaladée');
    const urgent = renderRequestCard(fr, { ...view, urgent: true }).content;
    expect(textOfCard(urgent)).toContain('**URGENT**');
    expect(findNodes(urgent, (n) => n.style === 'attention')).toHaveLength(1);
  });

  it('renders the worker\'s update from its payload, in the worker\'s language', () => {
    const delivery = updateDelivery({ ...request, lang: 'en', state: 'claimed', handler: people.isabelle }, 1, 'claimed');
    expect(textOfCard(renderConsultationPayload(delivery.payload, en).content)).toContain('Your request C-7K4M2Q was taken by Isabelle Roy.');
  });

  it('refuses a payload kind that is not a consultation\'s', () => {
    expect(() => renderConsultationPayload({ kind: 'announcement', data: {} }, fr)).toThrow(ConsultationPayloadError);
  });
});
