/**
 * The outbox payloads of consultations, as plain data: an alert to a coordinator, pivot or channel
 * (the request's view) and an update to the worker (claimed, assigned, closed). Each delivery id is
 * `<request>.<audit seq>.<recipient>`: one event reaches one recipient at most once.
 */
import type { Directory } from '../directory/directory.js';
import type { NewDelivery } from '../delivery/outbox.js';
import type { ConsultationEvent } from './lifecycle.js';
import type { ConsultationRequest } from './request.js';
import { viewOf, type RequestView } from './request-view.js';
import { toRecipient } from '../people/person.js';
import { recipientKey, type Route } from './routing.js';

/** Payload kinds the Teams side renders. */
export const consultationPayloadKinds = { alert: 'consultation-alert', update: 'consultation-update', notice: 'consultation-notice' } as const;

/** Why an alert is sent. */
export type AlertReason = 'new' | 'escalated' | 'assigned';

/** Data of a `consultation-alert`. */
export interface AlertPayloadData {
  readonly lang: 'fr' | 'en';
  /** The recipient the alert was meant for (the delivery's recipient changes when it falls back). */
  readonly intendedFor: string;
  readonly intendedName: string;
  readonly reason: AlertReason;
  readonly view: RequestView;
}

/**
 * Data of a `consultation-notice` to a channel (the Pivots channel): what lets a pivot decide to
 * look, never the description, the requester or their phone number.
 */
export interface NoticePayloadData {
  readonly lang: 'fr' | 'en';
  readonly intendedFor: string;
  readonly intendedName: string;
  readonly requestId: string;
  readonly organisationName: string;
  readonly category: RequestView['category'];
  readonly urgency: RequestView['urgency'];
  readonly urgent: boolean;
}

/** Data of a `consultation-update` to the worker. */
export interface UpdatePayloadData {
  readonly lang: 'fr' | 'en';
  readonly intendedFor: string;
  readonly intendedName: string;
  readonly requestId: string;
  readonly event: ConsultationEvent;
  readonly byName: string;
  readonly note: string;
  readonly at: string;
}

const nameOf = (r: Route['recipient']) => r.name ?? recipientKey(r);

/** The alerts of one event of `request` (its audit sequence number `seq`). */
export function alertDeliveries(request: ConsultationRequest, seq: number, routes: readonly Route[], reason: AlertReason, directory: Directory): NewDelivery[] {
  const view = viewOf(request, directory);
  return routes.map(({ recipient, fallback }) => {
    if (recipient.kind === 'conversation') {
      // A channel is read by many: a notice, and the details stay in the private chats of those who may handle it.
      const notice: NoticePayloadData = {
        lang: 'fr',
        intendedFor: recipientKey(recipient),
        intendedName: nameOf(recipient),
        requestId: request.id,
        organisationName: view.organisationName,
        category: view.category,
        urgency: view.urgency,
        urgent: view.urgent,
      };
      return { id: `${request.id}.${seq}.${recipientKey(recipient)}`, jobId: `${request.id}.${seq}`, recipient, payload: { kind: consultationPayloadKinds.notice, data: { ...notice } } };
    }
    // Coordinators read French unless the directory one day says otherwise.
    const data: AlertPayloadData = { lang: 'fr', intendedFor: recipientKey(recipient), intendedName: nameOf(recipient), reason, view };
    return {
      id: `${request.id}.${seq}.${recipientKey(recipient)}`,
      jobId: `${request.id}.${seq}`,
      recipient,
      payload: { kind: consultationPayloadKinds.alert, data: { ...data } },
      ...(fallback ? { fallback } : {}),
    };
  });
}

/** The message to the worker about `event` (claimed, assigned, closed). */
export function updateDelivery(request: ConsultationRequest, seq: number, event: ConsultationEvent): NewDelivery {
  const recipient = toRecipient(request.requester);
  const by = event === 'closed' ? request.closedBy : request.handler;
  const data: UpdatePayloadData = {
    lang: request.lang,
    intendedFor: recipientKey(recipient),
    intendedName: nameOf(recipient),
    requestId: request.id,
    event,
    byName: by?.name ?? by?.id ?? '',
    note: event === 'closed' ? (request.closingNote ?? '') : '',
    at: request.updatedAt,
  };
  return { id: `${request.id}.${seq}.${recipientKey(recipient)}`, jobId: `${request.id}.${seq}`, recipient, payload: { kind: consultationPayloadKinds.update, data: { ...data } } };
}
