/**
 * End to end in the real local Teams client: Balise is installed in the team (as `npm start` does),
 * learns General and Pivots from the install events alone, then a coordinator's announcement
 * appears in General and an intervenante's consultation request is noticed in Pivots, although
 * nobody ever wrote in either channel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoConversations, installBalise } from '../../bot/dev/playground.js';
import { startEndToEnd, type EndToEnd } from '../support/e2e.js';
import { actionData, cardTexts, type PlaygroundClient } from '../support/playground-client.js';

const nathalie = 'user-id-5';
let run: EndToEnd;
let client: PlaygroundClient;
const general = demoConversations.team;
const pivots = demoConversations.channels.pivots;
const chat = demoConversations.personalChat('table');
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const text = (m: Parameters<typeof cardTexts>[0]) => cardTexts(m).join('\n');

beforeAll(async () => {
  // Nathalie, coordinator of the Table, drives the client; the team and its channels are in her client.
  run = await startEndToEnd({ name: 'channels', roles: ['table'], start: { outboxOptions: { pollMs: 200 } } });
  [client] = run.clients as [PlaygroundClient];
  await installBalise(run.clientUrls[0]!, [chat, general]);
  // The install events are handled asynchronously by the playground: wait for Balise's welcome.
  await client.waitFor((m) => m.conversationId === general);
});

afterAll(async () => {
  await run?.stop();
});

describe('channels learned at install', () => {
  it('posts a coordinator\'s announcement in General, where nobody wrote', async () => {
    const [form] = await client.say(chat, 'Annoncer une formation', { from: nathalie });
    const [preview] = await client.submit(
      chat,
      form!.messageId,
      { ...actionData(form, 'announce-preview'), track: 'volet-3', day1: day(30), day2: '', startTime: '09:00', endTime: '12:00', place: 'Salle E2E canaux', meetingUrl: '', capacity: '10', deadline: day(25), notes: '' },
      { from: nathalie },
    );
    await client.submit(chat, preview!.messageId, actionData(preview, 'announce-publish')!, { from: nathalie });
    const announcement = await client.waitFor((m) => m.conversationId === general && text(m).includes('Salle E2E canaux'));
    expect(actionData(announcement, 'register')).toBeDefined();
  });

  it('notices a consultation request in Pivots, with its reference', async () => {
    const [form] = await client.say(chat, 'Demander une consultation', { from: nathalie });
    const [receipt] = await client.submit(
      chat,
      form!.messageId,
      { ...actionData(form, 'consultation-submit'), organisationId: 'ciusss-cn', category: 'intervenir', urgency: 'week', description: 'Une adolescente reçoit des cadeaux d’un adulte rencontré en ligne; comment aborder la situation?', contactMethod: 'teams', phone: '' },
      { from: nathalie },
    );
    const reference = /C-[A-Z0-9]{6}/.exec(text(receipt))?.[0];
    expect(reference).toBeDefined();
    const notice = await client.waitFor((m) => m.conversationId === pivots && JSON.stringify(m.attachments).includes(reference!));
    expect(notice.conversationId).toBe(pivots);
  });
});
