import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { DangerModel } from '../../bot/core/search/danger-classifier.js';
import { screenByRules, screenDanger } from '../../bot/core/search/danger-screen.js';
import { repoPath } from '../../bot/paths.js';

interface DangerItem {
  q: string;
  expect: 'emergency' | 'not-emergency';
  life?: boolean;
}
const read = (...path: string[]) => parse(readFileSync(repoPath(...path), 'utf8')) as DangerItem[];
const tier = (q: string) => screenDanger(q).safety;

// The older hand-written set and the tuning half of the blind set: the locked half is only scored
// by `npm run eval`, never asserted on, so that no rule is written to pass it.
describe.each([
  ['tests/eval/danger-set.yaml', read('tests', 'eval', 'danger-set.yaml')],
  ['tests/eval/blind/danger.tuning.yaml', read('tests', 'eval', 'blind', 'danger.tuning.yaml')],
])('danger screen on %s', (_name, set) => {
  const emergencies = set.filter((i) => i.expect === 'emergency');
  const calm = set.filter((i) => i.expect === 'not-emergency');

  it('gives every emergency the emergency card', () => {
    expect(emergencies.length).toBeGreaterThan(0);
    expect(emergencies.filter((i) => tier(i.q) !== 'emergency').map((i) => i.q)).toEqual([]);
  });

  it('raises false alarms on at most 10 % of the calm messages', () => {
    expect(calm.length).toBeGreaterThan(0);
    expect(calm.filter((i) => tier(i.q) === 'emergency').length).toBeLessThanOrEqual(Math.floor(calm.length * 0.1));
  });

  it('shows 911 (card or band) on every calm message that has a danger word of a life at risk', () => {
    expect(calm.filter((i) => i.life === true && tier(i.q) === 'none').map((i) => i.q)).toEqual([]);
  });
});

// The rules alone: what the lexicon and the frames decide before the classifier may raise a tier.
describe('danger screen rules', () => {
  const tier = (q: string) => screenByRules(q).safety;

  it('reads a negated act as no emergency, but « plus souvent » as no negation', () => {
    expect(tier('il la frappe pas, donc c’est pas de l’exploitation?')).not.toBe('emergency');
    expect(tier('il ne la frappe plus depuis qu’elle est partie')).not.toBe('emergency');
    expect(tier('il la frappe plus souvent maintenant')).toBe('emergency');
  });

  it('lets a sure marker of now outweigh a past frame', () => {
    expect(tier("l'an dernier il l'a séquestrée")).toBe('band');
    expect(tier('elle a disparu il y a 3 mois et là elle est enfermée chez lui')).toBe('emergency');
  });

  it('needs a marker of now for a transfer to count', () => {
    expect(tier('pourquoi les filles sont déplacées à Montréal')).not.toBe('emergency');
    expect(tier('elle va être amenée à Montréal cette nuit')).toBe('emergency');
  });

  it('marks suicide intent as a life at risk, and talk about suicide as the band with the suicide line', () => {
    expect(screenDanger('elle dit qu’elle va se suicider')).toEqual({ safety: 'emergency', immediate: true, lifeAtRisk: true });
    expect(screenDanger('ressources en prévention du suicide')).toEqual({ safety: 'band', immediate: false, lifeAtRisk: true });
  });

  it('reads typos, missing accents and Québec or SMS spellings', () => {
    expect(tier('elle veut se suisider')).toBe('emergency');
    expect(tier('chu avec elle pis a respire pu')).toBe('emergency');
    expect(tier('elle est sekestree chez son chum mtn')).toBe('emergency');
  });

  it('reads « se couper de ses amies » and « ce dossier me suit » as figures of speech, not self-harm or stalking', () => {
    expect(screenByRules('depuis six mois elle s’est coupée de toutes ses amies, comment ça se passe?').safety).not.toBe('emergency');
    expect(screenByRules('ce dossier-là me suit jusqu’à la maison, comment vous faites?').safety).not.toBe('emergency');
    expect(screenByRules('elle s’est coupée aux poignets, elle saigne').lifeAtRisk).toBe(true);
    expect(screenByRules('un gars la suit depuis l’école en ce moment').safety).toBe('emergency');
  });

  it('reads a wish to « sleep forever » or a question on how many pills are too many as a life at risk', () => {
    expect(screenByRules('elle dit qu’elle veut juste dormir pour toujours').lifeAtRisk).toBe(true);
    expect(screenByRules('il m’a demandé combien de comprimés c’est trop').lifeAtRisk).toBe(true);
  });

  it('reads a threat to post a youth’s photos as an emergency when it is for tonight, and as the band otherwise', () => {
    expect(screenByRules('un gars menace de mettre mes photos partout si je vais pas le voir ce soir, j’ai 14 ans').safety).toBe('emergency');
    expect(screenByRules('que faire quand un gars menace de publier des photos d’une élève?').safety).toBe('band');
  });

  it('does not take everyday words for danger words', () => {
    for (const q of ['la batterie de mon cell est morte', 'le bâtiment est fermé', 'un client violent au comptoir de la pharmacie', 'je suis morte de fatigue', 'ce dossier me tue', "j'en ai fini avec ce rapport", 'on s’est fait battre au hockey hier']) {
      expect(tier(q), q).not.toBe('emergency');
    }
  });

  it('gives the band, never nothing, to a danger word in a calm question', () => {
    expect(tier('quelle est la peine pour séquestration d’une mineure?')).toBe('band');
    expect(tier('que faire si une jeune me dit qu’elle a été droguée dans un party?')).toBe('band');
  });

  it('reads English emergencies', () => {
    expect(tier('a pimp is holding her in a motel right now and took her phone')).toBe('emergency');
    expect(tier('she texted me she wants to kill herself tonight')).toBe('emergency');
  });
});

