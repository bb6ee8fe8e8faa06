/**
 * Retention: after the purge, what is left is what is still needed. Closed requests older than the
 * period go with their audit, index entries and settled deliveries; open requests stay whatever
 * their age; old feedback, idle turn state and references of people gone are deleted.
 */
import { TurnContext, type Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../bot/config.js';
import { consultationsPartition } from '../../bot/core/consultations/records.js';
import { feedbackPartition, purgeOnce } from '../../bot/core/retention/retention.js';
import { retentionPlan } from '../../bot/start-bot.js';
import { conversationRefsPartition, createReferenceRecorder } from '../../bot/teams/conversation-refs.js';
import { createTurnStateStorage, turnStatePartition } from '../../bot/teams/turn-state-storage.js';
import { verbs } from '../../bot/teams/verbs.js';
import { consultationBot } from '../consultations/bot-harness.js';
import { people, submission } from '../consultations/helpers.js';

const day = 86_400_000;

const activityOf = (userId: string): Partial<Activity> => ({
  type: 'message',
  channelId: 'msteams',
  serviceUrl: 'https://smba.example/teams/',
  from: { id: userId, name: userId },
  recipient: { id: 'bot', name: 'Balise' },
  conversation: { id: `a:${userId}`, conversationType: 'personal', isGroup: false, name: '' },
});

describe('the retention purge', () => {
  it('leaves only what is still needed', async () => {
    const bot = consultationBot();
    const { store, clock } = bot;
    const record = createReferenceRecorder(store, clock.now);
    const turnState = createTurnStateStorage(store, clock.now);

    // Day 0: two requests; one is closed at once, the other stays open. Sophie talks to Balise.
    await bot.consultations.submit(submission({ reference: 'C-7K4M2Q' }), people.sophie);
    await bot.consultations.submit(submission({ reference: 'C-2345AB' }), people.sophie);
    await bot.execute(people.isabelle, verbs.claim, { requestId: 'C-7K4M2Q' });
    await bot.execute(people.isabelle, verbs.close, { requestId: 'C-7K4M2Q', note: 'fait' });
    for (let i = 0; i < 5; i++) await bot.outbox.drainOnce();
    await record(new TurnContext(bot.adapter, activityOf(people.sophie.id)));
    await turnState.write({ 'msteams/a:sophie/conversation': { step: 1 } });
    await store.commit(feedbackPartition, [{ kind: 'put', key: 'old', value: { entryId: 'x', useful: false, at: clock.now().toISOString() } }]);

    // Day 170: Éric talks to Balise, recent feedback arrives.
    clock.advance(170 * day);
    await record(new TurnContext(bot.adapter, activityOf(people.eric.id)));
    await turnState.write({ 'msteams/a:eric/conversation': { step: 2 } });
    await store.commit(feedbackPartition, [{ kind: 'put', key: 'recent', value: { entryId: 'x', useful: true, at: clock.now().toISOString() } }]);

    // Day 200: the purge with the default periods (requests 180 days, feedback 90, conversations 180).
    clock.advance(30 * day);
    const counts = await purgeOnce(retentionPlan(store, readConfig({})), clock.now());

    const keys = async (partition: string) => (await store.list(partition)).map((r) => r.key).sort();
    const left = await keys(consultationsPartition);
    expect(left.filter((k) => k.includes('C-7K4M2Q'))).toEqual([]);
    expect(left).toContain('request/C-2345AB');
    expect(left).toContain('open/C-2345AB');
    expect(left).toContain(`mine/${people.sophie.id}/C-2345AB`);
    expect(left.some((k) => k.startsWith('audit/C-2345AB/'))).toBe(true);
    expect(await keys(feedbackPartition)).toEqual(['recent']);
    expect(await keys(turnStatePartition)).toEqual(['msteams/a:eric/conversation']);
    expect(await keys(conversationRefsPartition)).toEqual([`conversation/a:${people.eric.id}`, `user/${people.eric.id}`]);
    expect(counts).toMatchObject({ closedRequests: 1, feedback: 1, turnState: 1, references: 2 });
    // Turn state read back carries no purge bookkeeping.
    expect(await turnState.read(['msteams/a:eric/conversation'])).toEqual({ 'msteams/a:eric/conversation': { step: 2, eTag: expect.any(String) } });
  });

  it('forgets at once how to reach someone who removes Balise', async () => {
    const bot = consultationBot();
    const record = createReferenceRecorder(bot.store, bot.clock.now);
    await record(new TurnContext(bot.adapter, activityOf(people.sophie.id)));
    expect((await bot.store.list(conversationRefsPartition)).length).toBe(2);
    await record(new TurnContext(bot.adapter, { ...activityOf(people.sophie.id), type: 'installationUpdate', action: 'remove' }));
    expect(await bot.store.list(conversationRefsPartition)).toEqual([]);
  });

  it('keeps a closed request while one of its deliveries is still pending', async () => {
    const bot = consultationBot();
    await bot.consultations.submit(submission({ reference: 'C-7K4M2Q' }), people.sophie);
    await bot.execute(people.isabelle, verbs.claim, { requestId: 'C-7K4M2Q' });
    await bot.execute(people.isabelle, verbs.close, { requestId: 'C-7K4M2Q' });
    bot.clock.advance(200 * 86_400_000);
    await purgeOnce(retentionPlan(bot.store, readConfig({})), bot.clock.now());
    expect(await bot.store.get(consultationsPartition, 'request/C-7K4M2Q')).toBeDefined();
  });
});
