import { describe, expect, it } from 'vitest';
import { createAnswerer } from '../../bot/core/search/create-answerer.js';
import { createFrenchAnalyzer } from '../../bot/core/search/french-analyzer.js';
import { createScopeCheck, storedScopeModel } from '../../bot/core/search/out-of-scope.js';
import { loadFixture } from './load-fixture.js';

const analyzer = createFrenchAnalyzer();
const vocabulary = new Set(analyzer.analyze('signalement fugue proxénète sécurité plan jeune'));
const check = createScopeCheck(analyzer, (t) => vocabulary.has(t));

describe('out-of-scope check', () => {
  it('measures the share of content words in the vocabulary, for display', () => {
    expect(check('plan de sécurité', 0.9).vocabularyShare).toBe(1);
    expect(check('plan de vacances', 0.9).vocabularyShare).toBe(0.5);
  });

  it('rejects a question when nothing matched', () => {
    expect(check('plan de sécurité', undefined).outOfScope).toBe(true);
  });

  it('follows the model: a question scoring at its threshold is out of scope', () => {
    const model = { bias: 0, weights: { 'w:wifi': 5 }, threshold: 1 };
    const withModel = createScopeCheck(analyzer, () => true, model);
    expect(withModel('le mot de passe du wifi', 0.9).outOfScope).toBe(true);
    expect(withModel('plan de sécurité pour une jeune', 0.9).outOfScope).toBe(false);
  });

  it('ships a model with a threshold chosen by cross-validation', () => {
    const model = storedScopeModel();
    expect(Number.isFinite(model.threshold)).toBe(true);
    expect(Object.keys(model.weights).length).toBeGreaterThan(100);
  });
});

describe('out of scope in the answerer', () => {
  const answerer = createAnswerer(loadFixture(), { learnedQuestions: {} });
  it.each(['qui a gagné le match de hockey hier', 'comment configurer mon imprimante', 'quand est-ce que la paie est déposée', 'comment faire un tableau croisé dynamique dans Excel'])(
    'decides out-of-scope for « %s »',
    (q) => expect(answerer.decide(q).kind).toBe('out-of-scope'),
  );

  it('does not reject an in-domain question that mentions school, the police or hockey', () => {
    expect(answerer.decide('la police et la DPJ pour une jeune en fugue').kind).not.toBe('out-of-scope');
    expect(answerer.decide('recrutement de mineures par un pimp au match de hockey').kind).not.toBe('out-of-scope');
  });
});
