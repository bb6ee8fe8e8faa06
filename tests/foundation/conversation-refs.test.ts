import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import type { RecordStore } from '../../bot/core/storage/record-store.js';
import { createMemoryStore } from '../../bot/storage/memory-store.js';
import { conversationRefsPartition, createReferenceRecorder, findUserReference } from '../../bot/teams/conversation-refs.js';

const turn = (id: string, serviceUrl = 'https://smba.example/teams/') =>
  new TurnContext(new TestAdapter(), {
    type: 'message',
    id,
    channelId: 'msteams',
    serviceUrl,
    from: { id: 'user-id-0', name: 'Sophie' },
    recipient: { id: 'bot', name: 'Balise' },
    conversation: { id: 'a:chat', conversationType: 'personal' },
  } as Partial<Activity> as Activity);

describe('conversation references', () => {
  it('are kept without the activity id, and written again only when they change', async () => {
    const store = createMemoryStore();
    let commits = 0;
    const counting: RecordStore = { ...store, commit: (p, ops) => (commits++, store.commit(p, ops)) };
    const record = createReferenceRecorder(counting);
    await record(turn('m1'));
    await record(turn('m2'));
    expect(commits).toBe(1);
    await record(turn('m3', 'https://smba.example/other/'));
    expect(commits).toBe(2);
    const saved = await findUserReference(store, 'user-id-0');
    expect(saved?.reference.serviceUrl).toBe('https://smba.example/other/');
    expect(saved?.reference).not.toHaveProperty('activityId');
    expect((await store.list(conversationRefsPartition)).map((r) => r.key)).toEqual(['conversation/a:chat', 'user/user-id-0']);
  });
});
