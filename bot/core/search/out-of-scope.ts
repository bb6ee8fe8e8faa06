/**
 * Decides whether a question is outside Balise's domain, from three inputs:
 * - the scope model (`scope-model.json`): a logistic regression over word and character n-grams
 *   (text-classifier.ts), trained by `scripts/train-scope-model.ts` on the tuning halves of the
 *   blind sets and the first release's dev set, its threshold chosen there by 5-fold cross-validation;
 * - whether the question is anchored: it holds one of {@link domainAnchors} (a hand-written list of
 *   the domain's core words) or a word of the guide's synonym groups (`knowledge/synonymes.yaml`);
 * - the confidence of the best guide entry.
 * A question nothing matched is out of scope unless anchored; one that matched is out of scope when
 * the model's score reaches its threshold, unless it is anchored and its best entry reaches the
 * rescue confidence (`scopeRescueConfidence` of the search options). The share of the question's
 * words the guide uses is reported for `npm run ask`, not decided on.
 */
import { readFileSync } from 'node:fs';
import { repoPath } from '../../paths.js';
import { foldMessage } from '../text/fold-text.js';
import { defaultSearchOptions } from './search-options.js';
import type { FrenchAnalyzer } from './french-analyzer.js';
import { expandSms } from './sms-french.js';
import { scoreFeatures, textFeatures, type TextModel } from './text-classifier.js';

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

/** A question as the scope model and the ranking's topic model read it: computed once per question, given to both. */
export interface ScopeReading {
  readonly text: string;
  readonly features: ReadonlySet<string>;
}

/** Reads a question for the scope and topic models. */
export function readForScope(question: string): ScopeReading {
  const text = normalizeForScope(question);
  return { text, features: textFeatures(text) };
}

/**
 * Core words of the domain, as patterns over the folded text (hand-written stems: exploit-,
 * prostitu-, proxen-...). A question holding one (or a word of the guide's synonym groups) is never
 * out of scope for matching nothing (it gets « je ne sais pas » and a pivot), and the model does not
 * reject it when an entry matches it with at least the rescue confidence. Examples from the tests:
 * « mon élève a un proxo » stays in scope, « exploitation forestière » does not.
 */
export const domainAnchors: readonly RegExp[] = [
  /\bexploit/, /\bprostitu/, /\bproxen/, /\bpimps?\b/, /\bvictim/, /\bsex/, /\bagress/, /\babus/, /\bdpj\b/, /\bfugu/,
  /\bescorte?s?\b/, /\bdanseuse/, /\bleurr/, /\bgrooming\b/, /\bcyberpred/, /\bpredat/, /\bporno/, /\bnudes?\b/, /\bpivots?\b/,
  /\brecrut/, /\bemprise\b/, /\btraite (de|des) personnes\b/, /\bloverboy/, /\btrafficking\b/,
];

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
 * The scope decision from its inputs (see the file comment): a question nothing matched is out of
 * scope unless anchored; one that matched is when the model's score reaches the threshold, unless it
 * is anchored and its best entry reaches the rescue confidence. The training script chooses the
 * threshold with this same function.
 */
export function decideOutOfScope(input: { score: number; threshold: number; anchored: boolean; bestConfidence: number | undefined; rescueConfidence: number }): boolean {
  const { score, threshold, anchored, bestConfidence, rescueConfidence } = input;
  if (bestConfidence === undefined) return !anchored;
  return score >= threshold && !(anchored && bestConfidence >= rescueConfidence);
}

/**
 * Builds the scope check. `knows` tells whether an index term belongs to the topical vocabulary;
 * `model` defaults to the shipped one, `rescueConfidence` to the search options' `scopeRescueConfidence`.
 */
export function createScopeCheck(
  analyzer: FrenchAnalyzer,
  knows: (term: string) => boolean,
  model: ScopeModel = storedScopeModel(),
  rescueConfidence = defaultSearchOptions.scopeRescueConfidence,
) {
  return (question: string, bestConfidence: number | undefined, reading: ScopeReading = readForScope(question)): ScopeVerdict => {
    const words = analyzer.analyzeWords(question, true);
    const known = words.filter((w) => w.groups.length > 0 || knows(w.stem)).length;
    const vocabularyShare = words.length === 0 ? 0 : known / words.length;
    const anchored = domainAnchors.some((a) => a.test(reading.text)) || words.some((w) => w.groups.length > 0);
    const score = scoreFeatures(model, reading.features);
    const outOfScope = decideOutOfScope({ score, threshold: model.threshold, anchored, bestConfidence, rescueConfidence });
    return { outOfScope, vocabularyShare, score, anchored };
  };
}
