/**
 * Builds the MiniSearch indexes: one over the guide entries (title, questions, keywords, answer,
 * English version) and a small one over the referral resources (name, description, needs).
 * Both run every text through the same {@link FrenchAnalyzer}.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import type { GuideEntry, Need, Resource } from '../knowledge/types.js';
import { synonymMarker, type FrenchAnalyzer } from './french-analyzer.js';
import type { SearchOptions } from './search-options.js';

/** The words a worker uses for each resource need, indexed with the resource. */
export const needWords: Readonly<Record<Need, string>> = {
  urgence: 'urgence danger immédiat 911',
  signalement: 'signalement signaler',
  jeunes: 'jeunes ados adolescents',
  victimes: 'victimes aide aux victimes',
  cyber: 'cyber en ligne internet images photos',
  garcons: 'garçons gars',
  lgbtq: 'LGBTQ+ trans gai queer',
  parents: 'parents famille',
  hebergement: 'hébergement refuge loger',
  police: 'police plainte',
  juridique: 'juridique droit avocat',
  suicide: 'suicide détresse',
  intervenants: 'intervenants professionnels',
};

/** One ranked hit: the id, its score and the query terms it matched. */
export interface IndexHit {
  readonly id: string;
  readonly score: number;
  readonly queryTerms: readonly string[];
}

/** A built index and the query function that uses the search options. */
export interface SearchIndex {
  /** Ranked hits for a question, best first. */
  search(question: string): IndexHit[];
  /** Inverse document frequency of an index term over whole documents, in [0, 1] (1 for an unknown term). */
  rarity(term: string): number;
  /** True when some document holds the term. */
  knows(term: string): boolean;
  /** How many documents the index holds. */
  readonly size: number;
}

type Doc = Record<string, string> & { id: string };

/**
 * Indexes `docs` and returns the query function. Each query term is weighted by its inverse
 * document frequency over whole documents: MiniSearch computes IDF per field, so a word found in
 * every entry (« exploitation ») would otherwise weigh a lot in the few titles that hold it.
 */
function indexDocuments(docs: readonly Doc[], fields: string[], analyzer: FrenchAnalyzer, options: SearchOptions, boost: Record<string, number>): SearchIndex {
  const analyzed = new Map<string, string[]>();
  const documentFrequency = new Map<string, number>();
  for (const doc of docs) {
    const terms = new Set<string>();
    for (const field of fields) {
      const text = doc[field] ?? '';
      const fieldTerms = analyzed.get(text) ?? analyzer.analyze(text);
      analyzed.set(text, fieldTerms);
      for (const t of fieldTerms) terms.add(t);
    }
    for (const t of terms) documentFrequency.set(t, (documentFrequency.get(t) ?? 0) + 1);
  }
  const index = new MiniSearch<Doc>({ fields, storeFields: [], tokenize: (text) => analyzed.get(text) ?? analyzer.analyze(text), processTerm: (term) => term });
  index.addAll(docs);
  analyzed.clear();

  const count = Math.max(1, docs.length);
  const maxIdf = Math.log(1 + count / 0.5);
  const rarity = (term: string) => {
    const df = documentFrequency.get(term) ?? 0;
    return Math.min(1, Math.log(1 + (count - df + 0.5) / (df + 0.5)) / maxIdf);
  };
  // Typo tolerance is for words the index does not know; known words match exactly.
  const isUnknownWord = (term: string) => !term.startsWith(synonymMarker) && !/\d/.test(term) && !documentFrequency.has(term);
  return {
    size: index.documentCount,
    rarity,
    knows: (term) => documentFrequency.has(term),
    search(question: string): IndexHit[] {
      const results: SearchResult[] = index.search(question, {
        boost,
        fuzzy: (term) => (isUnknownWord(term) && term.length >= options.fuzzyMinLength ? options.fuzzy : false),
        maxFuzzy: options.maxFuzzy,
        prefix: (term) => isUnknownWord(term) && term.length >= options.prefixMinLength,
        boostTerm: (term) => rarity(term) ** options.idfExponent,
        tokenize: (text) => analyzer.queryTerms(text),
      });
      return results.map((r) => ({ id: String(r.id), score: r.score, queryTerms: r.queryTerms }));
    },
  };
}

/** Indexes the guide entries with the field boosts of `options`. */
export function buildEntryIndex(entries: readonly GuideEntry[], analyzer: FrenchAnalyzer, options: SearchOptions): SearchIndex {
  // The English version goes into the same fields: a question in English meets its title first.
  const docs = entries.map((e) => ({
    id: e.id,
    title: [e.title, e.en?.title ?? ''].join('\n'),
    questions: [...e.questions, ...(e.en?.questions ?? [])].join('\n'),
    keywords: e.keywords.join('\n'),
    answer: [e.answer, e.en?.answer ?? ''].join('\n'),
  }));
  return indexDocuments(docs, ['title', 'questions', 'keywords', 'answer'], analyzer, options, { ...options.boosts });
}

/** Indexes the referral resources: name, description, and the words of their needs. */
export function buildResourceIndex(resources: readonly Resource[], analyzer: FrenchAnalyzer, options: SearchOptions): SearchIndex {
  const docs = resources.map((r) => ({
    id: r.id,
    name: [r.name, r.en?.name ?? ''].join('\n'),
    description: [r.description, r.en?.description ?? ''].join('\n'),
    needs: r.needs.map((n) => needWords[n]).join('\n'),
  }));
  return indexDocuments(docs, ['name', 'description', 'needs'], analyzer, options, { ...options.resourceBoosts });
}
