/** Every trainings card template expands completely, in French and English, with known verbs only. */
import * as AC from 'adaptivecards';
import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../bot/core/i18n/messages.js';
import { snapshotOf, trainingPayloadKinds } from '../../bot/core/trainings/training-payloads.js';
import type { CardAttachment } from '../../bot/teams/cards/render-card.js';
import { renderTrainingPayload } from '../../bot/teams/features/trainings/render-payload.js';
import {
  renderAnnounceFormCard,
  renderAnnouncementCard,
  renderMyRegistrationsCard,
  renderRosterCard,
  renderRosterListCard,
  renderSessionListCard,
  renderSessionNotice,
} from '../../bot/teams/features/trainings/training-cards.js';
import { verbs } from '../../bot/teams/verbs.js';
import { sessionAt } from './fixtures.js';
import { actionsOf } from './support.js';

const now = new Date('2026-11-28T15:00:00Z');
const registrant = { registrationId: 'r1', userId: 'u1', name: 'Anna', lang: 'fr' as const, registeredAt: now.toISOString() };
const open = sessionAt(now, 'open', 'volet-2', 20, { notes: 'Notes', meetingUrl: 'https://teams.example/meet', registered: [registrant] });
const closed = sessionAt(now, 'closed', 'volet-1', 1, { demo: true });
const calendar = (id: string) => `https://balise.example/calendar/${id}.ics`;
const allVerbs = new Set<string>(Object.values(verbs));

function expectWellFormed(card: CardAttachment) {
  const json = JSON.stringify(card.content);
  expect(json).not.toContain('${');
  expect(json).not.toContain('null');
  expect(card.content.type).toBe('AdaptiveCard');
  expect(Buffer.byteLength(json)).toBeLessThan(28 * 1024);
  for (const data of actionsOf(card.content).submits) expect(allVerbs.has(String(data.verb))).toBe(true);
  // The official Adaptive Cards parser accepts it (schema 1.5) without a warning.
  const context = new AC.SerializationContext();
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card.content, context);
  expect(Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message)).toEqual([]);
  expect(parsed.validateProperties().validationEvents.map((e) => e.message)).toEqual([]);
}

for (const lang of ['fr', 'en'] as const) {
  const t = messagesFor(lang);
  describe(`trainings cards (${lang})`, () => {
    it('expand every template completely', () => {
      const cards = [
        renderSessionListCard([open, closed], now, t, calendar),
        renderSessionListCard([], now, t, calendar),
        renderSessionNotice(snapshotOf(open), t, { heading: 'H', body: 'B', color: 'Good' }, { calendarUrl: calendar('open'), showCalendar: true, showCancel: true, showMine: true }),
        renderMyRegistrationsCard([{ session: open, status: 'confirmed' }, { session: closed, status: 'waitlisted', position: 2 }], t, calendar),
        renderMyRegistrationsCard([], t, calendar),
        renderAnnounceFormCard({}, [], t),
        renderAnnounceFormCard({ track: 'volet-1' }, [{ code: 'day2-missing', field: 'day2' }], t),
        renderAnnouncementCard(snapshotOf(open), t, { calendarUrl: calendar('open') }),
        renderAnnouncementCard(snapshotOf(open), t, { preview: { draftId: 'open', form: { track: 'volet-2' } } }),
        renderRosterListCard([open, closed], t),
        renderRosterCard(open, [{ userId: 'u2', name: 'Bruno', at: now.toISOString() }], { total: 3, sent: 1, failed: 0, unreachable: 1, pending: 1 }, t),
        renderRosterCard(closed, [], undefined, t),
      ];
      cards.forEach(expectWellFormed);
    });

    it('render every outbox payload kind', () => {
      const data = { lang, session: snapshotOf(open), calendarUrl: calendar('open'), tally: { total: 4, sent: 2, failed: 0, unreachable: 1, pending: 1 }, final: false };
      for (const kind of Object.values(trainingPayloadKinds)) expectWellFormed(renderTrainingPayload({ kind, data }, t));
    });
  });
}

describe('trainings cards', () => {
  const fr = messagesFor('fr');

  it('offer "S\'inscrire" only while registration is open, and mark demo sessions as fictional', () => {
    const card = renderSessionListCard([open, closed], now, fr, calendar);
    expect(actionsOf(card.content).submits.filter((d) => d.verb === verbs.register).map((d) => d.sessionId)).toEqual(['open']);
    expect(JSON.stringify(card.content)).toContain('Inscriptions fermées');
    expect(JSON.stringify(card.content)).toContain('**Démonstration\u00a0:** session fictive');
  });

  it('show the day in Québec time, in French', () => {
    const json = JSON.stringify(renderSessionListCard([open], now, fr, calendar).content);
    expect(json).toMatch(/(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) \d+ \p{L}+ 2026, de 9 h à 16 h/u);
  });

  it('refuse an unknown payload kind with an error naming the module', () => {
    expect(() => renderTrainingPayload({ kind: 'other', data: {} }, fr)).toThrow(/^trainings: unknown payload kind "other"/);
  });
});
