/**
 * The words of consultation cards: the turn's message table merged with the consultation one, and
 * the labels of urgencies, states, themes, personal-data kinds and form problems in that language.
 */
import { consultationMessagesFor, type ConsultationMessages } from '../../../core/i18n/consultations-messages.js';
import { formatMessage } from '../../../core/i18n/message-format.js';
import { formatDay, formatTime } from '../../../core/trainings/local-time.js';
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
  if (state === 'claimed') return format(c, c.consultHandledBy, { name: handlerName });
  if (state === 'assigned') return format(c, c.consultAssignedTo, { name: handlerName });
  if (state === 'closed') return format(c, c.consultClosedBy, { name: closedByName });
  return c.consultStateOpen;
}

/** How long ago, roughly: "à l’instant", "il y a 12 min", "il y a 2 h 05", "il y a 3 j 4 h". */
export function ageText(ms: number, c: ConsultationText): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 1) return format(c, c.consultAge, { unit: 'now' });
  if (minutes < 60) return format(c, c.consultAge, { unit: 'minutes', n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return format(c, c.consultAge, { unit: 'hours', h: hours, m: String(minutes % 60).padStart(2, '0') });
  return format(c, c.consultAge, { unit: 'days', d: Math.floor(hours / 24), h: hours % 24 });
}

/**
 * "Reçue le samedi 28 novembre 2026 à 10 h 00", in the Table's time zone (America/Toronto) and the
 * card's language, plus the age when known. Formatted here rather than with the card's DATE/TIME
 * functions, which Teams renders in the client's locale (an English date inside a French card).
 */
export function receivedText(iso: string, c: ConsultationText, now?: Date): string {
  const lang = languageOf(c);
  const received = format(c, c.consultRequestReceived, { date: formatDay(iso, lang), time: formatTime(iso, lang) });
  return now ? `${received} (${ageText(now.getTime() - Date.parse(iso), c)})` : received;
}

/** Formats a message of `c` in its language. */
export function format(c: ConsultationText, source: string, values: Readonly<Record<string, string | number>>): string {
  return formatMessage(languageOf(c), source, values);
}

function languageOf(c: ConsultationText): 'fr' | 'en' {
  return c.lang === 'en' ? 'en' : 'fr';
}
