/** Text folding shared by the search, the danger screen and the scope check. */

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
  return foldText(text).replace(/[’‘`´]/g, "'").replace(/\s+/g, ' ').trim();
}
