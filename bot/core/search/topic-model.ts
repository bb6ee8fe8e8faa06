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

/** P(entry | question) among the given entries, from a question's features. */
export interface TopicModel {
  probabilities(normalizedQuestion: string, among: readonly string[]): Map<string, number>;
}

/** Counts the model from each entry's texts (entry id → texts), already normalised. */
export function createTopicModel(textsByEntry: ReadonlyMap<string, readonly string[]>): TopicModel {
  const ids = [...textsByEntry.keys()];
  const position = new Map(ids.map((id, i) => [id, i]));
  const totals = new Float64Array(ids.length);
  const counts = new Map<string, Map<number, number>>();
  ids.forEach((id, c) => {
    for (const text of textsByEntry.get(id) ?? []) {
      for (const f of textFeatures(text)) {
        const byEntry = counts.get(f) ?? counts.set(f, new Map()).get(f)!;
        byEntry.set(c, (byEntry.get(c) ?? 0) + 1);
        totals[c] = (totals[c] ?? 0) + 1;
      }
    }
  });
  // log P(f | entry) = log((n + α) / (T + αV)) = log(α / (T + αV)) + log((n + α) / α): an entry's
  // score is its « unseen » value for every feature plus a bonus for each feature it has. For each
  // feature, the entries that have it and their bonus: one lookup per feature of the question.
  const unseen = Float64Array.from(totals, (t) => Math.log(alpha / (t + alpha * counts.size)));
  const postings = new Map(
    [...counts].map(([f, byEntry]) => [f, { entries: Int32Array.from(byEntry.keys()), bonus: Float64Array.from(byEntry.values(), (n) => Math.log((n + alpha) / alpha)) }]),
  );

  return {
    probabilities(normalizedQuestion, among) {
      const wanted = among.map((id) => position.get(id) ?? -1).filter((c) => c >= 0);
      const result = new Map<string, number>();
      const logLikelihood = new Float64Array(ids.length);
      let known = 0;
      for (const f of textFeatures(normalizedQuestion)) {
        const list = postings.get(f);
        if (!list) continue;
        known++;
        for (let k = 0; k < list.entries.length; k++) {
          const c = list.entries[k] ?? 0;
          logLikelihood[c] = (logLikelihood[c] ?? 0) + (list.bonus[k] ?? 0);
        }
      }
      if (known === 0 || wanted.length === 0) return result;
      const scaled = wanted.map((c) => (((unseen[c] ?? 0) * known + (logLikelihood[c] ?? 0)) / known) * temperature);
      const max = Math.max(...scaled);
      const exp = scaled.map((x) => Math.exp(x - max));
      const sum = exp.reduce((a, b) => a + b, 0);
      wanted.forEach((c, i) => result.set(ids[c] ?? '', (exp[i] ?? 0) / sum));
      return result;
    },
  };
}