describe('the classifier beside the rules', () => {
  const order = ['none', 'band', 'emergency'];
  it('never takes 911 away: at worst an emergency of the rules becomes the band', () => {
    for (const q of ['elle est enfermée chez lui en ce moment', 'quelle est la peine pour séquestration d’une mineure?', 'il m’a écrit qu’il veut en finir ce soir', 'je vais me pendre si je remplis encore un formulaire']) {
      const rules = screenByRules(q).safety;
      expect(order.indexOf(screenDanger(q).safety)).toBeGreaterThanOrEqual(Math.min(order.indexOf(rules), order.indexOf('band')));
    }
  });

  // A model with no weights scores every message at its bias: it isolates the veto from the words.
  const flatModel = (bias: number, vetoThreshold?: number): DangerModel => ({ bias, weights: {}, emergencyThreshold: 99, bandThreshold: 99, ...(vetoThreshold === undefined ? {} : { vetoThreshold }) });

  it('lowers a rules emergency to the band when the classifier scores it below the veto threshold', () => {
    const q = 'elle est enfermée chez lui';
    expect(screenByRules(q).safety).toBe('emergency');
    expect(screenDanger(q, flatModel(-9, -5)).safety).toBe('band');
    expect(screenDanger(q, flatModel(-4, -5)).safety).toBe('emergency');
    expect(screenDanger(q, flatModel(-9)).safety).toBe('emergency');
  });

  it('never lowers an emergency told with a sure sign of now, even inside a past story', () => {
    const q = 'elle a été exploitée l’an passé, c’est fini, mais ce soir elle m’écrit qu’elle veut en finir';
    expect(screenByRules(q).safety).toBe('emergency');
    expect(screenDanger(q, flatModel(-9, -5)).safety).toBe('emergency');
  });

  it('catches a message that no rule knows, from how it is written', () => {
    // None of these words is in danger-lexicon.ts; the classifier generalises from the tuning data.
    const q = 'le beau-père vient de pitcher l’ado contre le frigo devant nous autres, il arrête pas';
    expect(screenDanger(q).safety).not.toBe('none');
  });
});
