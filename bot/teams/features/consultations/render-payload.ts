/**
 * Turns the outbox payloads of consultations into cards for the Teams sender: an alert becomes the
 * request card (with its banner), a channel notice the short notice card, an update the worker's message.
 */
import type { Payload } from '../../../core/delivery/delivery-types.js';
import type { Messages } from '../../../core/i18n/messages.js';
import { consultationPayloadKinds, type AlertPayloadData, type NoticePayloadData, type UpdatePayloadData } from '../../../core/consultations/payloads.js';
import type { CardAttachment } from '../../cards/render-card.js';
import type { PayloadRenderer } from '../../delivery/teams-sender.js';
import { renderRequestCard, renderRequestNotice } from './coordinator-cards.js';
import { renderConsultationUpdate } from './worker-cards.js';

/** Thrown for a payload kind that is not a consultation's (a wiring fault). */
export class ConsultationPayloadError extends Error {
  constructor(kind: string) {
    super(`consultation-cards: not a consultation payload: "${kind}"`);
    this.name = 'ConsultationPayloadError';
  }
}

/** The card of a consultation payload; `now` adds the request's age to alerts. Default: no age. */
export function renderConsultationPayload(payload: Payload, t: Messages, now?: Date): CardAttachment {
  if (payload.kind === consultationPayloadKinds.alert) {
    const data = payload.data as unknown as AlertPayloadData;
    return renderRequestCard(t, data.view, { reason: data.reason, ...(now ? { now } : {}) });
  }
  if (payload.kind === consultationPayloadKinds.notice) return renderRequestNotice(t, payload.data as unknown as NoticePayloadData);
  if (payload.kind === consultationPayloadKinds.update) return renderConsultationUpdate(t, payload.data as unknown as UpdatePayloadData);
  throw new ConsultationPayloadError(payload.kind);
}

/** Every consultation payload kind with its renderer, for the sender's map (the clock gives alerts their age). */
export function consultationRenderers(now: () => Date): Array<[string, PayloadRenderer]> {
  const render: PayloadRenderer = (payload, t) => renderConsultationPayload(payload, t, now());
  return Object.values(consultationPayloadKinds).map((kind) => [kind, render]);
}
