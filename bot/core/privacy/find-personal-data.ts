/**
 * Finds what looks like a youth's identity in free text: person names (capitalised or not,
 * compounds, after cues), dates of birth, school groups, file, event and health-card numbers,
 * phone numbers, addresses, emails and social media handles. Used to warn a worker before a
 * consultation request is sent or a question is kept, and in the chat; what it finds is never
 * logged. Measured on a blind set: `npm run privacy:measure`.
 */
import { findNames } from './find-names.js';

/** Kinds of personal data Balise looks for. */
export type PersonalDataKind = 'name' | 'birth-date' | 'file-number' | 'health-card' | 'phone' | 'address' | 'email' | 'school-group' | 'handle';

/** One finding: its kind and the matched text (shown back to the worker only). */
export interface PersonalDataFinding {
  readonly kind: PersonalDataKind;
  readonly match: string;
}

const months =
  'janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|janv\\.?|févr?\\.?|fevr?\\.?|avr\\.?|juil\\.?|sept?\\.?|oct\\.?|nov\\.?|déc\\.?|dec\\.?|' +
  'january|february|march|april|may|june|july|august|september|october|november|december|jan\\.?|feb\\.?|mar\\.?|apr\\.?|jun\\.?|jul\\.?|aug\\.?';
/** Word edges that work with accented letters (`\\b` does not). */
const B = '(?<![\\p{L}\\d])';
const E = '(?![\\p{L}\\d])';
/** A birth year of a youth or young adult: 1990 to 2019. */
const birthYear = '(?:199\\d|20[01]\\d)';
const numericDate = '\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})|\\d{4}[/.-]\\d{1,2}[/.-]\\d{1,2}|\\d{8}';
const birthCue = "(?:ddn|dob|dn|date\\s+de\\s+naiss(?:ance|\\.)?|née?|born(?:\\s+on)?|naissance|sa\\s+fête\\s+c['’]est|birthday)";
/** After these cues any word is a name or a nickname, even typed in lower case ("elle s'appelle marie"). */
const strongCue = "(?:s'appelle|s’appelle|se nomme|se fait appeler|se fait surnommer|surnommée?|son surnom est|prénom\\s*:?|nom\\s*:|her name is|his name is|goes by)";
/** Words that may follow a cue without being a name ("il s'appelle comme son père"). */
const notNames = new Set(['comme', 'pas', 'plus', 'ainsi', 'aussi', 'peut-être', 'souvent', 'like', 'not']);
const platforms = '(?:snap(?:chat)?|insta(?:gram)?|tiktok|facebook|fb|discord|twitter|kik|telegram|whatsapp|onlyfans|compte|profil|pseudo|username)';

/** The name after a strong cue: the first word, and the second only when capitalised (the regex is case-insensitive). */
function nameAfterCue(match: string): string | undefined {
  const [first = '', second] = match.split(/\s+/);
  if (notNames.has(first.toLowerCase())) return undefined;
  return second && /^\p{Lu}/u.test(second) ? `${first} ${second}` : first;
}

