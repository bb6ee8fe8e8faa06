import { storedLearnedQuestions } from './learned-questions.js';

/**
 * Every tunable of the question-answering search in one named object, each with its default.
 * `createAnswerer(knowledge, options)` takes a partial copy and fills the rest from
 * {@link defaultSearchOptions}.
 */

/** Relative weight of each indexed field of a guide entry. */
export interface FieldBoosts {
  /** The entry's title. Default 3. */
  readonly title: number;
  /** The ways workers ask it (`questions`). Default 2.5. */
  readonly questions: number;
  /** The `keywords` (abbreviations and synonyms written by editors). Default 2. */
  readonly keywords: number;
  /** The answer text. Default 1. */
  readonly answer: number;
}

/** Relative weight of each indexed field of a referral resource. */
export interface ResourceBoosts {
  /** The resource's name. Default 2. */
  readonly name: number;
  /** Its description. Default 1. */
  readonly description: number;
  /** The words of its needs (see `needWords` in build-index.ts). Default 1.5. */
  readonly needs: number;
}

/** The options of the search and of the decision. */
export interface SearchOptions {
  /** Field boosts of the guide entries; see {@link FieldBoosts}. */
  readonly boosts: FieldBoosts;
  /** Field boosts of the resources; see {@link ResourceBoosts}. */
  readonly resourceBoosts: ResourceBoosts;
  /**
   * Typo tolerance for question words the knowledge base does not use, once the spelling
   * corrector has had its go: allowed edit distance as a fraction of the term's length. Default 0.2.
   */
  readonly fuzzy: number;
  /** Terms shorter than this are never matched fuzzily (short stems match too much). Default 5. */
  readonly fuzzyMinLength: number;
  /** Upper bound of the edit distance. Default 2. */
  readonly maxFuzzy: number;
  /** Unknown terms at least this long also match longer index terms they begin. Default 5. */
  readonly prefixMinLength: number;
  /**
   * Each question term is weighted by (its IDF over whole entries / the highest IDF) to this
   * power: 0 weighs every term alike, higher values favour rare, telling words. Default 0.5.
   */
  readonly idfExponent: number;
  /**
   * Weight of the question's resemblance to one of an entry's asked forms (title, `questions`),
   * added to the entry's relative MiniSearch score. Default 0.6.
   */
  readonly similarityWeight: number;
  /**
   * Weight of the topic model's probability (topic-model.ts), added to the ranking score: the
   * second stage that reads character n-grams. Default 0.5 (5-fold cross-validation on the tuning
   * questions, scripts/cross-validate-ranking.ts). 0 leaves it out.
   */
  readonly topicWeight: number;
  /** How many ranked entries a decision keeps. Default 5. */
  readonly maxResults: number;
  /**
   * Minimum confidence of the best entry to answer directly. Default 0.35: with the margin below, it
   * keeps « did you mean » under 15 % of in-domain questions (two-fold cross-validation on the
   * tuning halves), the close topics shown as related topics instead.
   */
  readonly answerThreshold: number;
  /** Minimum gap between the first and second confidences to answer without asking. Default 0.2. */
  readonly answerMargin: number;
  /** Minimum confidence of the best entry to ask « did you mean » rather than say Balise does not know. Default 0.15. */
  readonly clarifyThreshold: number;
  /**
   * Besides the first candidate, a « did you mean » question offers those whose ranking score is
   * at least this share of the best one... Default 0.75.
   */
  readonly clarifyScoreRatio: number;
  /** ...or whose confidence reaches this. Default 0.05. */
  readonly minChoiceConfidence: number;
  /**
   * Confidence of the best entry at or above which a question holding a core word of the domain
   * stays in scope whatever the scope model says (out-of-scope.ts). Default 0.5.
   */
  readonly scopeRescueConfidence: number;
  /** How many choices a « did you mean » question offers at most. Default 3. */
  readonly maxChoices: number;
  /** How many resources a decision lists at most (an emergency lists all its urgent ones). Default 3. */
  readonly maxResources: number;
  /** Added to the relative score of a resource that the answering entry lists. Default 0.5. */
  readonly listedResourceBonus: number;
  /** Resources scoring below this (relative resource-index score + bonus) are left out. Default 0.5. */
  readonly minResourceScore: number;
  /**
   * More ways workers ask each entry (entry id → questions), added to its `questions` for the
   * ranking. Default: the phrasings learned from the tuning halves (learned-questions.json).
   */
  readonly learnedQuestions: Readonly<Record<string, readonly string[]>>;
  /**
   * A learned phrasing counts for this share of an editor's question in the resemblance signal:
   * workers' phrasings are many and loose, the editors' few and exact. Default 0.8.
   */
  readonly learnedSimilarity: number;
  /**
   * How many decisions `decide` remembers, by question text (least recently asked forgotten first):
   * a question asked again costs no search. The cache lives with its answerer, so a knowledge base
   * loaded again (a new answerer) starts empty. 0 turns it off. Default 1,000.
   */
  readonly decisionCacheSize: number;
}

/** The defaults, tuned on the tuning halves of the blind sets (`npm run eval`). */
export const defaultSearchOptions: SearchOptions = Object.freeze({
  boosts: Object.freeze({ title: 3, questions: 2.5, keywords: 2, answer: 1 }),
  resourceBoosts: Object.freeze({ name: 2, description: 1, needs: 1.5 }),
  fuzzy: 0.2,
  fuzzyMinLength: 5,
  maxFuzzy: 2,
  prefixMinLength: 5,
  idfExponent: 0.5,
  similarityWeight: 0.6,
  topicWeight: 0.5,
  maxResults: 5,
  answerThreshold: 0.35,
  answerMargin: 0.2,
  clarifyThreshold: 0.15,
  clarifyScoreRatio: 0.75,
  minChoiceConfidence: 0.05,
  scopeRescueConfidence: 0.5,
  maxChoices: 3,
  maxResources: 3,
  listedResourceBonus: 0.5,
  minResourceScore: 0.5,
  learnedQuestions: storedLearnedQuestions(),
  learnedSimilarity: 0.8,
  decisionCacheSize: 1_000,
});

/** Options as given by a caller: any subset, boosts included. */
export type SearchOptionsInput = Partial<Omit<SearchOptions, 'boosts' | 'resourceBoosts'>> & {
  readonly boosts?: Partial<FieldBoosts>;
  readonly resourceBoosts?: Partial<ResourceBoosts>;
};

/** Fills the missing options from {@link defaultSearchOptions}. */
export function resolveSearchOptions(input: SearchOptionsInput = {}): SearchOptions {
  return {
    ...defaultSearchOptions,
    ...input,
    boosts: { ...defaultSearchOptions.boosts, ...input.boosts },
    resourceBoosts: { ...defaultSearchOptions.resourceBoosts, ...input.resourceBoosts },
  };
}
