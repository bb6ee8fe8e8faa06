/** The one shape of a feature and the mounter that puts the list together. */
import { describe, expect, it } from 'vitest';
import { baliseFeatures } from '../../bot/teams/balise-features.js';
import { listCardTemplates, renderCard } from '../../bot/teams/cards/render-card.js';
import { checkFeatures, FeatureMountError, startFeatures, type Feature } from '../../bot/teams/feature.js';
import { appRig } from '../security/app-rig.js';

const render = (_payload: unknown, t: Parameters<typeof renderCard>[1]) => renderCard('unknown', t);

describe('features', () => {
  it('mounts every feature of Balise in one list, the question catch-all last', () => {
    const { deps } = appRig({ local: true });
    const names = baliseFeatures(deps).map((f) => f.name);
    expect(names).toEqual(['welcome-help', 'resources', 'message-extension', 'trainings', 'consultations', 'ask']);
  });

  it('puts extra features after the commands and before the catch-all', () => {
    const { deps } = appRig({ local: true });
    const names = baliseFeatures(deps, { extra: [{ name: 'sixth' }] }).map((f) => f.name);
    expect(names.slice(-2)).toEqual(['sixth', 'ask']);
  });

  it('gives every shipped card template but the error card to a feature that declares it', () => {
    const { deps } = appRig({ local: true });
    const declared = new Set(baliseFeatures(deps).flatMap((f) => f.cards ?? []));
    expect(listCardTemplates().filter((name) => !declared.has(name))).toEqual(['error']);
  });

  it('puts the payload renderers of every feature together for the sender', () => {
    const { deps } = appRig({ local: true });
    const kinds = [...checkFeatures(baliseFeatures(deps)).keys()];
    expect(kinds.some((k) => k.startsWith('training'))).toBe(true);
    expect(kinds.some((k) => k.startsWith('consultation'))).toBe(true);
  });

  it('refuses two features rendering the same payload kind', () => {
    const a: Feature = { name: 'a', payloadRenderers: [['note', render]] };
    const b: Feature = { name: 'b', payloadRenderers: [['note', render]] };
    expect(() => checkFeatures([a, b])).toThrow(FeatureMountError);
    expect(() => checkFeatures([a, b])).toThrow('features: payload kind "note" is rendered by both "a" and "b"');
  });

  it('refuses two features of the same name and an unknown card template', () => {
    expect(() => checkFeatures([{ name: 'a' }, { name: 'a' }])).toThrow('features: duplicate feature "a"');
    expect(() => checkFeatures([{ name: 'a', cards: ['no-such-card'] }])).toThrow('unknown card template "no-such-card"');
  });

  it('checks that every catalogue a feature speaks with is whole in French and in English', () => {
    const { deps } = appRig({ local: true });
    const features = baliseFeatures(deps);
    expect(features.every((f) => (f.messages ?? []).length > 0)).toBe(true);
    expect(() => checkFeatures(features)).not.toThrow();
    const lacking: Feature = { name: 'sixth', messages: [['sixth', (language) => (language === 'en' ? { title: 'Title' } : { title: 'Titre', hint: 'Astuce' })]] };
    expect(() => checkFeatures([lacking])).toThrow(/catalogue "sixth", which lacks hint \(en\)/);
    const notText: Feature = { name: 'seventh', messages: [['seventh', () => ({ title: 3 })]] };
    expect(() => checkFeatures([notText])).toThrow(/title \(not a text\)/);
  });

  it('starts features in list order and stops them in reverse order', async () => {
    const calls: string[] = [];
    const feature = (name: string): Feature => ({ name, start: async () => void calls.push(`start ${name}`), stop: async () => void calls.push(`stop ${name}`) });
    const stop = await startFeatures([feature('a'), feature('b')]);
    await stop();
    expect(calls).toEqual(['start a', 'start b', 'stop b', 'stop a']);
  });
});