/** A handle after a platform cue must look like one (a dot, an underscore, a digit or a #), not a plain word. */
const handleLike = (match: string) => (/[._\d#]/.test(match) && /\p{L}/u.test(match) ? match : undefined);

const re = (source: string, flags = 'giu') => new RegExp(source, flags);

/**
 * What a pattern cannot match without: an ASCII digit (`\d`, with or without the `u` flag) or an `@`.
 * A text without it skips the pattern (most questions have no digit): the findings are the same.
 */
type Needs = 'digit' | '@';

const patterns: ReadonlyArray<{ kind: PersonalDataKind; re: RegExp; needs?: Needs; clean?: (match: string) => string | undefined }> = [
  { kind: 'email', needs: '@', re: /[\w.+-]+@[\w-]+\.[\w.-]+/gu },
  { kind: 'health-card', needs: 'digit', re: /\b[A-Z]{4}\s?\d{4}\s?\d{4}\b/g },
  { kind: 'health-card', needs: 'digit', re: /\b[a-z]{4}\d{8}\b/gi },
  { kind: 'phone', needs: 'digit', re: /(?:\+?1[\s.-]?)?(?:\(\d{3}\)|\b\d{3})[\s.-]?\d{3}[\s.-]\d{4}\b/g },
  // Ten digits typed without separators, with a North American area code.
  { kind: 'phone', needs: 'digit', re: /\b(?:1[\s.-]?)?[2-9]\d{2}[2-9]\d{6}\b/g },
  // A date after a birth cue, in any form: « née le 14 mars 2010 », « DDN: 2008-11-02 », « ddn 12-04-09 ».
  { kind: 'birth-date', needs: 'digit', re: re(`${B}${birthCue}\\s*[:.]?\\s*(?:le\\s+|on\\s+|en\\s+)?(?:${numericDate}|\\d{1,2}(?:er)?\\s+(?:${months})(?:\\s+\\d{4})?|(?:${months})\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|${birthYear})${E}`) },
  // A full date whose year is a youth's birth year, without a cue: « 2010/01/30 », « le 28 avril 2011 ».
  { kind: 'birth-date', needs: 'digit', re: re(`${B}(?:\\d{1,2}[/.-]\\d{1,2}[/.-]${birthYear}|${birthYear}[/.-]\\d{1,2}[/.-]\\d{1,2}|${birthYear}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01]))${E}`) },
  { kind: 'birth-date', needs: 'digit', re: re(`${B}\\d{1,2}(?:er)?\\s+(?:${months})\\s+${birthYear}${E}`) },
  { kind: 'birth-date', needs: 'digit', re: re(`${B}(?:${months})\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+${birthYear}${E}`) },
  // A file, event or court number after its cue, a few words away: « dossier de cour 200-01-245678-231 ».
  {
    kind: 'file-number',
    needs: 'digit',
    re: re(`${B}(?:dossier|fiche|usager|usagère|file|case|n°|no\\.?|num(?:éro|ero)?\\.?|#|réf(?:érence)?\\.?|ref\\.?|événement|evenement|signalement)(?:\\s+[\\p{L}'’]+){0,4}?\\s*[:#]?\\s*#?((?:[a-z]{1,4}-?)?\\d[\\d-]{2,}\\d)${E}`),
    clean: (m) => ((m.match(/\d/g) ?? []).length >= 4 ? m : undefined),
  },
  { kind: 'file-number', needs: 'digit', re: /\b\d{7,}\b/g },
  { kind: 'address', needs: 'digit', re: re(`${B}\\d{1,5},?\\s+(?:\\d{1,3}(?:e|re|er|ième)\\s+)?(?:rue|avenue|av\\.|boulevard|boul\\.?|bd|chemin|ch\\.|route|rang|place|côte|cote|montée|street|st\\.|avenue|terrasse|croissant)\\s+[\\p{L}'’.-]+(?:\\s+(?:[\\p{Lu}][\\p{L}'’-]+|de|des|du|la|le))*`) },
  // A Canadian postal code (G1R 2B5) places a youth as precisely as an address.
  { kind: 'address', needs: 'digit', re: /\b[abceghj-nprstvxy]\d[abceghj-nprstv-z][ -]?\d[abceghj-nprstv-z]\d\b/gi },
  // « groupe 302 », « gr. 412 », « group 501 »: with an age, a school group points at one youth.
  { kind: 'school-group', needs: 'digit', re: re(`${B}(?:groupe|gr\\.?|group|classe|foyer)\\s*:?\\s*\\d{2,3}${E}`) },
  { kind: 'school-group', re: re(`${B}classe\\s+de\\s+(?:Mme|M\\.|Mlle|madame|monsieur)\\s+\\p{Lu}[\\p{L}'’-]+`, 'gu') },
  // Social media handles: « @lili_xo_418 », « insta : princesse.mya.qc », « Discord : xXmathisXx#4471 ».
  { kind: 'handle', needs: '@', re: /(?<![\w.@])@[\p{L}\d_.]{3,}/gu },
  {
    kind: 'handle',
    re: re(`${B}${platforms}(?:\\s+[\\p{L}'’]+){0,4}?\\s*[:=]?\\s*((?<![\\w@])(?=[\\p{L}\\d._]*\\p{L})(?=[\\p{L}\\d]+(?:[._\\d]|#\\d))[\\p{L}\\d]+(?:[._][\\p{L}\\d]+)*(?:#\\d{2,5})?)${E}`),
    clean: handleLike,
  },
  { kind: 'name', re: new RegExp(`${strongCue}\\s+(\\p{L}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+)?)`, 'giu'), clean: nameAfterCue },
  { kind: 'name', re: /(?:nommée?|named)\s+(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)/gu },
  { kind: 'name', re: /\b(?:Mme|M\.|Mlle)\s+(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)/gu },
];

/** Every finding in `text`, in order of appearance, without duplicates or findings inside another. */
export function findPersonalData(text: string): PersonalDataFinding[] {
  return findWith(text, { digit: /\d/.test(text), '@': text.includes('@') });
}

/**
 * {@link findPersonalData} with every pattern tried, whatever the text lacks: what the skipping must
 * not change (tests compare the two).
 */
export function findPersonalDataTryingEveryPattern(text: string): PersonalDataFinding[] {
  return findWith(text, { digit: true, '@': true });
}

function findWith(text: string, present: Readonly<Record<Needs, boolean>>): PersonalDataFinding[] {
  const found: Array<PersonalDataFinding & { index: number }> = [];
  for (const { kind, re, needs, clean } of patterns) {
    if (needs && !present[needs]) continue;
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
  for (const name of findNames(text)) {
    if (found.some((f) => f.match.includes(name.match) || (name.index < f.index + f.match.length && f.index < name.index + name.match.length))) continue;
    found.push({ kind: 'name', ...name });
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
