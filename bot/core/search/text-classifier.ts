/**
 * A small text classifier over word and character n-grams: features, scoring, and two trainers
 * (naive Bayes, logistic regression). The danger screen and the scope check each keep one trained
 * model (danger-model.json, scope-model.json), trained by a script on the tuning halves only.
 */

/** A trained model: a weight per feature and a bias (the score is their sum over a text's features). */
export interface TextModel {
  readonly bias: number;
  readonly weights: Readonly<Record<string, number>>;
}

/** The features of a normalised message: words, word pairs and character 3- to 5-grams within words. */
export function textFeatures(normalized: string): Set<string> {
  const words = normalized.split(/[^\p{L}\p{N}']+/u).filter((w) => w.length > 1);
  const features = new Set<string>();
  words.forEach((w, i) => {
    features.add(`w:${w}`);
    if (i > 0) features.add(`b:${words[i - 1]} ${w}`);
    const padded = ` ${w} `;
    for (let n = 3; n <= 5; n++) for (let k = 0; k + n <= padded.length; k++) features.add(`c:${padded.slice(k, k + n)}`);
  });
  return features;
}

/** The model's score for a normalised text (log odds of the positive class). */
export function scoreText(model: TextModel, normalized: string): number {
  return scoreFeatures(model, textFeatures(normalized));
}

/** The model's score for features already computed (one set can serve several models). */
export function scoreFeatures(model: TextModel, features: ReadonlySet<string>): number {
  const weights = weightMapOf(model);
  let score = model.bias;
  for (const f of features) score += weights.get(f) ?? 0;
  return score;
}

// A Map looks a feature up faster than an object with tens of thousands of keys; built once per model.
const weightMaps = new WeakMap<TextModel, Map<string, number>>();
function weightMapOf(model: TextModel): Map<string, number> {
  let map = weightMaps.get(model);
  if (!map) {
    map = new Map(Object.entries(model.weights));
    weightMaps.set(model, map);
  }
  return map;
}

/** A labelled training example (`positive`: an emergency, or a question out of scope). */
export interface TextExample {
  readonly text: string;
  readonly positive: boolean;
  /** How much the example counts in logistic regression (1 when absent). */
  readonly weight?: number;
}

/**
 * Trains the weights: Bernoulli-style naive Bayes on feature presence with add-`alpha` smoothing
 * and equal class priors (the rare class matters as much as the common one). Features seen fewer than
 * `minCount` times are dropped, and so is a weight under `minWeight` in absolute value.
 */
export function trainNaiveBayes(examples: readonly TextExample[], alpha = 1, minCount = 2, minWeight = 0.05): { bias: number; weights: Record<string, number> } {
  const counts = { true: new Map<string, number>(), false: new Map<string, number>() };
  const totals = { true: 0, false: 0 };
  for (const ex of examples) {
    const key = ex.positive ? 'true' : 'false';
    totals[key]++;
    for (const f of textFeatures(ex.text)) counts[key].set(f, (counts[key].get(f) ?? 0) + 1);
  }
  const weights: Record<string, number> = {};
  const all = new Set([...counts.true.keys(), ...counts.false.keys()]);
  for (const f of all) {
    const pos = counts.true.get(f) ?? 0;
    const neg = counts.false.get(f) ?? 0;
    if (pos + neg < minCount) continue;
    const w = Math.log((pos + alpha) / (totals.true + 2 * alpha)) - Math.log((neg + alpha) / (totals.false + 2 * alpha));
    if (Math.abs(w) >= minWeight) weights[f] = Math.round(w * 1000) / 1000;
  }
  return { bias: 0, weights };
}

/**
 * Trains the weights by L2-regularised logistic regression (batch gradient descent over the
 * sparse features), starting from nothing. Class weights balance the two classes.
 * Features seen fewer than `minCount` times are left out.
 */
export function trainLogistic(examples: readonly TextExample[], epochs = 150, rate = 0.5, l2 = 1e-4, minCount = 2): { bias: number; weights: Record<string, number> } {
  const counts = new Map<string, number>();
  const rows = examples.map((ex) => [...textFeatures(ex.text)]);
  for (const r of rows) for (const f of r) counts.set(f, (counts.get(f) ?? 0) + 1);
  const index = new Map<string, number>();
  for (const [f, c] of counts) if (c >= minCount) index.set(f, index.size);
  const x = rows.map((r) => r.map((f) => index.get(f)).filter((i): i is number => i !== undefined));
  const y = examples.map((ex) => (ex.positive ? 1 : 0));
  const sampleWeight = examples.map((ex) => ex.weight ?? 1);
  const positives = y.filter((v) => v === 1).length;
  const classWeight = [examples.length / (2 * Math.max(1, examples.length - positives)), examples.length / (2 * Math.max(1, positives))];
  const w = new Float64Array(index.size);
  let b = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const grad = new Float64Array(index.size);
    let gb = 0;
    x.forEach((features, i) => {
      let z = b;
      for (const j of features) z += w[j] ?? 0;
      const label = y[i] ?? 0;
      const err = (1 / (1 + Math.exp(-z)) - label) * (classWeight[label] ?? 1) * (sampleWeight[i] ?? 1);
      gb += err;
      for (const j of features) grad[j] = (grad[j] ?? 0) + err;
    });
    const n = examples.length;
    for (let j = 0; j < w.length; j++) w[j] = (w[j] ?? 0) - rate * ((grad[j] ?? 0) / n + l2 * (w[j] ?? 0));
    b -= rate * (gb / n);
  }
  const weights: Record<string, number> = {};
  for (const [f, j] of index) {
    const v = Math.round((w[j] ?? 0) * 10000) / 10000;
    if (v !== 0) weights[f] = v;
  }
  return { bias: Math.round(b * 10000) / 10000, weights };
}

