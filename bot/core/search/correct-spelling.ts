/**
 * Typo correction for question words: finds the knowledge base's word closest to an unknown
 * word by edit distance (one edit for words up to 7 letters, two beyond), the most frequent
 * on ties. Works on accent-free lower-case words.
 */

/** Shortest word worth correcting: shorter words are too ambiguous. */
export const minCorrectedLength = 5;

/** Levenshtein distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    previous = current;
  }
  return previous[b.length] ?? max + 1;
}

/** Builds a corrector over `wordCounts` (word → occurrences); it returns undefined when nothing is close. */
export function createSpellingCorrector(wordCounts: ReadonlyMap<string, number>): (word: string) => string | undefined {
  const byLength = new Map<number, string[]>();
  for (const word of wordCounts.keys()) {
    if (word.length < minCorrectedLength - 1 || /\d/.test(word)) continue;
    const list = byLength.get(word.length) ?? [];
    list.push(word);
    byLength.set(word.length, list);
  }
  return (word: string) => {
    if (word.length < minCorrectedLength) return undefined;
    const max = word.length <= 7 ? 1 : 2;
    let best: { word: string; distance: number; count: number } | undefined;
    for (let length = word.length - max; length <= word.length + max; length++) {
      for (const candidate of byLength.get(length) ?? []) {
        const distance = editDistance(word, candidate, max);
        if (distance > max) continue;
        const count = wordCounts.get(candidate) ?? 0;
        if (!best || distance < best.distance || (distance === best.distance && count > best.count)) best = { word: candidate, distance, count };
      }
    }
    return best?.word;
  };
}
