/**
 * Renders the trainings payloads of the outbox into cards, for the Teams sender: the announcement,
 * the "you got a seat" notice, the reminder, and the broadcast report to the coordinator.
 */
import type { Payload } from '../../../core/delivery/delivery-types.js';
import type { Messages } from '../../../core/i18n/messages.js';
import { formatTraining, trainingMessagesFor } from '../../../core/i18n/trainings-messages.js';
import { trainingDataOf, trainingPayloadKinds } from '../../../core/trainings/training-payloads.js';
import type { CardAttachment } from '../../cards/render-card.js';
import { renderAnnouncementCard, renderSessionNotice } from './training-cards.js';

/** Thrown for a payload kind this feature does not own (the sender routes kinds to renderers). */
export class TrainingPayloadError extends Error {
  constructor(kind: string) {
    super(`trainings: unknown payload kind "${kind}"`);
    this.name = 'TrainingPayloadError';
  }
}

/** How many rendered cards are kept. Expanding a template costs ~30 ms of CPU, and a broadcast sends the same card thousands of times. */
const cacheSize = 64;
const cache = new Map<string, CardAttachment>();

/** The card of a trainings payload; identical payloads (one announcement to 5,000 people) are expanded once. */
export function renderTrainingPayload(payload: Payload, t: Messages): CardAttachment {
  const key = `${t.lang}|${payload.kind}|${JSON.stringify(payload.data)}`;
  let card = cache.get(key);
  if (!card) {
    card = expandPayload(payload, t);
    if (cache.size >= cacheSize) cache.delete(cache.keys().next().value ?? '');
    cache.set(key, card);
  }
  // A copy: whoever sends the card may add to it without changing the cached one.
  return structuredClone(card);
}

function expandPayload(payload: Payload, t: Messages): CardAttachment {
  const data = trainingDataOf(payload);
  const lang = t.lang === 'en' ? 'en' : 'fr';
  const tr = trainingMessagesFor(lang);
  const link = { calendarUrl: data.calendarUrl, showCalendar: true };
  switch (payload.kind) {
    case trainingPayloadKinds.announcement:
      return renderAnnouncementCard(data.session, t, { calendarUrl: data.calendarUrl });
    case trainingPayloadKinds.promoted:
      return renderSessionNotice(data.session, t, { heading: tr.promotedTitle, body: tr.promotedBody, color: 'Good' }, { ...link, showCancel: true, showMine: true });
    case trainingPayloadKinds.reminder:
      return renderSessionNotice(data.session, t, { heading: tr.reminderTitle, color: 'Accent' }, { ...link, showCancel: true });
    case trainingPayloadKinds.report: {
      const tally = data.tally ?? { total: 0, sent: 0, failed: 0, unreachable: 0, pending: 0 };
      const done = tally.sent + tally.failed + tally.unreachable;
      const heading = data.final ? tr.reportFinalTitle : formatTraining(lang, 'reportProgressTitle', { percent: tally.total ? Math.floor((done * 100) / tally.total) : 100 });
      return renderSessionNotice(data.session, t, { heading, body: formatTraining(lang, 'reportLine', { ...tally }), color: data.final ? 'Good' : 'Default' });
    }
    default:
      throw new TrainingPayloadError(payload.kind);
  }
}

/** Every payload kind this feature renders, for the sender's renderer map. */
export const trainingPayloadRenderers: ReadonlyArray<readonly [string, (payload: Payload, t: Messages) => CardAttachment]> = Object.values(
  trainingPayloadKinds,
).map((kind) => [kind, renderTrainingPayload] as const);
