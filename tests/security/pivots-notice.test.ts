/**
 * The Pivots channel gets a notice, and its button brings the details to the private chat of
 * someone allowed to handle the request, never to the channel.
 */
import { describe, expect, it } from 'vitest';
import { verbs } from '../../bot/teams/verbs.js';
import { cardsOf, consultationBot, textOfCard } from '../consultations/bot-harness.js';
import { people, pivotsChannel, submission } from '../consultations/helpers.js';

const description = 'Adolescente de 15 ans, fugues répétées, nouveau copain plus âgé.';

describe('the Pivots channel notice', () => {
  it('shows organisation, theme, urgency and reference, with a button, and no description or contact', async () => {
    const bot = consultationBot();
    await bot.consultations.submit(submission({ reference: 'C-7K4M2Q', description, contact: { method: 'phone', phone: '418-555-0100' } }), people.sophie);
    await bot.outbox.drainOnce();
    const notice = bot.renderSent(bot.sent.findIndex((s) => s.to === pivotsChannel)).content;
    const text = textOfCard(notice);
    expect(text).toContain('C-7K4M2Q');
    expect(text).toContain('CIUSSS de la Capitale-Nationale (démo)');
    expect(JSON.stringify(notice)).not.toContain(description);
    expect(JSON.stringify(notice)).not.toContain('418-555-0100');
    expect(JSON.stringify(notice)).not.toContain(people.sophie.name);
    expect(JSON.stringify(notice)).toContain(`"verb":"${verbs.openRequest}"`);
  });

  it('sends the request card to a pivot’s private chat when they click in the channel', async () => {
    const bot = consultationBot();
    await bot.consultations.submit(submission({ reference: 'C-7K4M2Q', description }), people.sophie);
    await bot.outbox.drainOnce();
    const replies = await bot.submit(people.marcAndre, { verb: verbs.openRequest, requestId: 'C-7K4M2Q', lang: 'fr' }, 'channel');
    expect(replies.map((r) => r.text).join('')).toContain('vous a été envoyée en conversation privée');
    expect(cardsOf(replies)).toEqual([]);
    await bot.outbox.drainOnce();
    const privateCard = bot.sent.findIndex((s) => s.to === people.marcAndre.id);
    expect(textOfCard(bot.renderSent(privateCard).content)).toContain(description);
  });

  it('sends nothing to someone who may not handle it', async () => {
    const bot = consultationBot();
    await bot.consultations.submit(submission({ reference: 'C-7K4M2Q', description }), people.sophie);
    await bot.outbox.drainOnce();
    const sentBefore = bot.sent.length;
    const replies = await bot.submit(people.karine, { verb: verbs.openRequest, requestId: 'C-7K4M2Q', lang: 'fr' }, 'channel');
    expect(replies.map((r) => r.text).join('')).not.toContain('envoyée en conversation privée');
    expect(replies.map((r) => r.text).join('')).toContain('Seuls les coordonnateurs et les pivots');
    await bot.outbox.drainOnce();
    expect(bot.sent.length).toBe(sentBefore);
  });
});
