import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { messagesFor } from '../../bot/core/i18n/messages.js';
import { loadKnowledge } from '../../bot/core/knowledge/load-knowledge.js';
import { safetyResources } from '../../bot/core/search/match-resources.js';
import { needChoices, territoryChoices } from '../../bot/core/resources/need-labels.js';
import { renderAnswerCard, renderClarifyCard, renderEmergencyCard, renderOutOfScopeCard, renderResourcesCard, renderSafetyBand, renderUnknownCard, separateParagraphs } from '../../bot/teams/cards/answer-cards.js';
import { buttonLabel, shortenAtWord } from '../../bot/teams/cards/entry-labels.js';
import { renderErrorCard, renderHelpCard, renderWelcomeCard } from '../../bot/teams/cards/basic-cards.js';
import { renderCard, type CardAttachment } from '../../bot/teams/cards/render-card.js';
import { verbs } from '../../bot/teams/verbs.js';
import { repoPath } from '../../bot/paths.js';

const kb = loadKnowledge(repoPath('knowledge')).knowledge!;
const fr = messagesFor('fr');
const en = messagesFor('en');

/** Every Action.Submit of a card, wherever it is. */
function submits(card: CardAttachment): Array<Record<string, unknown>> {
  const found: Array<Record<string, unknown>> = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      if (o.type === 'Action.Submit') found.push(o.data as Record<string, unknown>);
      Object.values(o).forEach(walk);
    }
  };
  walk(card.content);
  return found;
}

const texts = (card: CardAttachment) => JSON.stringify(card.content);
const allVerbs = new Set<string>(Object.values(verbs));

function expectWellFormed(card: CardAttachment) {
  const json = texts(card);
  expect(json).not.toContain('${'); // every template expression was filled
  expect(card.content.type).toBe('AdaptiveCard');
  expect(Buffer.byteLength(json)).toBeLessThan(28 * 1024); // Teams' card size limit
  for (const data of submits(card)) expect(allVerbs.has(String(data.verb))).toBe(true);
}

