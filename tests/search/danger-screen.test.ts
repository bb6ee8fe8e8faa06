import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { screenDanger } from '../../bot/core/search/danger-screen.js';
import { repoPath } from '../../bot/paths.js';

interface DangerItem {
  q: string;
  expect: 'emergency' | 'not-emergency';
  life?: boolean;
}
const set = parse(readFileSync(repoPath('tests', 'eval', 'danger-set.yaml'), 'utf8')) as DangerItem[];
const emergencies = set.filter((i) => i.expect === 'emergency');
const calm = set.filter((i) => i.expect === 'not-emergency');
const isEmergency = (q: string) => {
  const d = screenDanger(q);
  return d.immediate || d.lifeAtRisk;
};

describe('danger screen on tests/eval/danger-set.yaml', () => {
  it('has both kinds of messages to check', () => {
    expect(emergencies.length).toBeGreaterThan(0);
    expect(calm.length).toBeGreaterThan(0);
  });

  it('catches every emergency (recall 1)', () => {
    expect(emergencies.filter((i) => !isEmergency(i.q)).map((i) => i.q)).toEqual([]);
  });

  it('flags every life-threatening message as a life at risk', () => {
    expect(set.filter((i) => i.life === true && !screenDanger(i.q).lifeAtRisk).map((i) => i.q)).toEqual([]);
  });

  it.each(calm.map((i) => i.q))('does not raise an emergency for a general, past or training mention: %s', (q) => {
    expect(isEmergency(q)).toBe(false);
  });
});

describe('danger screen rules', () => {
  it('reads a negated act as no danger', () => {
    expect(isEmergency('il la frappe pas, donc c’est pas de l’exploitation?')).toBe(false);
  });

  it('lets a time marker of now outweigh past framing', () => {
    expect(isEmergency("l'an dernier il l'a séquestrée")).toBe(false);
    expect(isEmergency("l'an dernier il l'a séquestrée et il la séquestre encore en ce moment")).toBe(true);
  });

  it('needs a marker of now for a transfer to count', () => {
    expect(isEmergency('pourquoi les filles sont déplacées à Montréal')).toBe(false);
    expect(isEmergency('elle va être amenée à Montréal cette nuit')).toBe(true);
  });

  it('marks suicide intent as a life at risk but not talk about suicide', () => {
    expect(screenDanger('elle dit qu’elle va se suicider')).toEqual({ immediate: true, lifeAtRisk: true });
    expect(screenDanger('ressources en prévention du suicide')).toEqual({ immediate: false, lifeAtRisk: false });
  });
});
