/**
 * Finds what looks like a youth's identity in free text: a name after "s'appelle", a date of birth,
 * a file or health-card number, a phone number, an address, an email. Used to warn a worker before
 * a consultation request or a feedback text is kept; what it finds is never logged.
 */

/** Kinds of personal data Balise looks for. */
export type PersonalDataKind = 'name' | 'birth-date' | 'file-number' | 'health-card' | 'phone' | 'address' | 'email';

/** One finding: its kind and the matched text (shown back to the worker only). */
export interface PersonalDataFinding {
  readonly kind: PersonalDataKind;
  readonly match: string;
}

const months = 'janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|january|february|march|april|may|june|july|august|september|october|november|december';
const name = "\\p{Lu}[\\p{L}'-]+(?:\\s+\\p{Lu}[\\p{L}'-]+)?";

const patterns: ReadonlyArray<{ kind: PersonalDataKind; re: RegExp }> = [
  { kind: 'email', re: /[\w.+-]+@[\w-]+\.[\w.-]+/gu },
  { kind: 'health-card', re: /\b[A-Z]{4}\s?\d{4}\s?\d{4}\b/g },
  { kind: 'phone', re: /(?:\+?1[\s.-]?)?\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b/g },
  { kind: 'birth-date', re: /\b\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)?\d{2}\b|\b(?:19|20)\d{2}-\d{2}-\d{2}\b/g },
  { kind: 'birth-date', re: new RegExp(`\\b(?:né|née|born)\\s+(?:le\\s+|on\\s+)?\\d{1,2}(?:er)?\\s+(?:${months})(?:\\s+\\d{4})?`, 'giu') },
  { kind: 'birth-date', re: new RegExp(`\\b\\d{1,2}(?:er)?\\s+(?:${months})\\s+(?:19|20)\\d{2}\\b`, 'giu') },
  { kind: 'file-number', re: /(?:\b(?:dossier|usager|file|n°|no\.?|#)\s*:?\s*)\d[\d-]{4,}\b/giu },
  { kind: 'file-number', re: /\b\d{7,}\b/g },
  { kind: 'address', re: /\b\d{1,5},?\s+(?:rue|avenue|av\.|boulevard|boul\.?|chemin|ch\.|route|rang|place|côte|cote)\s+[\p{L}'-]+/giu },
  { kind: 'name', re: new RegExp(`(?:s'appelle|s’appelle|se nomme|nommée?|prénom\\s*:?|nom\\s*:|named|her name is|his name is)\\s+(${name})`, 'gu') },
  { kind: 'name', re: new RegExp(`\\b(?:Mme|M\\.|Mlle)\\s+(${name})`, 'gu') },
];

/** Every finding in `text`, in order of appearance, without duplicates. */
export function findPersonalData(text: string): PersonalDataFinding[] {
  const found: Array<PersonalDataFinding & { index: number }> = [];
  const seen = new Set<string>();
  for (const { kind, re } of patterns) {
    for (const m of text.matchAll(re)) {
      const match = (m[1] ?? m[0]).trim();
      const key = `${kind}:${match}`;
      if (seen.has(key)) continue;
      // A phone number is not also a file number or a date.
      if (kind !== 'phone' && found.some((f) => f.kind === 'phone' && f.match.includes(match))) continue;
      seen.add(key);
      found.push({ kind, match, index: m.index ?? 0 });
    }
  }
  return found.sort((a, b) => a.index - b.index).map(({ kind, match }) => ({ kind, match }));
}

/** True when the text seems free of personal data. */
export function looksAnonymous(text: string): boolean {
  return findPersonalData(text).length === 0;
}
