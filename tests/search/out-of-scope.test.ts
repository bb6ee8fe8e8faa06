import { describe, expect, it } from 'vitest';
import { createAnswerer } from '../../bot/core/search/create-answerer.js';
import { createFrenchAnalyzer } from '../../bot/core/search/french-analyzer.js';
import { createScopeCheck } from '../../bot/core/search/out-of-scope.js';
import { loadFixture } from './load-fixture.js';

const analyzer = createFrenchAnalyzer();
const vocabulary = new Set(analyzer.analyze('signalement fugue proxénète sécurité plan jeune'));
const check = createScopeCheck(analyzer, (t) => vocabulary.has(t), { scopeConfidenceWeight: 0.25, minScopeScore: 0.65 });

describe('out-of-scope check', () => {
  it('measures the share of content words in the vocabulary', () => {
    expect(check('plan de sécurité', 0.9).vocabularyShare).toBe(1);
    expect(check('plan de vacances', 0.9).vocabularyShare).toBe(0.5);
  });

  it('names the off-domain topics a question mentions', () => {
    expect(check('quelle météo demain', 0.9).offDomainTopics).toEqual(['weather']);
    expect(check('mon mot de passe Outlook', 0.9).offDomainTopics).toEqual(['computing']);
    expect(check('combien de jours de vacances', 0.9).offDomainTopics).toEqual(['work']);
  });

  it('rejects a question mostly made of words the knowledge base does not use', () => {
    expect(check('horaire du traversier de Lévis', 0.1).outOfScope).toBe(true);
  });

  it('keeps a question of known words with a confident match', () => {
    expect(check('plan de sécurité pour une jeune', 0.9).outOfScope).toBe(false);
  });

  it('rejects an off-domain topic even with known words', () => {
    expect(check('plan de sécurité du wifi', 0.9).outOfScope).toBe(true);
  });

  it('keeps a question holding a core word of the domain whatever else it says', () => {
    expect(check('recrutement de mineures au match de hockey', 0.2).outOfScope).toBe(false);
    expect(check('un pimp au gym', undefined).outOfScope).toBe(false);
  });

  it('rejects a question when nothing matched and no core word is there', () => {
    expect(check('plan de sécurité', undefined).outOfScope).toBe(true);
  });
});

describe('out of scope in the answerer', () => {
  const answerer = createAnswerer(loadFixture());
  it.each(['qui a gagné le match de hockey hier', 'comment configurer mon imprimante', 'recette de muffins', 'quand est-ce que la paie est déposée'])(
    'decides out-of-scope for « %s »',
    (q) => expect(answerer.decide(q).kind).toBe('out-of-scope'),
  );

  it('does not reject an in-domain question that mentions school or the police', () => {
    expect(answerer.decide('la police et la DPJ pour une jeune en fugue').kind).not.toBe('out-of-scope');
  });
});
