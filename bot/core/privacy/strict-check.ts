/**
 * The stricter check for text Balise would keep without a person looking at it (the question of a
 * « Pas utile » feedback): besides everything {@link findPersonalData} finds, any age, any day and
 * month, any number of three digits or more, and any capitalised word past the first (a name the
 * lists do not know) makes the text unsafe to keep. Acronyms (DPJ, SPVQ) are allowed.
 */
import { findPersonalData } from './find-personal-data.js';

const months = 'janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|january|february|march|april|may|june|july|august|september|october|november|december';
const risky: readonly RegExp[] = [
  /\d{1,2}\s*(?:ans|an|yo|y\/o|years?)(?![\p{L}])/iu,
  new RegExp(`\\d{1,2}(?:er)?\\s+(?:${months})`, 'iu'),
  /\d{3,}/u,
  /\d{1,2}[/.-]\d{1,2}/u,
];

/** Why a text may not be kept, or undefined when it may. */
export function riskInStoredText(text: string): 'personal-data' | 'age-or-date' | 'number' | 'capitalised-word' | undefined {
  if (findPersonalData(text).length > 0) return 'personal-data';
  if (risky.slice(0, 2).some((r) => r.test(text)) || (risky[3]?.test(text) ?? false)) return 'age-or-date';
  if (risky[2]?.test(text)) return 'number';
  // Past the first word, a capitalised word that is not an acronym may be a name no list knows.
  const words = text.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  if (words.slice(1).some((w) => /^\p{Lu}/u.test(w) && !/^\p{Lu}+$/u.test(w) && !/^\p{Lu}['’]/u.test(w))) return 'capitalised-word';
  return undefined;
}

/** True when a text may be kept as is. */
export function safeToStore(text: string): boolean {
  return riskInStoredText(text) === undefined;
}
