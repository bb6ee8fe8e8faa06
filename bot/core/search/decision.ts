/** What Balise decides to do with a question: the contract between the search core and the handlers. */
import type { GuideEntry, Resource } from '../knowledge/types.js';

/** The five outcomes of a question. */
export type DecisionKind = 'answer' | 'clarify' | 'unknown' | 'out-of-scope' | 'emergency';

/** A candidate entry with its calibrated confidence in [0, 1]. */
export interface ScoredEntry {
  readonly entry: GuideEntry;
  readonly confidence: number;
}

/**
 * How much of the safety information a reply carries: `emergency` the emergency card first,
 * `band` a short safety band (911, DPJ, suicide line) above the rest, `none` nothing added.
 */
export type SafetyTier = 'emergency' | 'band' | 'none';

/** What the danger screen found in a message. */
export interface DangerSignal {
  /** The tier of the reply (see {@link SafetyTier}). */
  readonly safety: SafetyTier;
  /** A child is in danger now (`safety` is `emergency`): 911 and the DPJ reporting duty come first. */
  readonly immediate: boolean;
  /** A life may be at risk (suicide, overdose, threat to kill, weapon): the suicide line comes right after 911. */
  readonly lifeAtRisk: boolean;
}

/** The decision for one question. */
export interface Decision {
  readonly question: string;
  /** `emergency` wins over everything; the answer, if confident enough to follow the emergency card, is in `results`. */
  readonly kind: DecisionKind;
  /** Best first; for `answer` the first is the answer, for `clarify` up to 3 choices. */
  readonly results: readonly ScoredEntry[];
  /** When the question asks for a number or a service: the matching resources, best first. */
  readonly resources: readonly Resource[];
  readonly danger: DangerSignal;
  /**
   * The numbers of the emergency card or of the safety band, in order (911, the suicide line when a
   * life is at risk, the DPJ...); empty when `danger.safety` is `none`.
   */
  readonly safetyResources: readonly Resource[];
}

/** Answers questions from the knowledge base; plain data in, plain data out. */
export interface QuestionAnswerer {
  /**
   * The decision for a question. `remember: false` keeps the text out of any decision cache (a
   * text that seems to identify someone is not kept in memory); default true. Callers pass true
   * only for a text the privacy check found nothing in, so every remembered text passed it.
   */
  decide(question: string, remember?: boolean): Decision;
  /**
   * The decision remembered for exactly this text, if the cache holds one (no search): a text
   * decided with `remember` true and not forgotten since. Absent or undefined: none.
   */
  recall?(question: string): Decision | undefined;
}
