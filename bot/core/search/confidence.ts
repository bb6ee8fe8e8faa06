/**
 * Calibrated confidence: the probability that a ranked entry is the right answer to the question.
 *
 * Calibration. The confidence is a logistic model over five features of a candidate:
 * - `similarity`: best cosine between the question and one of the entry's asked forms;
 * - `coverage`: share of the question's words (weighted by rarity) that the entry matches;
 * - `lead`: the candidate's ranking score divided by the best one (1 for the first);
 * - `gap`: margin to the next candidate, (score − next score) / score;
 * - `first`: 1 for the first candidate, 0 otherwise.
 * The weights were fitted by logistic regression on the first five candidates of every question
 * of tests/eval/dev-set.yaml (label: the candidate is the expected topic; out-of-scope questions
 * label every candidate 0), with `npm run eval -- --fit`, which prints new weights and the
 * reliability table. On the dev set, candidates given about 0.5 are right about half the time and
 * those above 0.8 about 95% of the time. Refit when the knowledge base or the ranking changes a lot.
 */
import type { RankedEntry } from './rank-entries.js';

/** The features the confidence is computed from. */
export interface ConfidenceFeatures {
  readonly similarity: number;
  readonly coverage: number;
  readonly lead: number;
  readonly gap: number;
  readonly first: number;
}

/** Weights of the logistic model (see the file comment for how they were fitted). */
export type ConfidenceModel = { readonly bias: number } & { readonly [K in keyof ConfidenceFeatures]: number };

/** The fitted weights. */
export const confidenceModel: ConfidenceModel = Object.freeze({
  bias: -9.5,
  similarity: 2.4,
  coverage: 2.9,
  lead: 4.0,
  gap: 1.75,
  first: 2.9,
});

/** The features of each candidate of a ranking, best first. */
export function describeCandidates(ranked: readonly RankedEntry[]): ConfidenceFeatures[] {
  const top = ranked[0]?.score ?? 0;
  return ranked.map((r, i) => {
    const next = ranked[i + 1]?.score ?? 0;
    return {
      similarity: r.similarity,
      coverage: r.coverage,
      lead: top > 0 ? r.score / top : 0,
      gap: r.score > 0 ? (r.score - next) / r.score : 0,
      first: i === 0 ? 1 : 0,
    };
  });
}

/** Applies the logistic model to one candidate's features. */
export function scoreConfidence(features: ConfidenceFeatures, model: ConfidenceModel = confidenceModel): number {
  const z =
    model.bias +
    model.similarity * features.similarity +
    model.coverage * features.coverage +
    model.lead * features.lead +
    model.gap * features.gap +
    model.first * features.first;
  return 1 / (1 + Math.exp(-z));
}

/**
 * The calibrated confidence of each candidate of a ranking, in [0, 1]. A candidate never shows
 * more confidence than the one ranked above it, so confidences read in the ranking's order.
 */
export function computeConfidences(ranked: readonly RankedEntry[], model: ConfidenceModel = confidenceModel): number[] {
  let ceiling = 1;
  return describeCandidates(ranked).map((f) => (ceiling = Math.min(ceiling, scoreConfidence(f, model))));
}
