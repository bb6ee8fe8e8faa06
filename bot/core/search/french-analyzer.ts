/**
 * French text analysis shared by documents and questions: case and accent folding, elisions,
 * stop words, Snowball French stemming and the knowledge base's synonym groups (multi-word
 * phrases included). The same analyzer runs on both sides, so « DPJ » in a question meets
 * « protection de la jeunesse » in an answer. Slightly over 200 lines on purpose: the steps of one
 * word's analysis (fold, elide, stop, correct, stem, group) are read in order in one place.
 */
import { createRequire } from 'node:module';
import { createSpellingCorrector } from './correct-spelling.js';
import { foldText, straightenApostrophes } from '../text/fold-text.js';
import { isFrenchWord } from './french-lexicon.js';
import { stopWords } from './stop-words.js';

interface SnowballStemmer {
  stem(word: string): string;
}
// snowball-stemmers ships no type declarations; its one function is typed here.
const snowball = createRequire(import.meta.url)('snowball-stemmers') as { newStemmer(language: string): SnowballStemmer };

/** Marks a synonym-group token, so it is never confused with a word and never fuzzied. */
export const synonymMarker = '~';

/** Elided articles and conjunctions: « l'emprise », « qu'elle », « jusqu'à », « lorsqu'il ». */
const elision = /(^|[^\p{L}])(?:l|d|qu|j|m|t|s|n|c|jusqu|lorsqu|puisqu|quoiqu)'(?=\p{L})/gu;
/** A word: letters and digits, keeping the dots of article numbers such as 286.1 or 172.1. */
const wordPattern = /[\p{L}\p{N}]+(?:\.\p{N}+)*/gu;

export { foldText } from '../text/fold-text.js';

/** Splits a text into lower-case words (accents kept), dropping elisions; typographic apostrophes count. */
export function splitWords(text: string): string[] {
  const lower = straightenApostrophes(text.toLowerCase().normalize('NFC'));
  return (lower.replace(elision, '$1').match(wordPattern) ?? []).filter((w) => w.length > 1 || /\d/.test(w));
}

/** Productive prefixes split off their word, so « cyber » alone meets « cyberprédation ». */
const compoundPrefixes = ['cyber'];

function splitCompound(word: string): string[] {
  const prefix = compoundPrefixes.find((p) => word.startsWith(p) && word.length > p.length + 2);
  return prefix ? [prefix, word] : [word];
}

/**
 * Words the Snowball stemmer would merge with an unrelated word, kept whole (a stemmer override
 * dictionary, as search engines keep one): « souteneur » is not « soutenir », « copine » is not
 * « copie », « gars » is not « garer ».
 */
export const stemOverrides: ReadonlyMap<string, string> = new Map([
  ['souteneur', 'souteneur'], ['souteneurs', 'souteneur'], ['copine', 'copine'], ['copines', 'copine'], ['copain', 'copain'], ['copains', 'copain'],
  ['gars', 'gars'], ['chum', 'chum'], ['chums', 'chum'], ['blonde', 'blonde'], ['blondes', 'blonde'],
]);

/** How many word stems an analyzer remembers before starting afresh. */
const maxCachedStems = 100_000;

/** Options of {@link createFrenchAnalyzer}. */
export interface AnalyzerOptions {
  /** Groups of equivalent terms or phrases (the knowledge base's `synonyms`). Default: none. */
  readonly synonyms?: ReadonlyArray<readonly string[]>;
  /**
   * The texts of the knowledge base. Their accented spellings teach the analyzer how to stem the
   * same words typed without accents (« securite » is stemmed like « sécurité »), and their words
   * are the dictionary that corrects typos in questions. Default: none.
   */
  readonly lexiconTexts?: Iterable<string>;
}

/** One content word of a text and the index terms that stand for it. */
export interface AnalyzedWord {
  readonly word: string;
  readonly stem: string;
  /** Tokens of the synonym groups this word belongs to (alone or inside a phrase). */
  readonly groups: readonly string[];
}

/** The analyzer built by {@link createFrenchAnalyzer}. */
export interface FrenchAnalyzer {
  /** Index terms of a document: stems of its content words, then one token per synonym-group mention. */
  analyze(text: string): string[];
  /** Terms of a question, typos corrected, without repeats: each word's stem and synonym groups. */
  queryTerms(text: string): string[];
  /**
   * The content words of a text with their stems and synonym groups; with `correct`, words the
   * lexicon texts never use are first corrected to the closest word they use.
   */
  analyzeWords(text: string, correct?: boolean): AnalyzedWord[];
  /** The stem of one word, accent-free; empty for a stop word. */
  stemWord(word: string): string;
}

interface CompiledGroup {
  readonly token: string;
  readonly phrases: ReadonlyArray<readonly string[]>;
}

