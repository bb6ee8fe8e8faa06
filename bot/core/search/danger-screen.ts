/**
 * Danger screen, run before any search. Recall first: missing a child in danger is the worst
 * error Balise can make, a false alarm costs a glance. Three tiers:
 * - `emergency`: harm in progress or imminent, or a life at risk: the emergency card comes first;
 * - `band`: danger words that are not clearly current (past, training, law, « what if »): the
 *   reply carries a short safety band (911, DPJ, suicide line) above whatever else it shows;
 * - `none`: no danger word.
 * Steps, on folded text: SMS spellings expanded, typos of danger words corrected (never a word the
 * French lexicon knows), idioms removed (« ce dossier me tue »), then the cues of danger-lexicon.ts
 * with their negation (« il ne la frappe plus », not « il la frappe plus souvent »), weighed
 * against markers of now (« là elle est enfermée ») and of a past, safe or general frame.
 */
import { bandCues, generalMarkers, harmCues, harmIfNowCues, hypotheticalMarkers, idioms, lifeCues, nowMarkers, pastMarkers, presentMarkers, safeMarkers, strongNowMarkers } from './danger-lexicon.js';
import { scoreDanger, storedDangerModel, type DangerModel } from './danger-classifier.js';
import type { DangerSignal } from './decision.js';
import { editDistance } from './correct-spelling.js';
import { foldMessage } from '../text/fold-text.js';
import { frenchLexicon } from './french-lexicon.js';
import { expandSms } from './sms-french.js';
import { scoreText, textFeatures } from './text-classifier.js';

/** Danger words as people mistype them: a typo within one edit (two from 8 letters) is read as the word. */
const dangerWords = `
suicide suicider suicidaire suicidee sequestree sequestre sequestrer sequestration enfermee enferme enfermer inconsciente inconscient
overdose surdose etranglee etrangle etrangler respire respirer pilules medicaments couteau pistolet revolver machette menace menacee menacer
frappee frapper tabassee tabasser battue battre violee violer agressee agresser droguee kidnappee kidnapper enlevee disparue disparu secours
scarifie scarifier automutilation mourir prisonniere empeche danger suicidal unconscious overdosed strangled kidnapped trafficked breathing
unresponsive bleeding weapon knife
`.split(/\s+/).filter((w) => w.length > 0);

/** Global copies of the pattern lists' regexes, compiled once (each use resets `lastIndex`). */
const globalCopies = new Map<RegExp, RegExp>();
function globalOf(pattern: RegExp): RegExp {
  let copy = globalCopies.get(pattern);
  if (!copy) {
    copy = new RegExp(pattern.source, 'g');
    globalCopies.set(pattern, copy);
  }
  copy.lastIndex = 0;
  return copy;
}

const englishWords = new Set('please help police right tonight where there their would could should through thought breathing'.split(' '));

function correctDangerTypos(text: string): string {
  const lexicon = frenchLexicon();
  return text.replace(/[a-z]{5,}/g, (word) => {
    if (lexicon.has(word) || englishWords.has(word)) return word;
    const max = word.length >= 8 ? 2 : 1;
    let best: string | undefined;
    let bestDistance = max + 1;
    for (const candidate of dangerWords) {
      const d = editDistance(word, candidate, max);
      if (d < bestDistance) [best, bestDistance] = [candidate, d];
    }
    return best ?? word;
  });
}

/** The text as the cue lists read it. */
export function normalizeForDanger(message: string): string {
  let text = correctDangerTypos(expandSms(foldMessage(message)));
  for (const idiom of idioms) text = text.replace(globalOf(idiom), ' ');
  return text.replace(/\s+/g, ' ').trim();
}

const clauseEnd = /^\s*($|[.,;:!?)]|et\b|mais\b|depuis\b|pis\b|and\b|but\b)/;

