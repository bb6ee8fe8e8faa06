/**
 * Fits the confidence model (a logistic regression over {@link ConfidenceFeatures}) on labelled
 * candidates, and measures how well a model is calibrated. Used by `npm run eval -- --fit`.
 */
import { scoreConfidence, type ConfidenceFeatures, type ConfidenceModel } from './confidence.js';

/** One candidate of a labelled question: its features and whether it is the expected entry. */
export interface LabelledCandidate {
  readonly features: ConfidenceFeatures;
  readonly correct: boolean;
}

/** Options of {@link fitConfidenceModel}. */
export interface FitOptions {
  /** L2 penalty on the weights (not the bias). Default 0.0005. */
  readonly l2?: number;
  /** Gradient-descent steps. Default 60000. */
  readonly iterations?: number;
  /** Step size. Default 0.5. */
  readonly learningRate?: number;
}

const featureNames = ['similarity', 'coverage', 'lead', 'gap', 'first'] as const;

/** Fits the weights by batch gradient descent on the log loss. */
export function fitConfidenceModel(samples: readonly LabelledCandidate[], options: FitOptions = {}): ConfidenceModel {
  const { l2 = 0.0005, iterations = 60_000, learningRate = 0.5 } = options;
  const rows = samples.map((s) => [1, ...featureNames.map((n) => s.features[n])]);
  const labels = samples.map((s) => (s.correct ? 1 : 0));
  const weights = new Array<number>(featureNames.length + 1).fill(0);
  const count = Math.max(1, rows.length);
  for (let step = 0; step < iterations; step++) {
    const gradient = new Array<number>(weights.length).fill(0);
    rows.forEach((row, i) => {
      const z = row.reduce((sum, x, k) => sum + x * (weights[k] ?? 0), 0);
      const error = 1 / (1 + Math.exp(-z)) - (labels[i] ?? 0);
      row.forEach((x, k) => (gradient[k] = (gradient[k] ?? 0) + (error * x) / count));
    });
    weights.forEach((w, k) => (weights[k] = w - learningRate * ((gradient[k] ?? 0) + (k > 0 ? l2 * w : 0))));
  }
  const round = (x: number | undefined) => Math.round((x ?? 0) * 100) / 100;
  return {
    bias: round(weights[0]),
    similarity: round(weights[1]),
    coverage: round(weights[2]),
    lead: round(weights[3]),
    gap: round(weights[4]),
    first: round(weights[5]),
  };
}

/** One bin of a reliability table: the mean predicted confidence against the observed accuracy. */
export interface ReliabilityBin {
  readonly from: number;
  readonly to: number;
  readonly count: number;
  readonly meanConfidence: number;
  readonly accuracy: number;
}

/** Splits [0, 1] into `bins` equal bins and compares predicted and observed rates in each. */
export function measureReliability(samples: readonly LabelledCandidate[], model: ConfidenceModel, bins = 5): ReliabilityBin[] {
  const table = Array.from({ length: bins }, (_, i) => ({ from: i / bins, to: (i + 1) / bins, count: 0, sum: 0, hits: 0 }));
  for (const s of samples) {
    const p = scoreConfidence(s.features, model);
    const bin = table[Math.min(bins - 1, Math.floor(p * bins))];
    if (!bin) continue;
    bin.count++;
    bin.sum += p;
    bin.hits += s.correct ? 1 : 0;
  }
  return table.map((b) => ({ from: b.from, to: b.to, count: b.count, meanConfidence: b.count ? b.sum / b.count : 0, accuracy: b.count ? b.hits / b.count : 0 }));
}
