import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../bot/core/knowledge/load-knowledge.js';
import { findResources, presentResource, telHref } from '../../bot/core/resources/present-resources.js';
import { repoPath } from '../../bot/paths.js';

const kb = loadKnowledge(repoPath('knowledge')).knowledge!;
const fixture = loadKnowledge(repoPath('tests', 'fixtures', 'knowledge', 'valid'), { today: new Date('2026-11-28') }).knowledge!;

describe('findResources', () => {
  it('keeps the resources of a need, those with a verified contact first', () => {
    const found = findResources(kb, 'parents');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((r) => r.needs.includes('parents'))).toBe(true);
    const verified = found.map((r) => r.contacts.some((c) => c.status === 'verified'));
    expect(verified).toEqual([...verified].sort((a, b) => Number(b) - Number(a)));
  });

  it('filters by territory', () => {
    const regional = findResources(kb, 'victimes', 'Capitale-Nationale');
    expect(regional.length).toBeGreaterThan(0);
    expect(regional.every((r) => r.territory === 'Capitale-Nationale')).toBe(true);
    expect(findResources(kb, 'victimes').length).toBeGreaterThan(regional.length);
  });
});

describe('presentResource', () => {
  it('shows verified contacts as tap-to-call links and hides unverified ones with a caveat', () => {
    const view = presentResource(fixture.resourceById.get('ligne-test')!, 'fr');
    expect(view.lines).toEqual([{ text: 'Téléphone : 1 800 263-2266', href: 'tel:18002632266', markdown: '[Téléphone : 1 800 263-2266](tel:18002632266)' }]);
    expect(JSON.stringify(view)).not.toContain('555-0100');
    expect(view.caveat).toBe('Certaines coordonnées non confirmées ne sont pas affichées.');
    expect(view.verifiedOn).toBe('2026-11-01');
  });

  it('never shows a value of any contact the shipped resources mark unverified', () => {
    for (const r of kb.resources) {
      const shown = JSON.stringify(presentResource(r, 'fr')) + JSON.stringify(presentResource(r, 'en'));
      for (const c of r.contacts.filter((x) => x.status === 'unverified')) expect(shown).not.toContain(c.value);
    }
  });

  it('turns numbers and short codes into tel: links', () => {
    expect(telHref('418 661-6951')).toBe('tel:4186616951');
    expect(telHref('911')).toBe('tel:911');
  });
});
