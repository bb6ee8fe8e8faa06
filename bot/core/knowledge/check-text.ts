/**
 * Checks on what an entry *says*, the mistakes a content review found once and a machine can find
 * again: button labels that Teams would cut, « tu » in a product that says « vous », a report put
 * off (« voir s'il faut signaler »), a screenshot advised without « never the image », suicide
 * named without the line, answers too long to read in the moment.
 */
import type { ContentProblem, GuideEntry } from './types.js';

/**
 * Longest button label. Teams cut « Suis-je obligé de signaler au DPJ? (LPJ, art. 38 et 3 » at
 * about 52 characters on desktop; a phone shows less, and English runs longer than French:
 * 40 characters keeps a label whole on both.
 */
export const maxLabelChars = 40;

/**
 * Longest answer, in words (warning). About 150 words is one screen of a Teams card on a laptop and
 * under a minute of reading: what a worker reads in the moment. Statistics belong elsewhere.
 */
export const maxAnswerWords = 150;
/** More bullets than this reads as a checklist nobody finishes (warning). */
export const maxAnswerBullets = 7;

/** The suicide line as the fact sheet gives it; an answer that names suicide must carry it. */
const suicideLine = '1 866 APPELLE';

/** Words of the answer, without Markdown marks. */
export function countWords(text: string): number {
  return text.replace(/[*_`#>]/g, ' ').split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** The text without quoted speech (« ... » and "..."): what is said *to a youth* may say « tu ». */
function withoutQuotes(text: string): string {
  return text.replace(/«[^»]*»/g, ' ').replace(/"[^"]*"/g, ' ').replace(/“[^”]*”/g, ' ');
}

/** Pronouns and possessives of « tu », and verb-pronoun imperatives (« parles-en », « aborde-la »). */
// « le ton » (the tone) is a noun, not the possessive.
const tuWords = /(?<![\p{L}'’-])(?:tu|te|t['’](?=\p{L})|toi|(?<!\ble )ton|ta|tes)(?![\p{L}'’-])/giu;
const tuImperative = /(?<![\p{L}-])(\p{L}+)-(?:la|le|les|lui|en|y|moi|toi)(?![\p{L}-])/giu;
/** Vous-imperatives that do not end in -ez, and words where a hyphen is not an imperative. */
const notTuImperative = /(?:ez|ons|dites|faites|peut|peuvent|est|sont|a|ont|va-t|y|c|celle|celui|ceux|elle|lui|eux|soi|vous|nous|eux)$/iu;
/** Second-person imperatives that open a sentence or a bullet in this guide (« Signale », « Vois »). */
const tuImperativeStart = /(?:^|[.!?:]\s+|^- |\*\*)(Sois|Fais|Vois|Dis|Prends|Mets|Écris|Tape|Clique|Remplis|Avise|Signale|Appelle|Reste|Consulte|Garde|Pense|Choisis|Pars|Respecte|Reviens|Valorise|Intéresse|Recadre|Forme|Accueille|Vérifie|Travaille|Donne|Explique|Commence|Prépare|Révise|Transmets|Retiens)(?=\s|\b)/gmu;

/** « tu » forms in French text outside quotes: [match, ...]. */
export function findTuForms(text: string): string[] {
  const plain = withoutQuotes(text);
  const found = [...plain.matchAll(tuWords)].map((m) => m[0]);
  for (const m of plain.matchAll(tuImperative)) if (!notTuImperative.test(m[1] ?? '')) found.push(m[0]);
  for (const m of plain.matchAll(tuImperativeStart)) found.push(m[1] ?? m[0]);
  return found;
}

/** Phrases that put off a report the law says must not wait (« voir s'il faut signaler »). */
const hedges = [
  /s['’]il (?:faut|y a lieu de|est nécessaire de) (?:le |la |les )?signaler/iu,
  /si (?:vous devez|tu dois|on doit) (?:le |la |les )?signaler/iu,
  /(?:voir|vois|voyez|vérifier|vérifiez) (?:avec [^.;]{1,40} )?s['’]il faut/iu,
  /whether (?:to|you (?:must|should|need to)) report/iu,
];

/** The first hedge found in `text`, if any. */
export function findReportHedge(text: string): string | undefined {
  for (const h of hedges) {
    const m = h.exec(text);
    if (m) return m[0];
  }
  return undefined;
}

/** True when `text` advises a screenshot without saying never to capture the image itself. */
export function screenshotWithoutImageWarning(text: string): boolean {
  const advises = /captures? d['’]écran|captures? des? |screenshots?/iu.test(text);
  const warns = /jamais (?:l['’]image|les images|d['’]image)|never (?:the image|capture the image|an image)/iu.test(text);
  return advises && !warns;
}

/** True when `text` names suicide but not the suicide line. */
export function suicideWithoutLine(text: string): boolean {
  return /suicid/iu.test(text) && !text.includes(suicideLine);
}

/** Returns the text problems of every entry. */
export function checkEntryTexts(entries: readonly GuideEntry[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const e of entries) {
    const at = { file: e.origin.file, line: e.origin.line };
    const push = (code: ContentProblem['code'], severity: ContentProblem['severity'], message: string) => problems.push({ code, severity, ...at, message: `${e.id} : ${message}` });

    for (const [label, title, lang] of [[e.label, e.title, 'fr'], [e.en?.label, e.en?.title, 'en']] as const) {
      if (title === undefined) continue;
      if (label !== undefined && label.length > maxLabelChars) push('label-too-long', 'error', `label ${lang} de ${label.length} caractères (max. ${maxLabelChars}) : « ${label} »`);
      if (label === undefined && title.length > maxLabelChars) push('missing-label', 'warning', `titre ${lang} de ${title.length} caractères sans label court : les boutons le raccourciront`);
    }

    const tu = findTuForms(e.answer);
    if (tu.length > 0) push('register-tu', 'warning', `la réponse tutoie (${[...new Set(tu)].slice(0, 4).map((w) => `« ${w} »`).join(', ')}) ; Balise vouvoie`);

    for (const [text, lang] of [[e.answer, 'fr'], [e.en?.answer, 'en']] as const) {
      if (text === undefined) continue;
      const hedge = findReportHedge(text);
      if (hedge) push('report-hedge', 'error', `réponse ${lang} : « ${hedge} » retarde le signalement ; écrire : motifs raisonnables → signaler sans délai, dans le doute appeler le DPJ (24/7)`);
      if (screenshotWithoutImageWarning(text)) push('screenshot-image', 'error', `réponse ${lang} : une capture d'écran sans « jamais l'image » (une capture d'une image sexuelle de mineur en est une copie)`);
      const missing = [
        ...(suicideWithoutLine(text) ? [`la ligne ${suicideLine} (1 866 277-3553, texto 535353, suicide.ca) dans le texte`] : []),
        ...(lang === 'fr' && /suicid/iu.test(text) && !e.resources.includes('prevention-suicide') ? ['la ressource prevention-suicide'] : []),
      ];
      if (missing.length > 0) push('suicide-line', 'error', `réponse ${lang} : parle de suicide sans ${missing.join(' ni ')}`);
      const words = countWords(text);
      const bullets = text.split('\n').filter((l) => l.trim().startsWith('- ')).length;
      if (words > maxAnswerWords) push('answer-too-long', 'warning', `réponse ${lang} de ${words} mots (max. conseillé ${maxAnswerWords})`);
      else if (bullets > maxAnswerBullets) push('answer-too-long', 'warning', `réponse ${lang} de ${bullets} puces (max. conseillé ${maxAnswerBullets})`);
    }
  }
  return problems;
}
