/**
 * The French lexicon (about 336,000 inflected words from the `an-array-of-french-words` package),
 * folded (lower case, no accents). It tells a real word from a typo: the spelling correctors
 * never rewrite a word it knows (« copine » stays « copine », « souteneur » stays « souteneur »).
 * Loaded once, on first use.
 */
import { createRequire } from 'node:module';
import { foldText } from '../text/fold-text.js';

let lexicon: ReadonlySet<string> | undefined;

/** The folded French lexicon, loaded on first call. */
export function frenchLexicon(): ReadonlySet<string> {
  if (!lexicon) {
    const words = createRequire(import.meta.url)('an-array-of-french-words') as readonly string[];
    lexicon = new Set(words.map(foldText));
  }
  return lexicon;
}

// Questions repeat their words: the answer for each word is remembered (bounded).
const known = new Map<string, boolean>();

/** True when the folded word is a French word. */
export function isFrenchWord(word: string): boolean {
  let answer = known.get(word);
  if (answer === undefined) {
    if (known.size > 100_000) known.clear();
    answer = frenchLexicon().has(foldText(word));
    known.set(word, answer);
  }
  return answer;
}
