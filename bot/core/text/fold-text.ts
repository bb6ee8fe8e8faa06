/**
 * Text folding, the one place it is written: the search, the danger screen, the scope check, the
 * resource matching, the duplicate-question check, the name finder and file names all compare text
 * through these functions.
 */

/** Typographic apostrophes and the accents people type for one. */
const apostrophes = /[’‘`´]/g;

/** Writes every apostrophe as the straight one: « l’emprise » → « l'emprise ». */
export function straightenApostrophes(text: string): string {
  return text.replace(apostrophes, "'");
}

/** Lower-cases and removes accents and ligatures: « Élève Œuvre » → « eleve oeuvre ». */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  // Most words are plain ASCII once lower-cased: nothing to fold, and no regex or NFD pass to pay.
  if (!nonAscii.test(lower)) return lower;
  return lower.replace(/œ/g, 'oe').replace(/æ/g, 'ae').normalize('NFD').replace(/\p{M}/gu, '');
}

const nonAscii = /[^ -~\t\n\r]/;

/** Folds a message and unifies its apostrophes and spaces: the form the pattern lists are written in. */
export function foldMessage(text: string): string {
  return straightenApostrophes(foldText(text)).replace(/\s+/g, ' ').trim();
}

/** Folds a text to its ASCII letters and digits, every other run written as `separator`: « Volet 1 – Repérer » → « volet-1-reperer ». */
export function foldToAscii(text: string, separator: string): string {
  return foldText(text).replace(/[^a-z0-9]+/g, separator);
}
