/**
 * The words of consultation cards: the turn's message table merged with the consultation one, and
 * the labels of urgencies, states, themes, personal-data kinds and form problems in that language.
 */
import { consultationMessagesFor, fillMessage, type ConsultationMessages } from '../../../core/i18n/consultations-messages.js';
import { messagesFor, type Messages } from '../../../core/i18n/messages.js';
import { securityMessagesFor } from '../../../core/i18n/security-messages.js';
import type { DraftProblem } from '../../../core/consultations/draft.js';
import type { RequestState, Urgency } from '../../../core/consultations/request.js';
import type { Category } from '../../../core/knowledge/types.js';
import type { PersonalDataKind } from '../../../core/privacy/find-personal-data.js';

/** Everything a consultation card may say. */
export type ConsultationText = Messages & ConsultationMessages;

/** The merged table of `t`'s language. */
export function consultationText(t: Messages): ConsultationText {
  const lang = t.lang === 'en' ? 'en' : 'fr';
  return { ...messagesFor(lang), ...consultationMessagesFor(lang) };
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "Aujourd'hui", "Danger immédiat (maintenant)"... */
export function urgencyLabel(urgency: Urgency, c: ConsultationText): string {
  return c[`consultUrgency${capitalised(urgency)}` as keyof ConsultationMessages];
}

/** The theme of a knowledge category. */
export function categoryLabel(category: Category, c: ConsultationText): string {
  return c[`consultCategory${capitalised(category)}` as keyof ConsultationMessages];
}

const findingKeys: Record<Exclude<PersonalDataKind, 'school-group' | 'handle'>, keyof ConsultationMessages> = {
  name: 'consultFoundName',
  'birth-date': 'consultFoundBirthDate',
  'file-number': 'consultFoundFileNumber',
  'health-card': 'consultFoundHealthCard',
  phone: 'consultFoundPhone',
  address: 'consultFoundAddress',
  email: 'consultFoundEmail',
};

/** What a personal-data finding is, for the worker. */
export function findingLabel(kind: PersonalDataKind, c: ConsultationText): string {
  const s = securityMessagesFor(c.lang === 'en' ? 'en' : 'fr');
  if (kind === 'school-group') return s.kindSchool;
  if (kind === 'handle') return s.kindHandle;
  return c[findingKeys[kind]];
}

const problemKeys: Record<DraftProblem, keyof ConsultationMessages> = {
  organisation: 'consultProblemOrganisation',
  category: 'consultProblemCategory',
  urgency: 'consultProblemUrgency',
  'description-empty': 'consultProblemDescriptionEmpty',
  'description-too-long': 'consultProblemDescriptionTooLong',
  contact: 'consultProblemContact',
  phone: 'consultProblemPhone',
};

/** The sentence that tells the worker what to fix. */
export function problemText(problem: DraftProblem, c: ConsultationText): string {
  return c[problemKeys[problem]];
}

/** "En attente", "Prise en charge par Isabelle Roy", "Close par..." */
export function stateText(state: RequestState, handlerName: string, closedByName: string, c: ConsultationText): string {
  if (state === 'claimed') return fillMessage(c.consultHandledBy, { name: handlerName });
  if (state === 'assigned') return fillMessage(c.consultAssignedTo, { name: handlerName });
  if (state === 'closed') return fillMessage(c.consultClosedBy, { name: closedByName });
  return c.consultStateOpen;
}

/** How long ago, roughly: "12 min", "2 h 05", "3 j 4 h". */
export function ageText(ms: number, c: ConsultationText): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return fillMessage(c.consultMinutes, { n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return fillMessage(c.consultHours, { h: hours, m: String(minutes % 60).padStart(2, '0') });
  return fillMessage(c.consultDays, { d: Math.floor(hours / 24), h: hours % 24 });
}

/** "Reçue le {{DATE(...)}} à {{TIME(...)}}" (Teams shows it in the reader's time zone), plus the age when known. */
export function receivedText(iso: string, c: ConsultationText, now?: Date): string {
  // Adaptive Cards' DATE/TIME functions want RFC 3339 without milliseconds.
  const at = iso.replace(/\.\d{3}Z$/, 'Z');
  const received = fillMessage(c.consultRequestReceived, { at });
  return now ? `${received} (${fillMessage(c.consultAgeLabel, { age: ageText(now.getTime() - Date.parse(iso), c) })})` : received;
}
