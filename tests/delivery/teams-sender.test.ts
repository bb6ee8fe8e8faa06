import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../bot/config.js';
import { renderCard } from '../../bot/teams/cards/render-card.js';
import { conversationRefsPartition } from '../../bot/teams/conversation-refs.js';
import { createAdapter } from '../../bot/teams/create-bot-app.js';
import { createTeamsSender, type PayloadRenderer } from '../../bot/teams/delivery/teams-sender.js';
import { createMemoryStore } from '../../bot/storage/memory-store.js';

// Microsoft's Bot Connector is the one edge we cannot reach: nock stands in for it, network off.
const serviceUrl = 'https://smba.trafficmanager.net/teams/';
const connector = () => nock('https://smba.trafficmanager.net');
// A proactive send is posted as a reply to the continuation activity's id.
const chatU1 = /\/teams\/v3\/conversations\/a%3Achat-u1\/activities(\/.*)?$/;

beforeAll(() => {
  nock.disableNetConnect();
});
afterEach(() => {
  nock.cleanAll();
});

const renderers = new Map<string, PayloadRenderer>([['note', (p, t) => renderCard('out-of-scope', t, p.data)]]);

async function senderWithKnownChat() {
  const store = createMemoryStore();
  await store.commit(conversationRefsPartition, [
    { kind: 'put', key: 'user/u1', value: { reference: { serviceUrl, channelId: 'msteams', conversation: { id: 'a:chat-u1' }, bot: { id: 'bot' }, user: { id: 'u1' } }, updatedAt: '2026-11-28T00:00:00Z' } },
  ]);
  const adapter = createAdapter({ config: readConfig({}) });
  return createTeamsSender({ adapter, botAppId: '', store, renderers });
}

describe('Teams sender', () => {
  it('posts the rendered card into the person\'s known chat', async () => {
    let body: { attachments?: Array<{ contentType: string }> } = {};
    const scope = connector()
      .post(chatU1, (b) => ((body = b), true))
      .reply(200, { id: 'activity-1' });
    const sender = await senderWithKnownChat();
    expect(await sender.send({ kind: 'user', userId: 'u1' }, { kind: 'note', data: {} })).toEqual({ ok: true });
    expect(scope.isDone()).toBe(true);
    expect(body.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  });

  // The connector client itself retries a 429 or 5xx a few times (honouring Retry-After) before
  // the outcome reaches the outbox: the stub keeps answering the same, so the outcome is final.
  it('reports a 429 as throttled with the Retry-After delay', async () => {
    connector().post(chatU1).times(10).reply(429, {}, { 'Retry-After': '1' });
    const sender = await senderWithKnownChat();
    expect(await sender.send({ kind: 'user', userId: 'u1' }, { kind: 'note', data: {} })).toEqual({ ok: false, reason: 'throttled', retryAfterMs: 1000 });
  });

  it('reports 403 and 404 as unreachable and 5xx as transient', async () => {
    const sender = await senderWithKnownChat();
    connector().post(chatU1).reply(403, { error: { code: 'BotNotInConversationRoster' } });
    expect(await sender.send({ kind: 'user', userId: 'u1' }, { kind: 'note', data: {} })).toMatchObject({ ok: false, reason: 'unreachable' });
    connector().post(chatU1).reply(404, { error: { code: 'ConversationNotFound' } });
    expect(await sender.send({ kind: 'user', userId: 'u1' }, { kind: 'note', data: {} })).toMatchObject({ ok: false, reason: 'unreachable' });
    connector().post(chatU1).times(10).reply(503);
    expect(await sender.send({ kind: 'user', userId: 'u1' }, { kind: 'note', data: {} })).toMatchObject({ ok: false, reason: 'transient' });
  });

  it('reports a failed send even when the app has an error handler that would swallow it', async () => {
    // teams-ai's app.error() becomes the adapter's onTurnError, which catches errors of proactive turns too.
    const store = createMemoryStore();
    await store.commit(conversationRefsPartition, [
      { kind: 'put', key: 'user/u1', value: { reference: { serviceUrl, channelId: 'msteams', conversation: { id: 'a:chat-u1' }, bot: { id: 'bot' }, user: { id: 'u1' } }, updatedAt: '2026-11-28T00:00:00Z' } },
    ]);
    const adapter = createAdapter({ config: readConfig({}) });
    let swallowed = 0;
    adapter.onTurnError = async () => {
      swallowed++;
    };
    connector().post(chatU1).reply(403, { error: { code: 'BotNotInConversationRoster' } });
    const sender = createTeamsSender({ adapter, botAppId: '', store, renderers });
    expect(await sender.send({ kind: 'user', userId: 'u1' }, { kind: 'note', data: {} })).toMatchObject({ ok: false, reason: 'unreachable' });
    expect(swallowed).toBe(0);
  });

  it('creates a personal chat with someone Balise has never talked to', async () => {
    const scope = connector()
      .post('/teams/v3/conversations', (b) => b.members?.[0]?.id === 'u2')
      .reply(200, { id: 'a:new-chat-u2' })
      .post(/\/teams\/v3\/conversations\/a%3Anew-chat-u2\/activities(\/.*)?$/)
      .reply(200, { id: 'activity-2' });
    const sender = await senderWithKnownChat();
    expect(await sender.send({ kind: 'user', userId: 'u2' }, { kind: 'note', data: {} })).toEqual({ ok: true });
    expect(scope.isDone()).toBe(true);
  });

  it('creates the chat from the directory\'s AAD object id, then continues that chat next time', async () => {
    const scope = connector()
      .post('/teams/v3/conversations', (b) => b.members?.[0]?.id === 'aad-coordinator')
      .once()
      .reply(200, { id: 'a:new-chat-coord' })
      .post(/\/teams\/v3\/conversations\/a%3Anew-chat-coord\/activities(\/.*)?$/)
      .twice()
      .reply(200, { id: 'activity-3' });
    const sender = await senderWithKnownChat();
    const coordinator = { kind: 'user', userId: 'isabelle-roy', aadObjectId: 'aad-coordinator', name: 'Isabelle Roy' } as const;
    expect(await sender.send(coordinator, { kind: 'note', data: {} })).toEqual({ ok: true });
    // No second create: the created chat was remembered.
    expect(await sender.send(coordinator, { kind: 'note', data: {} })).toEqual({ ok: true });
    expect(scope.isDone()).toBe(true);
  });

  it('finds a person who wrote to Balise by their AAD object id', async () => {
    const store = createMemoryStore();
    await store.commit(conversationRefsPartition, [
      { kind: 'put', key: 'aad/aad-7', value: { reference: { serviceUrl, channelId: 'msteams', conversation: { id: 'a:chat-u7' }, bot: { id: 'bot' }, user: { id: '29:u7' } } } },
    ]);
    const sender = createTeamsSender({ adapter: createAdapter({ config: readConfig({}) }), botAppId: '', store, renderers });
    const scope = connector().post(/\/teams\/v3\/conversations\/a%3Achat-u7\/activities(\/.*)?$/).reply(200, { id: 'activity-4' });
    expect(await sender.send({ kind: 'user', userId: 'directory-id-7', aadObjectId: 'aad-7' }, { kind: 'note', data: {} })).toEqual({ ok: true });
    expect(scope.isDone()).toBe(true);
  });

  it('reports a channel it has never seen as unreachable without calling the connector', async () => {
    const sender = await senderWithKnownChat();
    expect(await sender.send({ kind: 'conversation', conversationId: '19:unknown' }, { kind: 'note', data: {} })).toMatchObject({ ok: false, reason: 'unreachable' });
  });
});
