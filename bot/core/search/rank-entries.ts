/**
 * Ranks the guide entries for a question. Two signals are combined: the MiniSearch score over
 * the entry's fields (relative to the best one) and how closely the question resembles one of the
 * ways the entry is asked (its title or one of its `questions`, a cosine over rare words). Each
 * candidate also carries the features the confidence is computed from.
 */
import { normalizeForScope, readForScope, type ScopeReading } from './out-of-scope.js';
import { createTopicModel } from './topic-model.js';
import { askedForms, namingForms, type GuideEntry } from '../knowledge/types.js';
import { buildEntryIndex, type SearchIndex } from './build-index.js';
import type { FrenchAnalyzer } from './french-analyzer.js';
import type { SearchOptions } from './search-options.js';

/** A ranked entry and the features of its match. */
export interface RankedEntry {
  readonly entry: GuideEntry;
  /** The ranking score: relative MiniSearch score + `similarityWeight` × similarity + `topicWeight` × topic. */
  readonly score: number;
  /** MiniSearch score divided by the best one, in [0, 1]. */
  readonly relativeScore: number;
  /** Best cosine between the question and one of the entry's asked forms, in [0, 1]. */
  readonly similarity: number;
  /** Share of the question's words (weighted by rarity) the entry matches, in [0, 1]. */
  readonly coverage: number;
  /** The topic model's probability that the question is about this entry (topic-model.ts), in [0, 1]. */
  readonly topic: number;
}

/** Ranks entries; see {@link createEntryRanker}. */
export interface EntryRanker {
  /** The best entries for a question, best first, at most `limit` (default: all that match). */
  rank(question: string, limit?: number, reading?: ScopeReading): RankedEntry[];
  /** The entry index, for its vocabulary. */
  readonly index: SearchIndex;
}

/** How many of MiniSearch's best hits are re-ranked with the similarity; the rest are dropped. */
const rerankDepth = 50;
/** How many of the best ranked entries the topic model re-weighs (its probabilities are among them). */
const topicDepth = 10;

/**
 * The ways every entry is asked, as an inverted index: for each analysed term, the forms that
 * contain it. A question's cosine with every form is then one pass over the postings of its own
 * terms, instead of one set lookup per term, form and candidate.
 */
interface AskedForms {
  readonly postings: ReadonlyMap<string, readonly number[]>;
  /** For form i: its entry's id, its norm and its scale (1, or `learnedSimilarity` for a learned phrasing). */
  readonly entryOf: readonly string[];
  readonly norm: Float64Array;
  readonly scale: Float64Array;
}

function indexAskedForms(entries: readonly GuideEntry[], analyzer: FrenchAnalyzer, options: SearchOptions, weight: (term: string) => number): AskedForms {
  const postings = new Map<string, number[]>();
  const entryOf: string[] = [];
  const norms: number[] = [];
  const scales: number[] = [];
  for (const e of entries) {
    const learned = new Set(options.learnedQuestions[e.id] ?? []);
    for (const text of askedForms(e)) {
      const form = entryOf.length;
      const terms = new Set(analyzer.analyze(text));
      for (const t of terms) (postings.get(t) ?? postings.set(t, []).get(t)!).push(form);
      entryOf.push(e.id);
      norms.push(Math.sqrt([...terms].reduce((sum, t) => sum + weight(t), 0)));
      scales.push(learned.has(text) ? options.learnedSimilarity : 1);
    }
  }
  return { postings, entryOf, norm: Float64Array.from(norms), scale: Float64Array.from(scales) };
}

/** Builds the entry index and the asked forms of each entry. */
export function createEntryRanker(entries: readonly GuideEntry[], analyzer: FrenchAnalyzer, options: SearchOptions): EntryRanker {
  const index = buildEntryIndex(entries, analyzer, options);
  const weight = (term: string) => index.rarity(term) ** 2;
  const byId = new Map(entries.map((e) => [e.id, e]));
  const forms = indexAskedForms(entries, analyzer, options, weight);
  const topics = createTopicModel(
    new Map(entries.map((e) => [e.id, namingForms(e).map(normalizeForScope)])),
  );

  /** Best cosine between the question's terms and one asked form of each entry, by entry id. */
  const similarities = (queryTerms: readonly string[]): Map<string, number> => {
    const best = new Map<string, number>();
    const queryNorm = Math.sqrt(queryTerms.reduce((sum, t) => sum + weight(t), 0));
    if (queryNorm === 0) return best;
    const dot = new Float64Array(forms.entryOf.length);
    const touched: number[] = [];
    // A term repeated in the question counts once per occurrence, as in the plain cosine.
    for (const t of queryTerms) {
      const w = weight(t);
      for (const form of forms.postings.get(t) ?? []) {
        const sum = dot[form] ?? 0;
        if (sum === 0) touched.push(form);
        dot[form] = sum + w;
      }
    }
    for (const form of touched) {
      const norm = forms.norm[form] ?? 0;
      if (norm === 0) continue;
      const id = forms.entryOf[form] ?? '';
      const cosine = ((forms.scale[form] ?? 1) * (dot[form] ?? 0)) / (queryNorm * norm);
      if (cosine > (best.get(id) ?? 0)) best.set(id, cosine);
    }
    return best;
  };

  return {
    index,
    rank(question: string, limit?: number, reading: ScopeReading = readForScope(question)): RankedEntry[] {
      const hits = index.search(question);
      const top = hits[0]?.score ?? 0;
      if (top <= 0) return [];
      const similarity = similarities(analyzer.queryTerms(question));
      const words = analyzer.analyzeWords(question, true).map((w) => {
        const terms = [w.stem, ...w.groups];
        return { terms, weight: Math.max(...terms.map((t) => index.rarity(t))) };
      });
      const totalWeight = words.reduce((sum, w) => sum + w.weight, 0);
      const ranked: RankedEntry[] = [];
      // Similarity adds at most `similarityWeight`: hits far below the best cannot catch up.
      for (const hit of hits.slice(0, rerankDepth)) {
        const entry = byId.get(hit.id);
        if (!entry) continue;
        const matched = new Set(hit.queryTerms);
        const covered = words.reduce((sum, w) => sum + (w.terms.some((t) => matched.has(t)) ? w.weight : 0), 0);
        const relativeScore = hit.score / top;
        const sim = similarity.get(hit.id) ?? 0;
        ranked.push({
          entry,
          score: relativeScore + options.similarityWeight * sim,
          relativeScore,
          similarity: sim,
          coverage: totalWeight > 0 ? covered / totalWeight : 0,
          topic: 0,
        });
      }
      ranked.sort((a, b) => b.score - a.score);
      // Second stage: the topic model re-weighs the first few (it only adds, so the rest stay below).
      if (options.topicWeight > 0 && ranked.length > 1) {
        const head = ranked.slice(0, topicDepth);
        const p = topics.probabilities(reading.features, head.map((r) => r.entry.id));
        const reweighed = head.map((r) => ({ ...r, score: r.score + options.topicWeight * (p.get(r.entry.id) ?? 0), topic: p.get(r.entry.id) ?? 0 }));
        reweighed.sort((a, b) => b.score - a.score);
        ranked.splice(0, head.length, ...reweighed);
      }
      return limit === undefined ? ranked : ranked.slice(0, limit);
    },
  };
}
