/**
 * The issue's own examples, end to end through the consultation form: the check finds the name,
 * shows the worker exactly the text that « Masquer ces éléments et envoyer » sends, and the
 * coordinator receives no name.
 */
import { describe, expect, it } from 'vitest';
import { cardsOf, consultationBot, findNodes, textOfCard } from '../consultations/bot-harness.js';
import { consultationForm, people } from '../consultations/helpers.js';

const form = (description: string) => consultationForm({ description });

describe('hiding personal data before sending', () => {
  it.each([
    ['Jessica Tremblay-Gagnon, née le 14 mars 2010, fréquente un homme de 27 ans qui lui paie tout.', ['Jessica', 'Tremblay-Gagnon', '2010']],
    ['Mon élève Émilie Bouchard (sec 3, groupe 302) a un chum de 25 ans.', ['Émilie', 'Émilie Bouchard', '302']],
  ])('finds everything in « %s », shows the exact text sent, and the coordinator gets none of it', async (description, secrets) => {
    const bot = consultationBot();
    const [check] = cardsOf(await bot.submit(people.sophie, form(description)));
    const shown = textOfCard(check);
    expect(shown).toContain('voici exactement le texte envoyé');
    const preview = findNodes(check, (n) => n.type === 'TextBlock' && n.isSubtle === true).map((n) => String(n.text)).join('');
    for (const secret of secrets) expect(preview).not.toContain(secret);
    const mask = findNodes((check as { actions?: unknown }).actions, (n) => n.type === 'Action.Submit' && (n.data as { mask?: boolean }).mask === true)[0]?.data as Record<string, unknown>;
    await bot.submit(people.sophie, { ...mask, description });
    await bot.outbox.drainOnce();
    const alert = bot.sent.findIndex((s) => s.to === people.isabelle.id);
    expect(alert).toBeGreaterThanOrEqual(0);
    const received = textOfCard(bot.renderSent(alert).content);
    for (const secret of secrets) expect(received).not.toContain(secret);
    expect(received).toContain(preview.replace(/\u200B/g, '').slice(0, 10));
  });
});
