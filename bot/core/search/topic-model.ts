/**
 * A topic model for the ranking's second stage: multinomial naive Bayes over the word, word-pair
 * and character n-gram features of text-classifier.ts, one class per guide entry, counted from the
 * entry's own forms (title, questions, keywords, English title and questions) and the workers'
 * phrasings learned from the tuning halves. It is counted when the answerer is built (no file):
 * it always matches the knowledge base. Character n-grams read SMS spellings and typos the
 * analyser's stems miss. Its probability is added to the ranking score with `topicWeight`; the
 * weight and the temperature were chosen by 5-fold cross-validation on the tuning questions
 * (scripts/cross-validate-ranking.ts).
 */
import { textFeatures } from './text-classifier.js';

/** Additive smoothing of the feature counts. */
const alpha = 0.1;
/** The mean log-likelihood per feature is multiplied by this before the softmax. */
const temperature = 10;

/** P(entry | question) among the given entries, from the question's features (`textFeatures` of its normalised text). */
export interface TopicModel {
  probabilities(features: ReadonlySet<string>, among: readonly string[]): Map<string, number>;
}

/** Counts the model from each entry's texts (entry id → texts), already normalised. */
export function createTopicModel(textsByEntry: ReadonlyMap<string, readonly string[]>): TopicModel {
  // Features are numbered once; each entry keeps its own counts by feature number, so a question
  // costs one string lookup per feature plus one number lookup per feature and candidate, whatever
  // the size of the guide.
  const featureIds = new Map<string, number>();
  const counted = new Map<string, { counts: Map<number, number>; total: number }>();
  for (const [id, texts] of textsByEntry) {
    const counts = new Map<number, number>();
    let total = 0;
    for (const text of texts) {
      for (const f of textFeatures(text)) {
        const n = featureIds.get(f) ?? featureIds.set(f, featureIds.size).get(f)!;
        counts.set(n, (counts.get(n) ?? 0) + 1);
        total++;
      }
    }
    counted.set(id, { counts, total });
  }
  // log P(f | entry) = log((n + α) / (T + αV)) = log(α / (T + αV)) + log((n + α) / α): an entry's
  // score is its « unseen » value for every feature plus a bonus for each feature it has.
  const models = new Map(
    [...counted].map(([id, { counts, total }]) => [
      id,
      { unseen: Math.log(alpha / (total + alpha * featureIds.size)), bonus: new Map([...counts].map(([n, c]) => [n, Math.log((c + alpha) / alpha)])) },
    ]),
  );

  return {
    probabilities(questionFeatures, among) {
      const features: number[] = [];
      for (const f of questionFeatures) {
        const n = featureIds.get(f);
        if (n !== undefined) features.push(n);
      }
      const result = new Map<string, number>();
      if (features.length === 0) return result;
      const scored = among.flatMap((id) => {
        const model = models.get(id);
        if (!model) return [];
        let logLikelihood = model.unseen * features.length;
        for (const n of features) logLikelihood += model.bonus.get(n) ?? 0;
        return [{ id, scaled: (logLikelihood / features.length) * temperature }];
      });
      const max = Math.max(...scored.map((x) => x.scaled));
      const sum = scored.reduce((acc, x) => acc + Math.exp(x.scaled - max), 0);
      for (const x of scored) result.set(x.id, Math.exp(x.scaled - max) / sum);
      return result;
    },
  };
}
