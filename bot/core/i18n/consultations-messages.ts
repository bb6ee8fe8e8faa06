/**
 * What Balise says about consultation requests, in French (default) and English, as ICU
 * MessageFormat. Card templates read the plain ones as `${t.key}` (merged over the main table);
 * those with values are formatted by {@link formatConsultation} in the render functions. The
 * messages are in three files, by who reads them: `consultation-request-messages.ts` (the worker),
 * `consultation-handling-messages.ts` (coordinators and pivots), `consultation-label-messages.ts` (both).
 */
import { handlingEn, handlingFr } from './consultation-handling-messages.js';
import { labelEn, labelFr } from './consultation-label-messages.js';
import { requestEn, requestFr } from './consultation-request-messages.js';
import { defineCatalogue } from './message-format.js';

const fr = { ...requestFr, ...handlingFr, ...labelFr };

/** The consultation message table. */
export type ConsultationMessages = { readonly [K in keyof typeof fr]: string };

const en: ConsultationMessages = { ...requestEn, ...handlingEn, ...labelEn };

const catalogue = defineCatalogue<ConsultationMessages>({ fr, en });

/** The consultation message table of a language. */
export const consultationMessagesFor = catalogue.table;
/** Formats the consultation message `key` of a language with its values. */
export const formatConsultation = catalogue.format;
