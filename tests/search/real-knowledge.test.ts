import { describe, expect, it } from 'vitest';
import { callableNow } from '../../bot/core/resources/present-resources.js';
import { createAnswerer } from '../../bot/core/search/create-answerer.js';
import { repoPath } from '../../bot/paths.js';
import { loadOrFail } from './load-fixture.js';

const answerer = createAnswerer(loadOrFail(repoPath('knowledge')));

describe('search on the shipped knowledge base', () => {
  it.each([
    ["qu'est-ce que la sextorsion", 'sextorsion'],
    ["comment m'inscrire au volet 1", 'inscription-formation'],
    ["c'est quoi l'âge du consentement sexuel", 'age-consentement'],
    ['à quoi sert un intervenant pivot', 'role-intervenant-pivot'],
    ["l'infraction de leurre d'un enfant par internet", 'leurre-informatique'],
    ['une jeune est en fugue, quel est le risque de recrutement', 'fugue-risque'],
  ])('answers « %s » with %s', (question, id) => {
    const d = answerer.decide(question);
    expect(d.kind).toBe('answer');
    expect(d.results[0]?.entry.id).toBe(id);
  });

  it('gives what answers now first to « qui appeler la nuit? »', () => {
    const d = answerer.decide('qui appeler la nuit? le clsc est fermé');
    expect(d.resources.length).toBeGreaterThan(0);
    expect(d.resources.every(callableNow)).toBe(true);
  });

  it('carries the 911 band, 911 first, on a calm question with a danger word', () => {
    const d = answerer.decide('quelle est la peine pour la séquestration d’une mineure?');
    expect(d.danger.safety).toBe('band');
    expect(d.safetyResources[0]?.contacts.some((c) => c.value === '911')).toBe(true);
  });

  it('gives the DPJ number for « numéro de la DPJ »', () => {
    expect(answerer.decide('c’est quoi le numéro de la DPJ').resources[0]?.id).toBe('dpj-capitale-nationale');
  });
});
