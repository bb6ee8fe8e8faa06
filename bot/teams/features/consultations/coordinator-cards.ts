/** Typed render functions of the coordinators' consultation cards: the request (with its actions) and "Demandes ouvertes". */
import type { Messages } from '../../../core/i18n/messages.js';
import type { AlertReason, NoticePayloadData } from '../../../core/consultations/payloads.js';
import { formatSecurity, securityMessagesFor } from '../../../core/i18n/security-messages.js';
import type { RequestView } from '../../../core/consultations/request-view.js';
import { renderCard, type CardAttachment } from '../../cards/render-card.js';
import { ageText, categoryLabel, consultationText, format, receivedText, stateText, urgencyLabel } from './consultation-text.js';
import { contactLabel } from './worker-cards.js';

/** Extras of a request card. */
export interface RequestCardOptions {
  /** The time now, to show the request's age. Default: no age (absolute time only). */
  readonly now?: Date;
  /** Why this person gets the card: a banner for escalations and assignments. Default: none. */
  readonly reason?: AlertReason;
  /** A line above the facts, e.g. "Julie Bouchard s'en occupe déjà". Default: none. */
  readonly notice?: string;
}

/**
 * The request as coordinators and pivots see it, with "Je m'en occupe", "Assigner à..." and "Clore"
 * (Action.Execute) while it is not closed; it refreshes itself for everyone who may act on it.
 */
export function renderRequestCard(t: Messages, view: RequestView, options: RequestCardOptions = {}): CardAttachment {
  const c = consultationText(t);
  const banner = options.reason === 'escalated' || (view.escalated && view.state === 'open') ? c.consultEscalatedBanner : options.reason === 'assigned' ? c.consultAssignedBanner : '';
  return renderCard('consultation-request', c, {
    ...view,
    title: format(c, c.consultRequestTitle, { ref: view.id }),
    urgencyLabel: urgencyLabel(view.urgency, c),
    categoryLabel: categoryLabel(view.category, c),
    stateText: stateText(view.state, view.handlerName, view.closedByName, c),
    contactLabel: contactLabel(view.contactMethod, view.phone, c),
    received: receivedText(view.createdAt, c, options.now),
    closingNote: view.closingNote ? `${c.consultUpdateNote} ${view.closingNote}` : '',
    banner,
    notice: options.notice ?? '',
    unreachable: view.unreachable.map((u) => ({
      text: u.deliveredTo ? format(c, c.consultUnreachable, { name: u.recipient, fallback: u.deliveredTo }) : format(c, c.consultUndelivered, { name: u.recipient }),
    })),
  });
}

/** "Demandes ouvertes": each request with its urgency, age and state, and a button to open it. */
export function renderOpenRequests(t: Messages, views: readonly RequestView[], now: Date): CardAttachment {
  const c = consultationText(t);
  return renderCard('consultation-open', c, {
    requests: views.map((v) => ({
      id: v.id,
      urgent: v.urgent,
      urgencyLabel: v.urgent ? `${c.consultUrgentBadge} · ${urgencyLabel(v.urgency, c)}` : urgencyLabel(v.urgency, c),
      age: ageText(now.getTime() - Date.parse(v.createdAt), c),
      organisationName: v.organisationName,
      categoryLabel: categoryLabel(v.category, c),
      stateText: stateText(v.state, v.handlerName, v.closedByName, c),
    })),
  });
}

/** The Pivots channel's notice: organisation, theme, urgency, reference and a button; no description, no requester. */
export function renderRequestNotice(t: Messages, notice: NoticePayloadData): CardAttachment {
  const c = consultationText(t);
  const lang = t.lang === 'en' ? 'en' : 'fr';
  const s = securityMessagesFor(lang);
  return renderCard('consultation-notice', c, {
    s,
    title: formatSecurity(lang, 'noticeTitle', { ref: notice.requestId }),
    requestId: notice.requestId,
    organisationName: notice.organisationName,
    categoryLabel: categoryLabel(notice.category, c),
    urgencyLabel: notice.urgent ? `${c.consultUrgentBadge} · ${urgencyLabel(notice.urgency, c)}` : urgencyLabel(notice.urgency, c),
    urgent: notice.urgent,
  });
}
