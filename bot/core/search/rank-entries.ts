/**
 * Ranks the guide entries for a question. Two signals are combined: the MiniSearch score over
 * the entry's fields (relative to the best one) and how closely the question resembles one of the
 * ways the entry is asked (its title or one of its `questions`, a cosine over rare words). Each
 * candidate also carries the features the confidence is computed from.
 */
import type { GuideEntry } from '../knowledge/types.js';
import { buildEntryIndex, type SearchIndex } from './build-index.js';
import type { FrenchAnalyzer } from './french-analyzer.js';
import type { SearchOptions } from './search-options.js';

/** A ranked entry and the features of its match. */
export interface RankedEntry {
  readonly entry: GuideEntry;
  /** The ranking score: relative MiniSearch score + `similarityWeight` × similarity. */
  readonly score: number;
  /** MiniSearch score divided by the best one, in [0, 1]. */
  readonly relativeScore: number;
  /** Best cosine between the question and one of the entry's asked forms, in [0, 1]. */
  readonly similarity: number;
  /** Share of the question's words (weighted by rarity) the entry matches, in [0, 1]. */
  readonly coverage: number;
}

/** Ranks entries; see {@link createEntryRanker}. */
export interface EntryRanker {
  /** The best entries for a question, best first, at most `limit` (default: all that match). */
  rank(question: string, limit?: number): RankedEntry[];
  /** The entry index, for its vocabulary. */
  readonly index: SearchIndex;
}

/** How many of MiniSearch's best hits are re-ranked with the similarity; the rest are dropped. */
const rerankDepth = 50;

interface AskedForm {
  readonly terms: ReadonlySet<string>;
  readonly norm: number;
  /** 1 for the guide's own forms, `learnedSimilarity` for a learned phrasing. */
  readonly scale: number;
}

/** Builds the entry index and the asked forms of each entry. */
export function createEntryRanker(entries: readonly GuideEntry[], analyzer: FrenchAnalyzer, options: SearchOptions): EntryRanker {
  const index = buildEntryIndex(entries, analyzer, options);
  const weight = (term: string) => index.rarity(term) ** 2;
  const formsOf = new Map<string, AskedForm[]>();
  const byId = new Map<string, GuideEntry>();
  for (const e of entries) {
    byId.set(e.id, e);
    const learned = new Set(options.learnedQuestions[e.id] ?? []);
    const texts = [e.title, ...e.questions, ...(e.en ? [e.en.title, ...(e.en.questions ?? [])] : [])];
    formsOf.set(
      e.id,
      texts.map((text) => {
        const terms = new Set(analyzer.analyze(text));
        const scale = learned.has(text) ? options.learnedSimilarity : 1;
        return { terms, norm: Math.sqrt([...terms].reduce((sum, t) => sum + weight(t), 0)), scale };
      }),
    );
  }

  /** The query's terms with their weights and norm, computed once per question. */
  const weighQuery = (queryTerms: readonly string[]) => {
    const weighted = queryTerms.map((t) => ({ t, w: weight(t) }));
    return { weighted, norm: Math.sqrt(weighted.reduce((sum, x) => sum + x.w, 0)) };
  };

  const similarity = (query: ReturnType<typeof weighQuery>, id: string): number => {
    if (query.norm === 0) return 0;
    let best = 0;
    for (const form of formsOf.get(id) ?? []) {
      if (form.norm === 0) continue;
      let dot = 0;
      for (const { t, w } of query.weighted) if (form.terms.has(t)) dot += w;
      best = Math.max(best, (form.scale * dot) / (query.norm * form.norm));
    }
    return best;
  };

  return {
    index,
    rank(question: string, limit?: number): RankedEntry[] {
      const hits = index.search(question);
      const top = hits[0]?.score ?? 0;
      if (top <= 0) return [];
      const query = weighQuery(analyzer.queryTerms(question));
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
        const sim = similarity(query, hit.id);
        ranked.push({
          entry,
          score: relativeScore + options.similarityWeight * sim,
          relativeScore,
          similarity: sim,
          coverage: totalWeight > 0 ? covered / totalWeight : 0,
        });
      }
      ranked.sort((a, b) => b.score - a.score);
      return limit === undefined ? ranked : ranked.slice(0, limit);
    },
  };
}
