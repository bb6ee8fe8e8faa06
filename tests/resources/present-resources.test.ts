import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../bot/core/knowledge/load-knowledge.js';
import { needs, territories } from '../../bot/core/knowledge/types.js';
import { territoryChoices } from '../../bot/core/resources/need-labels.js';
import { findResources, orderAnswerResources, presentResource, presentResources, telHref } from '../../bot/core/resources/present-resources.js';
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

  it('gives a territory its own resources and the wider lines that serve it, narrowest first', () => {
    const regional = findResources(kb, 'victimes', 'Capitale-Nationale');
    expect(regional.some((r) => r.territory === 'Capitale-Nationale')).toBe(true);
    expect(regional.some((r) => r.territory === 'Québec')).toBe(true);
    const national = findResources(kb, 'cyber', 'Canada');
    expect(national.every((r) => r.territory === 'Canada')).toBe(true);
  });

  it('shows, for every need and every territory choice, something the worker can act on now', () => {
    const empty: string[] = [];
    for (const need of needs) {
      for (const territory of [undefined, ...territories]) {
        const found = findResources(kb, need, territory);
        if (!found.some((r) => r.contacts.some((c) => c.status === 'verified'))) empty.push(`${need}/${territory ?? 'tous'}`);
      }
    }
    expect(empty).toEqual([]);
  });

  it('puts the DPJ and its number under Hébergement, where the text sends minors to the DPJ', () => {
    const shelter = findResources(kb, 'hebergement', 'Capitale-Nationale');
    expect(shelter[0]?.id).toBe('dpj-capitale-nationale');
  });

  it('names territories so that « Québec » cannot be read as the city', () => {
    for (const lang of ['fr', 'en'] as const) {
      const labels = territoryChoices(lang).map((c) => c.label);
      expect(labels).not.toContain('Québec');
      expect(labels.some((l) => /province/i.test(l))).toBe(true);
    }
  });
});

describe('orderAnswerResources', () => {
  it('puts 911 first, then the suicide line when the answer speaks of suicide, then what the text names', () => {
    const entry = kb.entryById.get('securite-immediate')!;
    const ids = orderAnswerResources(kb, entry.resources, entry.answer).map((r) => r.id);
    expect(ids.slice(0, 2)).toEqual(['urgence-911', 'prevention-suicide']);
    expect(ids).toContain('info-aide-violence-sexuelle');
  });

  it('leaves out resources with nothing confirmed to show', () => {
    const entry = kb.entryById.get('trajectoire-services')!;
    const shown = orderAnswerResources(kb, [...entry.resources, 'cavac-capitale-nationale'], entry.answer);
    expect(shown.map((r) => r.id)).not.toContain('cavac-capitale-nationale');
    expect(shown.map((r) => r.id)).toEqual(expect.arrayContaining(['info-social-811', 'pipq']));
  });
});

describe('presentResource', () => {
  it('shows verified contacts as tap-to-call links and says once per list that others are hidden', () => {
    const list = presentResources([fixture.resourceById.get('ligne-test')!], 'fr');
    expect(list.resources[0]?.lines).toEqual([{ text: 'Téléphone : 1 800 263-2266', href: 'tel:18002632266', markdown: '[Téléphone : 1 800 263-2266](tel:18002632266)' }]);
    expect(JSON.stringify(list)).not.toContain('555-0100');
    expect(list.hiddenNote).toBe('Certaines coordonnées non confirmées ne sont pas affichées.');
  });

  it('words the date as what it is: checked against the fact sheet, not confirmed with the organisation', () => {
    const { checkedNote } = presentResources([kb.resourceById.get('tel-jeunes')!], 'fr');
    expect(checkedNote).toContain('fiche factuelle');
    expect(checkedNote).toContain('2026-11-28');
    expect(checkedNote).not.toMatch(/vérifiées le/);
  });

  it('carries a contact\'s caveat to the card, in the card\'s language', () => {
    const fr = presentResource(kb.resourceById.get('dpj-capitale-nationale')!, 'fr');
    const en = presentResource(kb.resourceById.get('dpj-capitale-nationale')!, 'en');
    expect(fr.lines[1]?.note).toMatch(/Source ancienne/);
    expect(en.lines[1]?.note).toMatch(/Old source/);
    expect(fr.lines[0]?.note).toBeUndefined(); // the same caveat on both numbers is said once, under the second
  });

  it('leaks no French label into an English resource', () => {
    const shown = kb.resources.map((r) => JSON.stringify(presentResource(r, 'en'))).join('\n');
    for (const french of ['Ligne régionale', 'Texto', 'Version française', 'Capital-Nationale', 'Téléphone', 'Sans frais', 'Du lundi', 'Source ancienne', 'Clavardage']) expect(shown).not.toContain(french);
  });

  it('says whom to call instead when a resource has nothing confirmed', () => {
    for (const id of ['cavac-capitale-nationale', 'ligneparents', 'maison-de-marthe', 'maison-marie-frederic', 'aide-aux-trans-quebec']) {
      const view = presentResource(kb.resourceById.get(id)!, 'fr');
      expect(view.lines).toEqual([]);
      expect(view.caveat).toBeDefined();
      expect(view.description).toMatch(/\d{3}[ -]\d{3}-\d{4}|811/);
    }
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
