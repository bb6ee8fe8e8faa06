/** What Balise decides to do with a question: the contract between the search core and the handlers. */
import type { GuideEntry, Resource } from '../knowledge/types.js';

/** The five outcomes of a question. */
export type DecisionKind = 'answer' | 'clarify' | 'unknown' | 'out-of-scope' | 'emergency';

/** A candidate entry with its calibrated confidence in [0, 1]. */
export interface ScoredEntry {
  readonly entry: GuideEntry;
  readonly confidence: number;
}

/** What the danger screen found in a message. */
export interface DangerSignal {
  /** A child is in danger now: 911 and the DPJ reporting duty come first. */
  readonly immediate: boolean;
  /** A life is at risk (suicide, threat to kill): the suicide-prevention line is added. */
  readonly lifeAtRisk: boolean;
}

/** The decision for one question. */
export interface Decision {
  readonly question: string;
  /** `emergency` wins over everything; the answer (if any) is still in `results`. */
  readonly kind: DecisionKind;
  /** Best first; for `answer` the first is the answer, for `clarify` up to 3 choices. */
  readonly results: readonly ScoredEntry[];
  /** When the question asks for a number or a service: the matching resources, best first. */
  readonly resources: readonly Resource[];
  readonly danger: DangerSignal;
}

/** Answers questions from the knowledge base; plain data in, plain data out. */
export interface QuestionAnswerer {
  decide(question: string): Decision;
}
