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
const name = "\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+)?";
/** After these cues any word is a name or a nickname, even typed in lower case ("elle s'appelle marie"). */
const strongCue = "(?:s'appelle|s’appelle|se nomme|se fait appeler|se fait surnommer|surnommée?|son surnom est|prénom\\s*:?|nom\\s*:|her name is|his name is|goes by)";
/** Words that may follow a cue without being a name ("il s'appelle comme son père"). */
const notNames = new Set(['comme', 'pas', 'plus', 'ainsi', 'aussi', 'peut-être', 'souvent', 'like', 'not']);

/** The name after a strong cue: the first word, and the second only when capitalised (the regex is case-insensitive). */
function nameAfterCue(match: string): string | undefined {
  const [first = '', second] = match.split(/\s+/);
  if (notNames.has(first.toLowerCase())) return undefined;
  return second && /^\p{Lu}/u.test(second) ? `${first} ${second}` : first;
}

const patterns: ReadonlyArray<{ kind: PersonalDataKind; re: RegExp; clean?: (match: string) => string | undefined }> = [
  { kind: 'email', re: /[\w.+-]+@[\w-]+\.[\w.-]+/gu },
  { kind: 'health-card', re: /\b[A-Z]{4}\s?\d{4}\s?\d{4}\b/g },
  { kind: 'health-card', re: /\b[a-z]{4}\d{8}\b/gi },
  { kind: 'phone', re: /(?:\+?1[\s.-]?)?\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b/g },
  // Ten digits typed without separators, with a North American area code.
  { kind: 'phone', re: /\b(?:1[\s.-]?)?[2-9]\d{2}[2-9]\d{6}\b/g },
  { kind: 'birth-date', re: new RegExp(`\\b(?:né|née|born)\\s+(?:le\\s+|on\\s+)?\\d{1,2}(?:er)?\\s+(?:${months})(?:\\s+\\d{4})?`, 'giu') },
  { kind: 'birth-date', re: /\b\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)?\d{2}\b|\b(?:19|20)\d{2}[/.-]\d{1,2}[/.-]\d{1,2}\b/g },
  { kind: 'birth-date', re: new RegExp(`\\b\\d{1,2}(?:er)?\\s+(?:${months})\\s+(?:19|20)\\d{2}\\b`, 'giu') },
  { kind: 'file-number', re: /(?:\b(?:dossier|usager|file|n°|no\.?|#)\s*:?\s*)(?:[a-z]{1,3}-?)?\d[\d-]{4,}\b/giu },
  { kind: 'file-number', re: /\b\d{7,}\b/g },
  { kind: 'address', re: /\b\d{1,5},?\s+(?:rue|avenue|av\.|boulevard|boul\.?|chemin|ch\.|route|rang|place|côte|cote)\s+[\p{L}'-]+/giu },
  // A Canadian postal code (G1R 2B5) places a youth as precisely as an address.
  { kind: 'address', re: /\b[abceghj-nprstvxy]\d[abceghj-nprstv-z][ -]?\d[abceghj-nprstv-z]\d\b/gi },
  { kind: 'name', re: new RegExp(`${strongCue}\\s+(\\p{L}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+)?)`, 'giu'), clean: nameAfterCue },
  { kind: 'name', re: new RegExp(`(?:nommée?|named)\\s+(${name})`, 'gu') },
  { kind: 'name', re: new RegExp(`\\b(?:Mme|M\\.|Mlle)\\s+(${name})`, 'gu') },
];

/** Every finding in `text`, in order of appearance, without duplicates or findings inside another. */
export function findPersonalData(text: string): PersonalDataFinding[] {
  const found: Array<PersonalDataFinding & { index: number }> = [];
  for (const { kind, re, clean } of patterns) {
    for (const m of text.matchAll(re)) {
      const raw = (m[1] ?? m[0]).trim();
      const match = clean ? clean(raw) : raw;
      if (!match) continue;
      const index = (m.index ?? 0) + (m[1] ? m[0].indexOf(m[1]) : 0);
      // Already covered: the same text, or a part of a longer finding (a phone number is not also a file number).
      if (found.some((f) => f.match.includes(match) && (f.kind === kind || f.kind === 'phone'))) continue;
      found.push({ kind, match, index });
    }
  }
  return found.sort((a, b) => a.index - b.index).map(({ kind, match }) => ({ kind, match }));
}

/** The text with every finding replaced by `[…]`, for a worker who chooses to hide them. */
export function maskPersonalData(text: string): string {
  let masked = text;
  // Longest first, so a name inside a longer finding does not leave half of it.
  for (const f of findPersonalData(text).sort((a, b) => b.match.length - a.match.length)) masked = masked.split(f.match).join('[…]');
  return masked;
}

/** True when the text seems free of personal data. */
export function looksAnonymous(text: string): boolean {
  return findPersonalData(text).length === 0;
}
