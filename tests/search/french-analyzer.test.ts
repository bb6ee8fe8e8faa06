import { describe, expect, it } from 'vitest';
import { createFrenchAnalyzer, foldText, splitWords } from '../../bot/core/search/french-analyzer.js';

const lexiconTexts = ['La sécurité des jeunes exploitées', 'recruter, le recrutement', 'la divulgation', 'la sextorsion'];
const analyzer = createFrenchAnalyzer({
  lexiconTexts,
  synonyms: [
    ['dpj', 'directeur de la protection de la jeunesse', 'protection de la jeunesse'],
    ['pimp', 'proxénète', 'proxo'],
  ],
});

describe('french analyzer', () => {
  it('folds case, accents and ligatures', () => {
    expect(foldText('Élève ŒUVRE Garçon àéèêëîïôùç')).toBe('eleve oeuvre garcon aeeeeiiouc');
  });

  it('removes elisions, with straight or typographic apostrophes', () => {
    expect(splitWords("L’exploitation d'une jeune qu'elle jusqu'à lorsqu'il puisqu'on c'est n'a s'est m'a t'as j'ai")).toEqual([
      'exploitation', 'une', 'jeune', 'elle', 'il', 'on', 'est', 'a', 'est', 'a', 'as', 'ai',
    ].filter((w) => w.length > 1));
    expect(analyzer.analyze('l’exploitation')).toEqual(analyzer.analyze('exploitation'));
  });

  it('drops French and English stop words', () => {
    expect(analyzer.analyze("c'est quoi le plan de la semaine pour les jeunes")).toEqual(['plan', 'semain', 'jeun']);
    expect(analyzer.analyze('what is the plan')).toEqual(['plan']);
  });

  it('stems inflected forms to the same term, including the -ent plural of verbs', () => {
    const stem = analyzer.stemWord('recrutement');
    expect(analyzer.stemWord('recruter')).toBe(stem);
    expect(analyzer.stemWord('recrutent')).toBe(stem);
    expect(analyzer.stemWord('parent')).not.toBe('par');
  });

  it('stems words typed without accents like their accented spelling in the texts', () => {
    expect(analyzer.stemWord('securite')).toBe(analyzer.stemWord('sécurité'));
    expect(analyzer.stemWord('exploitee')).toBe(analyzer.stemWord('exploitée'));
    expect(analyzer.stemWord('EXPLOITÉES')).toBe(analyzer.stemWord('exploitation'));
  });

  it('gives an abbreviation and its multi-word expansion a shared synonym term', () => {
    const short = analyzer.queryTerms('DPJ');
    const long = analyzer.analyze('un signalement au Directeur de la protection de la jeunesse');
    expect(short.some((t) => long.includes(t))).toBe(true);
    expect(analyzer.analyze('la jeunesse et sa protection').some((t) => short.includes(t))).toBe(false);
  });

  it('makes slang and its standard word meet', () => {
    const slang = analyzer.queryTerms('son proxo');
    expect(analyzer.analyze('un proxénète').some((t) => slang.includes(t))).toBe(true);
    expect(analyzer.analyze('le pimp').some((t) => slang.includes(t))).toBe(true);
  });

  it('corrects a typo in a question to the closest word of the texts', () => {
    expect(analyzer.queryTerms('divulgaton')).toEqual([analyzer.stemWord('divulgation')]);
    expect(analyzer.queryTerms('sextorsionn')).toEqual([analyzer.stemWord('sextorsion')]);
  });

  it('keeps article numbers whole', () => {
    expect(analyzer.analyze('article 286.1(2) du Code')).toContain('286.1');
  });

  it('splits the cyber- prefix so « cyber » alone meets the compounds', () => {
    expect(analyzer.analyze('cyberprédation')).toContain(analyzer.stemWord('cyber'));
  });
});
