import { describe, expect, it } from 'vitest';
import { createAnswerer } from '../../bot/core/search/create-answerer.js';
import { loadFixture } from './load-fixture.js';

const knowledge = loadFixture();
// The fixture has its own entries: the phrasings learned for the shipped guide do not apply.
const answerer = createAnswerer(knowledge, { learnedQuestions: {} });
const ids = (q: string) => answerer.decide(q).results.map((r) => r.entry.id);

describe('createAnswerer decisions on the fixture knowledge base', () => {
  it('answers a clear question with the matching entry first', () => {
    const d = answerer.decide('comment signaler une situation à la DPJ?');
    expect(d.kind).toBe('answer');
    expect(d.results[0]?.entry.id).toBe('signaler-dpj');
    expect(d.results[0]?.confidence).toBeGreaterThanOrEqual(answerer.options.answerThreshold);
  });

  it('finds an entry through a synonym of its words', () => {
    expect(ids('mon élève a un proxo')[0]).toBe('reconnaitre-proxenete');
    expect(ids('numéro de la protection de la jeunesse')[0]).toBe('signaler-dpj');
  });

  it('tolerates a typo', () => {
    expect(ids('sextorsoin faut-il payer')[0]).toBe('sextorsion-quoi-faire');
  });

  it('asks « did you mean » with up to 3 choices when two entries are close', () => {
    // A wide margin makes « close » easy to reach on the small fixture; the topic model, counted on
    // the fixture's few forms, tells the two plans apart and is left out of this mechanism test.
    const d = createAnswerer(knowledge, { learnedQuestions: {}, answerMargin: 0.5, topicWeight: 0 }).decide('plan de sécurité');
    expect(d.kind).toBe('clarify');
    expect(d.results.length).toBeGreaterThanOrEqual(2);
    expect(d.results.length).toBeLessThanOrEqual(3);
    expect(d.results.map((r) => r.entry.id).sort()).toEqual(['plan-securite-en-ligne', 'plan-securite-jeune']);
  });

  it('says it does not know when a question of the domain matches nothing', () => {
    const d = answerer.decide('prostitution juvénile statistiques');
    expect(d.kind).toBe('unknown');
  });

  it.each(['quel temps fera-t-il demain', "j'ai oublié mon mot de passe", 'recette de sauce à spaghetti', 'bonjour'])(
    'recognises « %s » as out of scope, with no results',
    (q) => {
      const d = answerer.decide(q);
      expect(d.kind).toBe('out-of-scope');
      expect(d.results).toEqual([]);
      expect(d.resources).toEqual([]);
    },
  );

  it('puts an emergency first, with 911 and the DPJ, and still gives the best entry', () => {
    const d = answerer.decide('une jeune est séquestrée par son pimp en ce moment');
    expect(d.kind).toBe('emergency');
    expect(d.danger).toEqual({ safety: 'emergency', immediate: true, lifeAtRisk: false });
    expect(d.safetyResources.map((r) => r.id).slice(0, 2)).toEqual(['urgence-fixture', 'dpj-fixture']);
    expect(d.safetyResources.map((r) => r.id)).not.toContain('suicide-fixture');
    expect(d.results[0]?.entry.id).toBe('reconnaitre-proxenete');
  });

  it('adds the suicide line when a life is at risk, even for an otherwise off-domain message', () => {
    const d = answerer.decide('elle veut mourir ce soir');
    expect(d.kind).toBe('emergency');
    expect(d.danger.lifeAtRisk).toBe(true);
    expect(d.safetyResources.map((r) => r.id).slice(0, 2)).toEqual(['urgence-fixture', 'suicide-fixture']);
  });

  it('lists resources when the question asks for a number, and none otherwise', () => {
    expect(answerer.decide('c’est quoi le numéro pour signaler à la DPJ').resources[0]?.id).toBe('dpj-fixture');
    expect(answerer.decide('ligne pour les parents').resources[0]?.id).toBe('parents-fixture');
    expect(answerer.decide('comment signaler une situation à la DPJ?').resources).toEqual([]);
  });

  it('gives confidences in [0, 1] that never rise down the ranking', () => {
    const { candidates } = answerer.analyze('jeune en fugue recrutée par un pimp');
    expect(candidates.length).toBeGreaterThan(2);
    for (const [i, c] of candidates.entries()) {
      expect(c.confidence).toBeGreaterThanOrEqual(0);
      expect(c.confidence).toBeLessThanOrEqual(1);
      if (i > 0) expect(c.confidence).toBeLessThanOrEqual(candidates[i - 1]?.confidence ?? 1);
    }
  });

  it('follows its options: with an unreachable answer threshold it never answers directly', () => {
    const strict = createAnswerer(knowledge, { learnedQuestions: {}, answerThreshold: 1.01 });
    expect(strict.decide('comment signaler une situation à la DPJ?').kind).toBe('clarify');
    expect(strict.options.boosts.title).toBe(answerer.options.boosts.title);
  });

  it('remembers a decision by question text: the same text gets the same decision, as analyzed', () => {
    const question = 'une jeune en fugue recrutée par un pimp, qui appeler?';
    const first = answerer.decide(question);
    expect(answerer.decide(question)).toBe(first);
    expect(first).toEqual(answerer.analyze(question).decision);
    // Another text is decided on its own.
    expect(answerer.decide(`${question} `)).not.toBe(first);
  });

  it('forgets the oldest decisions past its size, and never caches with a size of 0', () => {
    const small = createAnswerer(knowledge, { learnedQuestions: {}, decisionCacheSize: 1 });
    const first = small.decide('comment signaler une situation à la DPJ?');
    small.decide('plan de sécurité');
    const again = small.decide('comment signaler une situation à la DPJ?');
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
    const none = createAnswerer(knowledge, { learnedQuestions: {}, decisionCacheSize: 0 });
    expect(none.decide('plan de sécurité')).not.toBe(none.decide('plan de sécurité'));
  });

  it('keeps a text out of the cache when asked not to remember it (a text that seems to identify someone)', () => {
    const question = 'Léa Tremblay, 14 ans, est recrutée par un pimp, qui appeler?';
    const unremembered = answerer.decide(question, false);
    expect(answerer.decide(question, false)).not.toBe(unremembered);
    // Nothing was stored: the first remembered call decides anew, the next one reuses it.
    const remembered = answerer.decide(question);
    expect(remembered).not.toBe(unremembered);
    expect(remembered).toEqual(unremembered);
    expect(answerer.decide(question)).toBe(remembered);
  });

  it('starts with an empty cache when the knowledge base is loaded again (a new answerer)', () => {
    const question = 'comment signaler une situation à la DPJ?';
    const before = answerer.decide(question);
    const reloaded = createAnswerer({ ...knowledge, entries: knowledge.entries.filter((e) => e.id !== 'signaler-dpj') }, { learnedQuestions: {} });
    expect(reloaded.decide(question).results.map((r) => r.entry.id)).not.toContain('signaler-dpj');
    expect(before.results[0]?.entry.id).toBe('signaler-dpj');
  });
});