/** True when the cue found at `index` is negated (« n'est pas enfermée », « frappe pu », « not being held »). */
function negated(text: string, index: number, length: number): boolean {
  // A cue that holds its own negation (« respire pu », « can't leave ») is the danger itself.
  if (/\b(pas|plus|pu|jamais|not|can't|cannot|won't|doesn't)\b/.test(text.slice(index, index + length))) return false;
  const before = text.slice(Math.max(0, index - 30), index);
  const after = text.slice(index + length);
  if (/\b(pas|jamais|aucune?|sans|ni|pu|not|never|no longer|isn't|wasn't|aren't|weren't|doesn't|didn't|don't|hasn't|haven't)\s+(\S+\s+){0,2}$/.test(before)) return true;
  if (/\b(ne|n')\s*(\S+\s+){0,2}plus\s+(\S+\s+){0,1}$/.test(before)) return true;
  if (/^\s+(pas|jamais|pu)\b/.test(after)) return true;
  // « plus » after the cue is a negation only at the end of a clause: « il la frappe plus » but
  // not « il la frappe plus souvent ».
  return /^\s+plus\b/.test(after) && clauseEnd.test(after.replace(/^\s+plus/, ''));
}

function findCue(text: string, cues: readonly RegExp[]): boolean {
  return cues.some((cue) => {
    const found = globalOf(cue);
    for (let m = found.exec(text); m; m = found.exec(text)) {
      if (!negated(text, m.index, m[0].length)) return true;
      if (m[0].length === 0) found.lastIndex++;
    }
    return false;
  });
}

const hasAny = (text: string, markers: readonly RegExp[]) => markers.some((m) => m.test(text));

/** What the rules decide for a normalised message, and whether it holds a sure sign of now (which the classifier never overrules). */
export interface RulesReading {
  readonly signal: DangerSignal;
  readonly strongNow: boolean;
}

/** The rules alone (danger-lexicon.ts), for the classifier's training and for tests. */
export function screenByRules(message: string): DangerSignal {
  return readByRules(normalizeForDanger(message)).signal;
}

/** The rules' reading of a normalised message (see {@link RulesReading}). */
export function readByRules(text: string): RulesReading {
  const safe = hasAny(text, safeMarkers);
  // « elle est maintenant en sécurité »: the « maintenant » of a safe phrase is no marker of danger now.
  const unframed = safe ? safeMarkers.reduce((t, m) => t.replace(globalOf(m), ' '), text) : text;
  const strongNow = hasAny(unframed, strongNowMarkers);
  const now = strongNow || hasAny(unframed, nowMarkers);
  const framed = safe || hasAny(text, pastMarkers) || hasAny(text, generalMarkers);
  const life = findCue(unframed, lifeCues);
  const harm = life || findCue(unframed, harmCues);
  const conditional = findCue(unframed, harmIfNowCues);
  // Only a sure sign of now outweighs a frame (« maintenant » ends many calm questions), and only
  // a sign of the present outweighs a hypothesis (« que faire s'il vient la chercher ce soir »).
  const current = hasAny(text, hypotheticalMarkers) ? hasAny(unframed, presentMarkers) : framed ? strongNow : true;

  if ((harm && current) || (conditional && now && current)) return { signal: { safety: 'emergency', immediate: true, lifeAtRisk: life }, strongNow };
  if (harm || (conditional && now) || findCue(text, bandCues)) return { signal: { safety: 'band', immediate: false, lifeAtRisk: life }, strongNow };
  return { signal: { safety: 'none', immediate: false, lifeAtRisk: false }, strongNow };
}

/**
 * A rules emergency the classifier may lower to the band: one with no sure sign of now (« ce soir »,
 * « en ce moment », « dans 30 minutes »). A present danger told inside a past story (« c'était
 * l'an passé, mais ce soir elle veut en finir ») keeps its card whatever the classifier says.
 */
export const vetoable = (reading: RulesReading): boolean => reading.signal.safety === 'emergency' && !reading.strongNow;

/**
 * Screens a message; see the file comment for the tiers. The rules decide first. The classifier
 * (danger-classifier.ts) can raise the tier; it lowers it in one case only: a rules emergency whose
 * score is below the model's veto threshold (far below every emergency of the tuning data, out of
 * fold) and that holds no sure sign of now ({@link vetoable}) gets the safety band instead of the
 * emergency card: 911, the DPJ and the suicide line are still shown. On an emergency, the life
 * model can only add « life at risk » to the rules' verdict.
 */
export function screenDanger(message: string, model: DangerModel = storedDangerModel()): DangerSignal {
  const text = normalizeForDanger(message);
  const reading = readByRules(text);
  const rules = reading.signal;
  const score = () => scoreDanger(model, textFeatures(text));
  const life = () => rules.lifeAtRisk || (model.life !== undefined && scoreText(model.life, text) >= model.life.threshold);
  if (rules.safety === 'emergency') {
    const vetoed = vetoable(reading) && model.vetoThreshold !== undefined && score() < model.vetoThreshold;
    return vetoed ? { safety: 'band', immediate: false, lifeAtRisk: rules.lifeAtRisk } : { ...rules, lifeAtRisk: life() };
  }
  const s = score();
  if (s >= model.emergencyThreshold) return { safety: 'emergency', immediate: true, lifeAtRisk: life() };
  if (rules.safety === 'band' || s >= model.bandThreshold) return { safety: 'band', immediate: false, lifeAtRisk: rules.lifeAtRisk };
  return rules;
}
