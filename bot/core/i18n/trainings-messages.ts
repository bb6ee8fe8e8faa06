/**
 * Every sentence of the trainings feature, in French (default) and English, as ICU MessageFormat.
 * Card templates read the plain ones as `${tr.key}`; those with values are formatted with
 * {@link formatTraining} (plural and select rules of the language, compiled once). The messages
 * themselves are in two files, by who reads them: `training-participant-messages.ts` (intervenants)
 * and `training-coordinator-messages.ts` (coordinators, with the form's problems).
 */
import type { DraftProblemCode } from '../trainings/session-draft.js';
import type { Language } from './detect-language.js';
import { defineCatalogue } from './message-format.js';
import { coordinatorEn, coordinatorFr, draftProblems } from './training-coordinator-messages.js';
import { participantEn, participantFr } from './training-participant-messages.js';

const fr = { ...participantFr, ...coordinatorFr };

/** The trainings message table. */
export type TrainingMessages = { readonly [K in keyof typeof fr]: string };

const en: TrainingMessages = { ...participantEn, ...coordinatorEn };

const catalogue = defineCatalogue<TrainingMessages>({ fr, en });
const problemCatalogue = defineCatalogue<Record<DraftProblemCode, string>>(draftProblems);

/** The trainings message table of a language. */
export const trainingMessagesFor = catalogue.table;
/** Formats the trainings message `key` of a language with its values. */
export const formatTraining = catalogue.format;

/** The sentence explaining a form problem. */
export function draftProblemText(code: DraftProblemCode, language: Language): string {
  return problemCatalogue.table(language)[code];
}
