/**
 * The question answerer: danger screen first, then scope, then a decision from the calibrated
 * confidences (answer, « did you mean », or « I don't know »), with the referral resources when
 * the question asks for a contact. Plain data in, plain data out; see decision.ts.
 *
 * Results by kind: `answer` the best entries (the first is the answer); `clarify` the 1 to 3
 * choices; `unknown` the low-confidence candidates (for a « closest topics » list, if wanted);
 * `out-of-scope` none; `emergency` the entries confident enough to answer (they follow the
 * emergency card). Whatever the kind, a danger word adds `safetyResources` (see danger-screen.ts).
 */
import { LRUCache } from 'lru-cache';
import { namingForms, type GuideEntry, type KnowledgeBase, type Resource } from '../knowledge/types.js';
import { buildResourceIndex } from './build-index.js';
import { computeConfidences } from './confidence.js';
import { screenDanger } from './danger-screen.js';
import type { Decision, DecisionKind, QuestionAnswerer, ScoredEntry } from './decision.js';
import { createFrenchAnalyzer } from './french-analyzer.js';
import { callableNow } from '../resources/present-resources.js';
import { asksForContact, asksOffHours, matchResources, resourcesAnsweringNow, safetyResources } from './match-resources.js';
import { createScopeCheck, readForScope, type ScopeVerdict } from './out-of-scope.js';
import { createEntryRanker, type RankedEntry } from './rank-entries.js';
import { resolveSearchOptions, type SearchOptions, type SearchOptionsInput } from './search-options.js';

/** A ranked candidate with its confidence and the features behind it. */
export interface Candidate extends ScoredEntry {
  readonly ranked: RankedEntry;
}

/** Everything the answerer worked out for a question, for the command line and the evaluation. */
export interface QuestionAnalysis {
  readonly decision: Decision;
  /** The ranked candidates, best first (at most 10), whatever the decision. */
  readonly candidates: readonly Candidate[];
  readonly scope: ScopeVerdict;
}

/** A {@link QuestionAnswerer} that can also show its work. */
export interface SearchAnswerer extends QuestionAnswerer {
  /** The decision with the ranked candidates and the scope verdict. */
  analyze(question: string): QuestionAnalysis;
  /** The options in force. */
  readonly options: SearchOptions;
}

/** How many candidates are ranked and scored for each question. */
const candidateCount = 10;

/** The texts of the knowledge base, which teach the analyzer accents and spelling. */
function knowledgeTexts(knowledge: KnowledgeBase): string[] {
  return [
    ...knowledge.entries.flatMap((e) => [e.title, ...e.questions, ...e.keywords, e.answer, ...(e.en ? [e.en.title, ...(e.en.questions ?? []), e.en.answer] : [])]),
    ...knowledge.resources.flatMap((r) => [r.name, r.description]),
  ];
}

/**
 * The texts that name the knowledge base's topics: titles, questions, keywords, synonyms and
 * resource names. Answers are left out: they are long and use much everyday vocabulary.
 */
function topicalTexts(knowledge: KnowledgeBase): string[] {
  return [
    ...knowledge.entries.flatMap(namingForms),
    ...knowledge.synonyms.flat(),
    ...knowledge.resources.map((r) => r.name),
  ];
}

