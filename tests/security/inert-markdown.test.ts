/**
 * What one person types and another person's card shows (descriptions, notes, display names) stays
 * plain text: Markdown links and images are rendered inert. Checked with a CommonMark renderer on
 * the TextBlocks and facts of the real cards.
 */
// markdown-it ships no types here: only `render` is used.
// @ts-expect-error -- untyped module
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../bot/core/i18n/messages.js';
import { inertMarkdown } from '../../bot/teams/cards/inert-markdown.js';
import { verbs } from '../../bot/teams/verbs.js';
import { consultationBot, findNodes } from '../consultations/bot-harness.js';
import { people, submission } from '../consultations/helpers.js';

const md = new (MarkdownIt as new () => { render(src: string): string })();
const hostile = 'Voir [Cliquez ici](https://evil.example/phish) et ![](https://evil.example/pixel.png) ou <https://evil.example> [ref]: https://evil.example';

/** The HTML a Markdown renderer makes of every text a card shows. */
function htmlOfCard(card: unknown): string {
  return findNodes(card, (n) => n.type === 'TextBlock' || (typeof n.title === 'string' && typeof n.value === 'string'))
    .map((n) => md.render(String(n.type === 'TextBlock' ? n.text : n.value)))
    .join('\n');
}

describe('Markdown in user text', () => {
  it('is inert in the coordinator’s request card (description, requester name) and keeps the words', async () => {
    const bot = consultationBot();
    const requester = { ...people.sophie, name: 'Sophie [admin](https://evil.example)' };
    const result = await bot.consultations.submit(submission({ reference: 'C-7K4M2Q', description: hostile }), requester);
    expect(result.kind).toBe('submitted');
    await bot.outbox.drainOnce();
    const alert = bot.sent.findIndex((s) => s.to === people.isabelle.id);
    const card = bot.renderSent(alert).content;
    const html = htmlOfCard(card);
    expect(html).not.toMatch(/<a |<img /);
    expect(html).toContain('Cliquez ici');
    // Before the fix, the same renderer makes a link and an image of it.
    expect(md.render(hostile)).toMatch(/<a href="https:\/\/evil\.example\/phish">/);
  });

  it('is inert in the closing note the worker receives', async () => {
    const bot = consultationBot();
    await bot.consultations.submit(submission({ reference: 'C-7K4M2Q' }), people.sophie);
    await bot.execute(people.isabelle, verbs.claim, { requestId: 'C-7K4M2Q' });
    await bot.execute(people.isabelle, verbs.close, { requestId: 'C-7K4M2Q', note: hostile });
    for (let i = 0; i < 5; i++) await bot.outbox.drainOnce();
    const update = bot.sent.findIndex((s) => s.to === people.sophie.id && JSON.stringify(s.payload).includes('closed'));
    const html = htmlOfCard(bot.renderSent(update).content);
    expect(html).not.toMatch(/<a |<img /);
    expect(html).toContain('Cliquez ici');
  });

  it('leaves plain text and URLs without Markdown unchanged', () => {
    expect(inertMarkdown('Appel fait, référée au CAVAC.')).toBe('Appel fait, référée au CAVAC.');
    expect(inertMarkdown('https://teams.microsoft.com/l/meetup-join/abc')).toBe('https://teams.microsoft.com/l/meetup-join/abc');
    expect(messagesFor('fr').lang).toBe('fr');
  });
});
