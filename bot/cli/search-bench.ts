/**
 * Search benchmark: index build time and query latency (p50, p99) on the shipped knowledge base
 * and on a synthetic one of 5,000 entries made by recombining the real vocabulary, then the
 * process's peak memory. Prints figures; asserts nothing. `runSearchBench()` is called by the
 * main bench; `tsx bot/cli/search-bench.ts` runs it alone. Queries are timed after one untimed warm-up pass.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { formatProblems, loadKnowledge } from '../core/knowledge/load-knowledge.js';
import type { GuideEntry, KnowledgeBase } from '../core/knowledge/types.js';
import { createAnswerer } from '../core/search/create-answerer.js';
import { repoPath } from '../paths.js';
import { seededRandom } from './seeded-random.js';

/** Size of the synthetic knowledge base. */
export const syntheticEntryCount = 5000;
/** How many times the query list is run on each knowledge base. */
const queryRounds = 3;

/** Builds `count` entries whose texts recombine the words and sentences of the real entries. */
export function synthesizeKnowledge(real: KnowledgeBase, count: number, seed = 42): KnowledgeBase {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const words = real.entries.flatMap((e) => `${e.title} ${e.questions.join(' ')}`.split(/\s+/)).filter((w) => w.length > 0);
  const sentences = real.entries.flatMap((e) => e.answer.split(/(?<=[.!?])\s+/));
  const keywords = real.entries.flatMap((e) => e.keywords);
  const phrase = (length: number) => Array.from({ length }, () => pick(words)).join(' ');
  const entries: GuideEntry[] = Array.from({ length: count }, (_, i) => {
    const model = pick(real.entries);
    return {
      ...model,
      id: `synthetique-${i}`,
      title: phrase(4 + Math.floor(random() * 5)),
      questions: Array.from({ length: 3 + Math.floor(random() * 4) }, () => phrase(5 + Math.floor(random() * 8))),
      keywords: Array.from({ length: 4 + Math.floor(random() * 6) }, () => pick(keywords)),
      answer: Array.from({ length: 3 + Math.floor(random() * 5) }, () => pick(sentences)).join(' '),
      related: [],
      en: undefined,
    };
  });
  return { ...real, entries, entryById: new Map(entries.map((e) => [e.id, e])) };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

function measure(label: string, knowledge: KnowledgeBase, queries: readonly string[], print: (line: string) => void): void {
  const start = performance.now();
  // The decision cache is off: each round must search again, or rounds 2 and 3 would time a map lookup.
  const answerer = createAnswerer(knowledge, { decisionCacheSize: 0 });
  const buildMs = performance.now() - start;
  // One untimed pass first: the bot answers thousands of questions after start-up, so the figures
  // are those of compiled code, not of the first call to each function or regular expression.
  for (const q of queries) answerer.decide(q);
  const timings: number[] = [];
  const best = new Array<number>(queries.length).fill(Infinity);
  for (let round = 0; round < queryRounds; round++) {
    queries.forEach((q, i) => {
      const t = performance.now();
      answerer.decide(q);
      const ms = performance.now() - t;
      timings.push(ms);
      best[i] = Math.min(best[i] ?? Infinity, ms);
    });
  }
  timings.sort((a, b) => a - b);
  best.sort((a, b) => a - b);
  print(`search ${label} (${knowledge.entries.length} entrées) : index ${buildMs.toFixed(0)} ms ; requête p50 ${percentile(timings, 0.5).toFixed(2)} ms, p99 ${percentile(timings, 0.99).toFixed(2)} ms (${timings.length} requêtes)`);
  // On a shared machine, a query is sometimes paused by another process: the best of the rounds of
  // each question shows the cost of the code itself. Both are printed; neither replaces the other.
  print(`search ${label} : meilleur de ${queryRounds} passages par question : p50 ${percentile(best, 0.5).toFixed(2)} ms, p99 ${percentile(best, 0.99).toFixed(2)} ms ; charge de la machine ${loadavg()[0]?.toFixed(2)}`);
}

/** Runs the search benchmark and prints one line per figure. */
export function runSearchBench(print: (line: string) => void = console.log): void {
  const { knowledge, problems } = loadKnowledge(repoPath('knowledge'));
  if (!knowledge) {
    print(`search : base de connaissances invalide, banc annulé\n${formatProblems(problems.filter((p) => p.severity === 'error'))}`);
    return;
  }
  // Real questions: every asked form of the guide, plus a few off-domain and emergency messages.
  const queries = [
    ...knowledge.entries.flatMap((e) => e.questions),
    'quel temps fera-t-il demain',
    "j'ai oublié mon mot de passe",
    'une jeune est séquestrée par son pimp en ce moment',
  ];
  measure('base livrée', knowledge, queries, print);
  measure('base synthétique', synthesizeKnowledge(knowledge, syntheticEntryCount), queries, print);
  print(`search mémoire : pic du processus (maxRSS) ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} Mo`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) runSearchBench();