/** Builds the answerer over a loaded knowledge base; `options` override {@link defaultSearchOptions}. */
export function createAnswerer(knowledge: KnowledgeBase, input: SearchOptionsInput = {}): SearchAnswerer {
  const options = resolveSearchOptions(input);
  const analyzer = createFrenchAnalyzer({ synonyms: knowledge.synonyms, lexiconTexts: knowledgeTexts(knowledge) });
  // Workers' own phrasings (learned-questions.ts) join each entry's questions for the ranking only:
  // the topical vocabulary of the scope check stays the guide's.
  const learned = options.learnedQuestions;
  const rankedEntries = knowledge.entries.map((e) => (learned[e.id] ? { ...e, questions: [...e.questions, ...(learned[e.id] ?? [])] } : e));
  const ranker = createEntryRanker(rankedEntries, analyzer, options);
  const resourceIndex = buildResourceIndex(knowledge.resources, analyzer, options);
  const vocabulary = new Set(topicalTexts(knowledge).flatMap((text) => analyzer.analyze(text)));
  const checkScope = createScopeCheck(analyzer, (term) => vocabulary.has(term), undefined, options.scopeRescueConfidence);

  const chooseKind = (candidates: readonly Candidate[]): DecisionKind => {
    const first = candidates[0]?.confidence ?? 0;
    const second = candidates[1]?.confidence ?? 0;
    if (first >= options.answerThreshold && first - second >= options.answerMargin) return 'answer';
    return first >= options.clarifyThreshold ? 'clarify' : 'unknown';
  };

  const clarifyChoices = (candidates: readonly Candidate[]): Candidate[] => {
    const top = candidates[0]?.ranked.score ?? 0;
    const close = candidates.filter((c, i) => i === 0 || c.ranked.score >= options.clarifyScoreRatio * top || c.confidence >= options.minChoiceConfidence);
    return close.slice(0, options.maxChoices);
  };

  const analyze = (question: string): QuestionAnalysis => {
    const danger = screenDanger(question);
    // The scope model and the ranking's topic model read the same normalised text and features.
    const reading = readForScope(question);
    const ranked = ranker.rank(question, candidateCount, reading);
    const confidences = computeConfidences(ranked);
    const candidates: Candidate[] = ranked.map((r, i) => ({ entry: knowledge.entryById.get(r.entry.id) ?? r.entry, confidence: confidences[i] ?? 0, ranked: r }));
    const scope = checkScope(question, candidates[0]?.confidence, reading);
    const best = candidates.slice(0, options.maxResults);
    const contact = asksForContact(question);
    const urgent = safetyResources(knowledge, danger);
    const offHours = contact && asksOffHours(question);
    const resourcesFor = (answer: GuideEntry | undefined): Resource[] => {
      if (!contact) return [];
      const matched = matchResources(question, resourceIndex, knowledge, answer, options);
      // « qui appeler la nuit? »: what answers now comes first, whatever else matched.
      return offHours ? resourcesAnsweringNow(knowledge, matched, (r) => callableNow(r) && !urgent.includes(r), options.maxResources) : matched;
    };

    let kind: DecisionKind;
    let results: Candidate[];
    let resources: Resource[];
    if (danger.safety === 'emergency') {
      kind = 'emergency';
      results = best.filter((c) => c.confidence >= options.answerThreshold).slice(0, 1);
      resources = resourcesFor(results[0]?.entry).filter((r) => !urgent.includes(r));
    } else if (scope.outOfScope) {
      kind = 'out-of-scope';
      results = [];
      resources = [];
    } else {
      kind = chooseKind(candidates);
      results = kind === 'clarify' ? clarifyChoices(candidates) : best;
      resources = resourcesFor(kind === 'answer' ? results[0]?.entry : undefined).filter((r) => !urgent.includes(r));
    }
    const decision: Decision = {
      question,
      kind,
      results: results.map(({ entry, confidence }) => ({ entry, confidence })),
      resources,
      danger,
      safetyResources: urgent,
    };
    return { decision, candidates, scope };
  };

  // A decision depends on the question text and this answerer's knowledge only (no clock, no
  // person), so the same text gets the same decision object; decisions are read-only data.
  if (options.decisionCacheSize <= 0) return { options, analyze, decide: (question) => analyze(question).decision, recall: () => undefined };
  const decisions = new LRUCache<string, Decision>({ max: options.decisionCacheSize });
  const decide = (question: string, remember = true): Decision => {
    if (!remember) return analyze(question).decision;
    let decision = decisions.get(question);
    if (!decision) {
      decision = analyze(question).decision;
      decisions.set(question, decision);
    }
    return decision;
  };
  return { options, analyze, decide, recall: (question) => decisions.get(question) };
}
