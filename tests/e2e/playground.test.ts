/**
 * End to end: the real HTTP server with the real SQLite store, and the real local Teams client
 * (Microsoft 365 Agents Playground) on free loopback ports; messages go in through the client's
 * API and the bot's replies come back over its stream.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoConversations } from '../../bot/dev/playground.js';
import { startEndToEnd, type EndToEnd } from '../support/e2e.js';
import { cardTexts, type PlaygroundClient } from '../support/playground-client.js';

let run: EndToEnd;
let client: PlaygroundClient;
let botUrl: string;
const chat = demoConversations.personalChat('intervenante');

beforeAll(async () => {
  run = await startEndToEnd({ name: 'playground' });
  botUrl = run.botUrl;
  [client] = run.clients as [PlaygroundClient];
});

afterAll(async () => {
  await run?.stop();
});

describe('Balise in the local Teams client', () => {
  it('answers "aide" with the help card listing what it can do', async () => {
    const [reply] = await client.say(chat, 'aide');
    const texts = cardTexts(reply);
    expect(texts[0]).toBe('Ce que Balise peut faire');
    expect(texts.join('\n')).toContain('Ressources');
    expect(texts.join('\n')).toContain('911');
  });

  it('answers a question with the answer card of the right entry, its source and review date', async () => {
    // The resources card comes first (a question about a number); on a loaded machine the local client
    // may show the answer card as a second message: read every message of the reply.
    const replies = await client.say(chat, 'comment je fais un signalement à la DPJ, je dis quoi au téléphone?');
    const texts = replies.flatMap((r) => cardTexts(r)).join('\n');
    const actions = replies.flatMap((r) => r.attachments.flatMap((a) => a.content.actions ?? [])) as Array<{ data?: { verb?: string; entryId?: string } }>;
    expect(actions.find((a) => a.data?.verb === 'feedback')?.data?.entryId).toBe('comment-signaler-dpj');
    expect(texts).toMatch(/Sources?[\u00a0 ]:.*révisé le \d{4}-\d{2}-\d{2}/);
  });

  it('puts the emergency card first when a child is in danger now', async () => {
    const replies = await client.say(chat, "une fille de 14 ans est enfermée dans une chambre d'hôtel avec son pimp en ce moment", { expect: 1 });
    const first = cardTexts(replies[0]).join('\n');
    expect(first).toContain('Danger immédiat');
    expect(first).toContain('911');
    expect(first).toContain('DPJ');
  });

  it('puts the suicide line right after 911, before the DPJ, in one card when a life is at risk', async () => {
    const replies = await client.say(chat, "il m'a écrit qu'il veut en finir ce soir", { expect: 1 });
    const first = cardTexts(replies[0]).join('\n');
    expect(first.indexOf('1 866 277-3553')).toBeGreaterThan(first.indexOf('911'));
    expect(first.indexOf('418 661-6951')).toBeGreaterThan(first.indexOf('1 866 277-3553'));
  });

  it('shows the 911 band above the answer to a calm question with a danger word', async () => {
    const replies = await client.say(chat, 'quelle est la peine pour la séquestration d’une mineure?');
    const cards = replies.flatMap((r) => r.attachments.map((a) => cardTexts({ ...r, attachments: [a] }).join('\n')));
    expect(cards[0]).toContain('911');
    expect(cards[0]).toContain('418 661-6951');
    expect(cards.length).toBeGreaterThan(1);
  });

  it('answers a question about a number with the resources card first', async () => {
    const [reply] = await client.say(chat, 'c quoi le numéro de la DPJ');
    const first = cardTexts({ ...reply!, attachments: reply!.attachments.slice(0, 1) }).join('\n');
    expect(first).toContain('Ressources utiles');
    expect(first).toContain('418 661-6951');
    expect(first).not.toContain('418 661-3700');
  });

  it('says "je ne sais pas" and offers a consultation when the guide has no answer', async () => {
    // A question of the domain the guide does not cover (regional figures it does not hold).
    // (« un stationnement pour visiteurs à la DPJ » is now rightly out of scope.)
    const [reply] = await client.say(chat, "combien de victimes d'exploitation sexuelle au Saguenay en 2019");
    expect(cardTexts(reply)).toContain('Je ne sais pas');
    expect(JSON.stringify(reply?.attachments)).toContain('"verb":"consultation-form"');
  });

  it('says honestly when a question is outside its domain', async () => {
    const [reply] = await client.say(chat, 'quelle est la météo demain à Québec');
    expect(cardTexts(reply)[0]).toBe('Hors de mon champ');
  });

  it('shows verified resources for a need picked on the resource card', async () => {
    const [picker] = await client.say(chat, 'ressources');
    expect(cardTexts(picker)[0]).toBe('Quelle ressource cherchez-vous\u202f?');
    const [result] = await client.submit(chat, picker?.messageId ?? '', { verb: 'resources-for-need', need: 'signalement', territory: '' });
    const texts = cardTexts(result).join('\n');
    expect(texts).toContain('DPJ');
    expect(texts).toContain('[Téléphone');
    expect(texts).not.toContain('418 661-3700'); // the unverified DPJ number is never shown
  });
});

describe('the HTTP endpoint', () => {
  it('answers /healthz and /readyz with the knowledge base and storage state', async () => {
    expect((await fetch(`${botUrl}/healthz`)).status).toBe(200);
    const ready = await fetch(`${botUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', storage: 'sqlite', knowledge: { entries: expect.any(Number) } });
  });

  it('rejects malformed requests with a 4xx, no stack trace, and keeps serving', async () => {
    const post = (body: string, type = 'application/json') => fetch(`${botUrl}/api/messages`, { method: 'POST', headers: { 'content-type': type }, body });
    const notJson = await post('{not json');
    expect(notJson.status).toBe(400);
    expect(await notJson.text()).not.toMatch(/at .*\.(js|ts):\d+/);
    expect((await post(JSON.stringify({ text: 'no type' }))).status).toBe(400);
    expect((await post('x'.repeat(300 * 1024))).status).toBe(413);
    expect((await post('hello', 'text/plain')).status).toBeGreaterThanOrEqual(400);
    expect((await fetch(`${botUrl}/healthz`)).status).toBe(200);
  });
});
