/** Typed render functions of the worker's consultation cards: form, check, receipt, update, "Mes demandes". */
import type { Messages } from '../../../core/i18n/messages.js';
import type { DraftProblem } from '../../../core/consultations/draft.js';
import type { UpdatePayloadData } from '../../../core/consultations/payloads.js';
import { contactMethods, urgencies, type ContactMethod, type ConsultationRequest } from '../../../core/consultations/request.js';
import type { RequestView } from '../../../core/consultations/request-view.js';
import { categories } from '../../../core/knowledge/types.js';
import { maskPersonalData, type PersonalDataFinding } from '../../../core/privacy/find-personal-data.js';
import { securityMessagesFor } from '../../../core/i18n/security-messages.js';
import { renderCard, type CardAttachment } from '../../cards/render-card.js';
import { categoryLabel, consultationText, findingLabel, format, problemText, receivedText, stateText, urgencyLabel, type ConsultationText } from './consultation-text.js';

/** The form's fields as strings (what a card input holds); missing ones are empty. */
export interface FormValues {
  readonly organisationId: string;
  readonly category: string;
  readonly urgency: string;
  readonly description: string;
  readonly contactMethod: string;
  readonly phone: string;
}

/** Reads the form fields of a card submit (anything not a string becomes empty). */
export function formValuesOf(data: Readonly<Record<string, unknown>>): FormValues {
  const s = (v: unknown) => (typeof v === 'string' ? v : '');
  return { organisationId: s(data.organisationId), category: s(data.category), urgency: s(data.urgency), description: s(data.description), contactMethod: s(data.contactMethod), phone: s(data.phone) };
}

/** How the worker wants to be reached, as the cards say it ("Téléphone 418 555-0100"). */
export function contactLabel(method: ContactMethod, phone: string, c: ConsultationText): string {
  return method === 'phone' ? `${c.consultContactPhone} ${phone}` : c.consultContactTeams;
}

/** The form: organisation, theme, urgency, description, how to be reached; with problems to fix, if any. */
export function renderConsultationForm(
  t: Messages,
  form: { organisations: ReadonlyArray<{ id: string; name: string }>; values: FormValues; reference: string; problems?: readonly DraftProblem[] },
): CardAttachment {
  const c = consultationText(t);
  return renderCard('consultation-form', c, {
    organisations: form.organisations.map((o) => ({ value: o.id, title: o.name })),
    categories: categories.map((k) => ({ value: k, title: categoryLabel(k, c) })),
    urgencies: urgencies.map((u) => ({ value: u, title: urgencyLabel(u, c) })),
    contacts: contactMethods.map((m) => ({ value: m, title: m === 'phone' ? c.consultContactPhone : c.consultContactTeams })),
    values: form.values,
    reference: form.reference,
    problems: (form.problems ?? []).map((p) => ({ text: problemText(p, c) })),
  });
}

/** What was found in the description, the description to edit, and the choices: check again, hide and send, send as is. */
export function renderConsultationCheck(
  t: Messages,
  check: { values: FormValues; reference: string; findings: readonly PersonalDataFinding[]; fingerprint: string; emergencyShown: boolean },
): CardAttachment {
  const c = consultationText(t);
  return renderCard('consultation-check', c, {
    s: securityMessagesFor(c.lang === 'en' ? 'en' : 'fr'),
    // Exactly what « Masquer ces éléments et envoyer » sends: the same masking, on the same text.
    maskedPreview: maskPersonalData(check.values.description),
    findings: check.findings.map((f) => ({ line: format(c, c.consultFoundLine, { label: findingLabel(f.kind, c), match: f.match }) })),
    draft: { ...check.values, reference: check.reference },
    fingerprint: check.fingerprint,
    emergencyShown: check.emergencyShown,
  });
}

/** The receipt with the reference number, naming the organisation with its article. */
export function renderConsultationReceipt(t: Messages, request: ConsultationRequest, organisation: { name: string; article?: string }, duplicate: boolean): CardAttachment {
  const c = consultationText(t);
  return renderCard('consultation-receipt', c, {
    id: request.id,
    title: format(c, c.consultReceiptTitle, { ref: request.id }),
    // The organisation carries its article: « transmise au CIUSSS… », « à la DPJ… ».
    body: format(c, c.consultReceiptBody, { organisation: organisation.name, article: organisation.article ?? 'other' }),
    duplicate,
    urgent: request.urgent,
    categoryLabel: categoryLabel(request.category, c),
    urgencyLabel: urgencyLabel(request.urgency, c),
    contactLabel: contactLabel(request.contact.method, request.contact.phone ?? '', c),
  });
}

const updateKeys = { claimed: 'consultUpdateClaimed', assigned: 'consultUpdateAssigned', closed: 'consultUpdateClosed' } as const;

/** The message to the worker: claimed by, assigned to, closed by (with the closing note). */
export function renderConsultationUpdate(t: Messages, update: UpdatePayloadData): CardAttachment {
  const c = consultationText(t);
  return renderCard('consultation-update', c, {
    text: format(c, c[updateKeys[update.event]], { ref: update.requestId, name: update.byName }),
    note: update.note,
  });
}

/** "Mes demandes": the worker's requests and their state. */
export function renderMyRequests(t: Messages, views: readonly RequestView[]): CardAttachment {
  const c = consultationText(t);
  return renderCard('consultation-mine', c, {
    requests: views.map((v) => ({
      id: v.id,
      categoryLabel: categoryLabel(v.category, c),
      organisationName: v.organisationName,
      stateText: stateText(v.state, v.handlerName, v.closedByName, c),
      received: receivedText(v.createdAt, c),
    })),
  });
}