describe('answer card', () => {
  const entry = kb.entryById.get('obligation-signalement-dpj')!;
  const card = renderAnswerCard(entry, kb, fr, 'faut-tu signaler?');

  it('shows the title, the answer, the sources and the review date', () => {
    expectWellFormed(card);
    expect(texts(card)).toContain(entry.title);
    expect(texts(card)).toContain(`révisé le ${entry.reviewedOn}`);
  });

  it('offers related topics as buttons, feedback and a consultation', () => {
    const data = submits(card);
    expect(data.filter((d) => d.verb === verbs.ask).map((d) => d.entryId)).toEqual(entry.related.slice(0, 3));
    expect(data.filter((d) => d.verb === verbs.feedback).map((d) => d.useful)).toEqual([true, false]);
    expect(data.some((d) => d.verb === verbs.consultationForm)).toBe(true);
  });

  it('never shows an unverified number among the entry\'s resources', () => {
    const withDpj = kb.entries.find((e) => e.resources.includes('dpj-capitale-nationale'))!;
    expect(texts(renderAnswerCard(withDpj, kb, fr, ''))).not.toContain('418 661-3700');
  });

  it('shows the English version when the user writes in English', () => {
    expect(texts(renderAnswerCard(entry, kb, en, ''))).toContain(entry.en!.title);
  });

  it('names at most three sources by organisation and title, as links, never by their key', () => {
    const many = kb.entryById.get('securite-immediate')!;
    const json = texts(renderAnswerCard(many, kb, fr, ''));
    const line = JSON.stringify(json.match(/Sources : [^"]*/)?.[0] ?? '');
    expect(line).toContain('GRC — ');
    expect(line).not.toMatch(/\[S\d+\]/);
    expect((line.match(/\]\(http/g) ?? []).length).toBe(3);
    expect(line).toContain(`et ${many.sources.length - 3} autres`);
  });

  it('says once per card that some contacts are hidden and what the check date means', () => {
    const json = texts(renderAnswerCard(kb.entryById.get('comment-signaler-dpj')!, kb, fr, ''));
    expect(json.split('Certaines coordonnées non confirmées').length - 1).toBe(1);
    expect(json.split('fiche factuelle de la Table').length - 1).toBe(1);
    expect(json).not.toContain('Coordonnées vérifiées le');
    expect(json).toContain('Source ancienne'); // the DPJ numbers' caveat reaches the card
  });

  it('lists the resources the text names and those that answer now first, 911 and the suicide line on top', () => {
    const json = texts(renderAnswerCard(kb.entryById.get('securite-immediate')!, kb, fr, ''));
    const at = (s: string) => json.indexOf(s);
    expect(at('tel:911')).toBeLessThan(at('tel:18662773553'));
    expect(at('tel:18662773553')).toBeLessThan(at('tel:4186616951'));
    expect(json).toContain('1 888 933-9007'); // Info-aide, which the text names
  });
});

describe('every answer card', () => {
  it('is well formed and within Teams\' size limit for every entry, in both languages', () => {
    for (const e of kb.entries) for (const t of [fr, en]) expectWellFormed(renderAnswerCard(e, kb, t, 'question'));
  });
});

describe('button labels', () => {
  it('uses each entry\'s short label on related-topic and clarify buttons, never a title cut mid-word', () => {
    const entry = kb.entryById.get('obligation-signalement-dpj')!;
    const titles = (card: CardAttachment) => (JSON.stringify(card.content).match(/"title":"[^"]*"/g) ?? []).map((t) => t.slice(9, -1));
    const clarify = titles(renderClarifyCard([entry, kb.entryById.get('sortir-emprise')!], fr));
    expect(clarify).toEqual(expect.arrayContaining([entry.label, kb.entryById.get('sortir-emprise')!.label]));
    for (const e of kb.entries) for (const lang of ['fr', 'en'] as const) expect(buttonLabel(e, lang).length).toBeLessThanOrEqual(40);
  });

  it('shortens a title without a label at a word boundary, with an ellipsis', () => {
    expect(shortenAtWord('Accompagner la sortie : ambivalence, retours, suivi à long terme', 40)).toBe('Accompagner la sortie : ambivalence…');
    expect(shortenAtWord('Court', 40)).toBe('Court');
  });
});

describe('emergency card', () => {
  const danger = (lifeAtRisk: boolean) => ({ safety: 'emergency', immediate: true, lifeAtRisk }) as const;
  const emergency = (lifeAtRisk: boolean) => renderEmergencyCard(danger(lifeAtRisk), safetyResources(kb, danger(lifeAtRisk)), fr);

  it('gives 911 and the DPJ duty, and adds the suicide line only when a life is at risk', () => {
    const calm = emergency(false);
    const life = emergency(true);
    expectWellFormed(calm);
    expect(texts(calm)).toContain('tel:911');
    expect(texts(calm)).toContain('signalée sans délai au DPJ');
    expect(texts(calm)).not.toContain('1 866 277-3553');
    expect(texts(life)).toContain('1 866 277-3553');
  });

  it('puts the suicide line right after 911 and before the DPJ paragraph when a life is at risk', () => {
    const text = texts(emergency(true));
    const at = (needle: string) => text.indexOf(needle);
    expect(at('tel:911')).toBeGreaterThanOrEqual(0);
    expect(at('1 866 277-3553')).toBeGreaterThan(at('tel:911'));
    expect(at('signalée sans délai au DPJ')).toBeGreaterThan(at('1 866 277-3553'));
    expect(at('418 661-6951')).toBeGreaterThan(at('signalée sans délai au DPJ'));
  });
});

describe('safety band', () => {
  const band = (lifeAtRisk: boolean) => ({ safety: 'band', immediate: false, lifeAtRisk }) as const;

  it('shows 911 and the DPJ number, and the suicide line only when a life may be at risk', () => {
    const calm = renderSafetyBand(band(false), safetyResources(kb, band(false)), fr);
    const life = renderSafetyBand(band(true), safetyResources(kb, band(true)), fr);
    expectWellFormed(calm);
    expect(texts(calm)).toContain('tel:911');
    expect(texts(calm)).toContain('418 661-6951');
    expect(texts(calm)).not.toContain('1 866 277-3553');
    expect(texts(life).indexOf('1 866 277-3553')).toBeGreaterThan(texts(life).indexOf('tel:911'));
    expect(texts(life).indexOf('418 661-6951')).toBeGreaterThan(texts(life).indexOf('1 866 277-3553'));
  });
});

describe('other cards', () => {
  it('expands the clarify card with up to three choices', () => {
    const card = renderClarifyCard(kb.entries.slice(0, 5), fr);
    expectWellFormed(card);
    expect(submits(card).filter((d) => d.verb === verbs.ask)).toHaveLength(3);
  });

  it('expands the unknown, out-of-scope, welcome, help and error cards', () => {
    for (const card of [renderUnknownCard(fr), renderOutOfScopeCard(en), renderWelcomeCard(fr), renderHelpCard(fr, true), renderErrorCard(fr, 'abc-123')]) expectWellFormed(card);
    expect(texts(renderErrorCard(fr, 'abc-123'))).toContain('abc-123');
    expect(texts(renderHelpCard(fr, false))).not.toContain('Annoncer une formation');
    expect(texts(renderHelpCard(fr, true))).toContain('Annoncer une formation');
  });

  it('lists resources with tap-to-call links, each caveat, and the check date said once', () => {
    const card = renderResourcesCard('Ressources', [kb.resourceById.get('tel-jeunes')!, kb.resourceById.get('ligneparents')!, kb.resourceById.get('dpj-capitale-nationale')!], fr);
    expectWellFormed(card);
    expect(texts(card)).toContain('(tel:18002632266)');
    expect(texts(card)).toContain('Aucune coordonnée confirmée');
    expect(texts(card)).toContain('Source de 2013');
    expect(texts(card)).not.toContain('361-5085');
    expect(texts(card).split('fiche factuelle de la Table').length - 1).toBe(1);
  });

  it('shows an English resources card without French labels', () => {
    const card = renderResourcesCard('Resources', [kb.resourceById.get('dpj-capitale-nationale')!, kb.resourceById.get('prevention-suicide')!, kb.resourceById.get('aidezmoisvp')!], en);
    for (const french of ['Ligne régionale', 'Texto', 'Version française', 'Capital-Nationale', 'Coordonnées']) expect(texts(card)).not.toContain(french);
    expect(texts(card)).toContain("Table's fact sheet");
  });

  it('builds the resource picker with every need', () => {
    const card = renderCard('resource-picker', fr, { needs: needChoices('fr'), territories: territoryChoices('fr') });
    expectWellFormed(card);
    expect(texts(card)).toContain('Signaler au DPJ');
  });
});

describe('separateParagraphs', () => {
  it('keeps a paragraph that follows a list out of the last bullet', () => {
    expect(separateParagraphs('Intro.\n- un\n- deux\nConclusion.')).toBe('Intro.\n- un\n- deux\n\nConclusion.');
    expect(separateParagraphs('- un\n\nDéjà séparé.')).toBe('- un\n\nDéjà séparé.');
  });
});

describe('links from the knowledge base', () => {
  it('keeps tap-to-call numbers live in the resources and emergency cards', () => {
    const card = renderResourcesCard('Ressources', [kb.resourceById.get('tel-jeunes')!], fr);
    expect(JSON.stringify(card.content)).toContain('](tel:18002632266)');
    const danger = { safety: 'emergency', immediate: true, lifeAtRisk: false } as const;
    expect(JSON.stringify(renderEmergencyCard(danger, safetyResources(kb, danger), fr).content)).toContain('](tel:911)');
  });
});

describe('safety resources are chosen in the core and rendered as given', () => {
  const emergencyDanger = { safety: 'emergency', immediate: true, lifeAtRisk: false } as const;
  const byId = (id: string) => kb.resources.find((r) => r.id === id)!;

  it('shows exactly the resources it is given, in their order, and nothing it was not given', () => {
    const card = texts(renderEmergencyCard(emergencyDanger, [byId('tel-jeunes'), byId('urgence-911')], fr));
    expect(card.indexOf('1 800 263-2266')).toBeGreaterThanOrEqual(0);
    expect(card.indexOf('tel:911')).toBeGreaterThan(card.indexOf('1 800 263-2266'));
    expect(card).not.toContain('418 661-6951');
    const band = texts(renderSafetyBand({ ...emergencyDanger, safety: 'band' }, [byId('tel-jeunes')], fr));
    expect(band).toContain('1 800 263-2266');
    expect(band).not.toContain('tel:911');
  });

  it('names no resource of the knowledge base in the Teams code', () => {
    const files = readdirSync(repoPath('bot', 'teams'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const named = files.flatMap((f) => {
      const code = readFileSync(repoPath('bot', 'teams', f), 'utf8');
      return kb.resources.filter((r) => code.includes(`'${r.id}'`) || code.includes(`"${r.id}"`)).map((r) => `${f}: ${r.id}`);
    });
    expect(files.length).toBeGreaterThan(10);
    expect(named).toEqual([]);
  });
});