/** Builds an analyzer; see {@link AnalyzerOptions}. */
export function createFrenchAnalyzer(options: AnalyzerOptions = {}): FrenchAnalyzer {
  const stemmer = snowball.newStemmer('french');
  // Stemming is the costly step; a text repeats its words, so stems are remembered (bounded).
  const stemCache = new Map<string, string>();
  const stemAccented = (word: string) => {
    let stem = stemCache.get(word);
    if (stem === undefined) {
      if (stemCache.size > maxCachedStems) stemCache.clear();
      stem = foldText(stemmer.stem(word));
      stemCache.set(word, stem);
    }
    return stem;
  };

  // The stem of an accented spelling is better than the stem of its folded form (« exploitée »
  // gives « exploit », « exploitee » gives « exploite »); remember it for accent-free typing.
  const lexicon = new Map<string, string>();
  const knownStems = new Set<string>();
  const wordCounts = new Map<string, number>();
  for (const text of options.lexiconTexts ?? []) {
    for (const word of splitWords(text)) {
      const folded = foldText(word);
      const stem = lexicon.get(folded) ?? stemAccented(word);
      if (folded !== word && !lexicon.has(folded)) lexicon.set(folded, stem);
      knownStems.add(stem);
      wordCounts.set(folded, (wordCounts.get(folded) ?? 0) + 1);
    }
  }
  const spelling = createSpellingCorrector(wordCounts);

  const stemWord = (word: string): string => {
    const folded = foldText(word);
    if (stopWords.has(folded)) return '';
    if (/\d/.test(folded)) return folded;
    const override = stemOverrides.get(folded);
    if (override) return override;
    const stem = lexicon.get(folded) ?? stemAccented(word);
    // Snowball keeps the plural verb ending -ent (« recrutent »); drop it when the rest is a
    // stem the texts already use (« recrut »), unless the word is also an adjective or a noun
    // with a feminine in -ente (« violent », « parent »): those stay whole.
    if (stem === folded && folded.endsWith('ent') && knownStems.has(folded.slice(0, -3)) && !isFrenchWord(`${folded}e`)) return folded.slice(0, -3);
    // Without its accent, a past participle keeps an -e (« exploitee » → « exploite »): drop it
    // when the texts know the shorter stem.
    if (!knownStems.has(stem) && stem.endsWith('e') && knownStems.has(stem.slice(0, -1))) return stem.slice(0, -1);
    return stem;
  };

  /**
   * A question word the texts never use is replaced by the closest word they use (« divulgaton »),
   * unless it is a French word (« vendre » is not a typo of « tendre »).
   */
  const corrections = new Map<string, string>();
  const correctWord = (word: string): string => {
    const stem = stemWord(word);
    if (stem === '' || knownStems.size === 0 || knownStems.has(stem) || /\d/.test(word) || isFrenchWord(word)) return word;
    let corrected = corrections.get(word);
    if (corrected === undefined) {
      if (corrections.size > maxCachedStems) corrections.clear();
      corrected = spelling(foldText(word)) ?? word;
      corrections.set(word, corrected);
    }
    return corrected;
  };

  const stemsOf = (text: string, correct = false) =>
    splitWords(text)
      .flatMap(splitCompound)
      .map((w) => (correct ? correctWord(w) : w))
      .map((w) => ({ word: w, stem: stemWord(w) }))
      .filter((w) => w.stem !== '');

  const groups: CompiledGroup[] = (options.synonyms ?? []).map((group, index) => {
    const phrases = group.map((term) => stemsOf(term).map((w) => w.stem)).filter((p) => p.length > 0);
    const head = phrases[0]?.join('_') ?? String(index);
    return { token: `${synonymMarker}${head}`, phrases };
  });

  const phrasesByFirstStem = new Map<string, Array<{ token: string; phrase: readonly string[] }>>();
  for (const group of groups) {
    for (const phrase of group.phrases) {
      const first = phrase[0] ?? '';
      phrasesByFirstStem.set(first, [...(phrasesByFirstStem.get(first) ?? []), { token: group.token, phrase }]);
    }
  }

  const analyzeWords = (text: string, correct = false): AnalyzedWord[] => {
    const words = stemsOf(text, correct);
    const stems = words.map((w) => w.stem);
    const found = words.map(() => [] as string[]);
    stems.forEach((first, start) => {
      for (const { token, phrase } of phrasesByFirstStem.get(first) ?? []) {
        if (!phrase.every((stem, k) => stems[start + k] === stem)) continue;
        for (let k = 0; k < phrase.length; k++) {
          const slot = found[start + k];
          if (slot && !slot.includes(token)) slot.push(token);
        }
      }
    });
    return words.map((w, i) => ({ word: w.word, stem: w.stem, groups: found[i] ?? [] }));
  };

  const analyze = (text: string): string[] => {
    const words = analyzeWords(text);
    // A group token counts once per phrase occurrence, not once per word of the phrase.
    const groupTokens: string[] = [];
    words.forEach((w, i) => {
      for (const t of w.groups) if (!(words[i - 1]?.groups.includes(t) ?? false)) groupTokens.push(t);
    });
    return [...words.map((w) => w.stem), ...groupTokens];
  };

  const queryTerms = (text: string): string[] => {
    const terms = analyzeWords(text, true).flatMap((w) => [w.stem, ...w.groups]);
    return [...new Set(terms)];
  };

  return { analyze, queryTerms, analyzeWords, stemWord };
}
