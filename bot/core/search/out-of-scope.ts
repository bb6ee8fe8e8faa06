/**
 * Recognises questions outside Balise's domain (the weather, a password, a pivot table in Excel,
 * « exploitation forestière »...). The decision comes from a text classifier (text-classifier.ts)
 * trained on the tuning halves to tell the domain's questions from everything else, by their words
 * and their character n-grams: evidence adds up over the whole question, so one off-domain word
 * does not sink a real case. No list of off-domain topics: those were copied from questions. Core
 * words of the domain keep a question in scope as {@link domainAnchors} says. The share of the question's words
 * that the guide uses is reported for the command line, not decided on.
 */
import { readFileSync } from 'node:fs';
import { repoPath } from '../../paths.js';
import { foldMessage } from '../text/fold-text.js';
import type { FrenchAnalyzer } from './french-analyzer.js';
import { expandSms } from './sms-french.js';
import { scoreText, type TextModel } from './text-classifier.js';

/** The scope model: a text model whose positive class is « out of scope », and its threshold. */
export interface ScopeModel extends TextModel {
  /** Score at or above which a question is out of scope (chosen by cross-validation). */
  readonly threshold: number;
}

/** Where the scope model is kept (read at run time from the repository). */
export const scopeModelPath = repoPath('bot', 'core', 'search', 'scope-model.json');

let stored: ScopeModel | undefined;

/** The shipped scope model, loaded on first use. */
export function storedScopeModel(): ScopeModel {
  stored ??= JSON.parse(readFileSync(scopeModelPath, 'utf8')) as ScopeModel;
  return stored;
}

/** The text as the scope model reads it: folded, SMS spellings written out. */
export const normalizeForScope = (question: string): string => expandSms(foldMessage(question));

/**
 * Core words of the domain (folded text), written from the domain, not from questions. A question
 * holding one (or a word of the guide's synonym groups) is never out of scope for matching nothing
 * (it gets « je ne sais pas » and a pivot), and the model does not reject it when an entry matches
 * it with at least {@link rescueConfidence}: « mon élève a un proxo » stays in scope, « exploitation
 * forestière » does not.
 */
export const domainAnchors: readonly RegExp[] = [
  /\bexploit/, /\bprostitu/, /\bproxen/, /\bpimps?\b/, /\bvictim/, /\bsex/, /\bagress/, /\babus/, /\bdpj\b/, /\bfugu/,
  /\bescorte?s?\b/, /\bdanseuse/, /\bleurr/, /\bgrooming\b/, /\bcyberpred/, /\bpredat/, /\bporno/, /\bnudes?\b/, /\bpivots?\b/,
  /\brecrut/, /\bemprise\b/, /\btraite (de|des) personnes\b/, /\bloverboy/, /\btrafficking\b/,
];

/** Confidence of the best entry above which an anchored question is kept in scope whatever the model says. */
export const rescueConfidence = 0.5;

/** Why a question was judged out of scope, or not. */
export interface ScopeVerdict {
  readonly outOfScope: boolean;
  /** Share of the question's content words in the guide's topical vocabulary, in [0, 1] (shown, not decided on). */
  readonly vocabularyShare: number;
  /** The scope model's score: the higher, the more out of scope. */
  readonly score: number;
  /** True when the question holds a core word of the domain or a word of a synonym group. */
  readonly anchored: boolean;
}

/**
 * Builds the scope check. `knows` tells whether an index term belongs to the topical vocabulary.
 * A question is out of scope when it is not anchored and nothing matched, or when the model's score
 * reaches its threshold and no anchored match rescues it (see {@link domainAnchors}).
 */
export function createScopeCheck(analyzer: FrenchAnalyzer, knows: (term: string) => boolean, model: ScopeModel = storedScopeModel()) {
  return (question: string, bestConfidence: number | undefined): ScopeVerdict => {
    const words = analyzer.analyzeWords(question, true);
    const known = words.filter((w) => w.groups.length > 0 || knows(w.stem)).length;
    const vocabularyShare = words.length === 0 ? 0 : known / words.length;
    const text = normalizeForScope(question);
    const anchored = domainAnchors.some((a) => a.test(text)) || words.some((w) => w.groups.length > 0);
    const score = scoreText(model, text);
    const rescued = anchored && (bestConfidence ?? 0) >= rescueConfidence;
    const outOfScope = bestConfidence === undefined ? !anchored : score >= model.threshold && !rescued;
    return { outOfScope, vocabularyShare, score, anchored };
  };
}
