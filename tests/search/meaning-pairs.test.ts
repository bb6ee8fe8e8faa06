import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../bot/core/knowledge/load-knowledge.js';
import { createFrenchAnalyzer } from '../../bot/core/search/french-analyzer.js';
import { repoPath } from '../../bot/paths.js';

const kb = loadKnowledge(repoPath('knowledge')).knowledge!;
const analyzer = createFrenchAnalyzer({
  synonyms: kb.synonyms,
  lexiconTexts: [...kb.entries.flatMap((e) => [e.title, ...e.questions, ...e.keywords, e.answer]), ...kb.resources.flatMap((r) => [r.name, r.description])],
});
const terms = (text: string) => analyzer.queryTerms(text);

describe('the search keeps the meaning of words', () => {
  it.each([
    ['violent', 'viol'],
    ['parent', 'par'],
    ['souteneur', 'soutenir'],
    ['copine', 'copie'],
    ['vendre', 'tendre'],
    ['déclarer', 'éclater'],
    ['batterie', 'battre'],
    ['gars', 'garer'],
  ])('keeps « %s » apart from « %s »', (a, b) => {
    const shared = terms(a).filter((t) => terms(b).includes(t));
    expect(shared).toEqual([]);
  });

  it('never rewrites a French word as a typo of a word of the guide', () => {
    for (const word of ['vendre', 'déclarer', 'batterie', 'souteneur', 'copine']) {
      expect(analyzer.analyzeWords(word, true)[0]?.word).toBe(word);
    }
  });

  it('still corrects a real typo', () => {
    expect(terms('divulgaton')).toEqual(terms('divulgation'));
  });

  it('keeps « faire » in « faire chanter » and « genre » in « identité de genre »', () => {
    expect(terms('faire chanter')).not.toEqual(terms('chanter'));
    expect(terms('identité de genre')).toContain(analyzer.stemWord('genre'));
  });
});
