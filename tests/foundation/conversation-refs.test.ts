import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import type { RecordStore } from '../../bot/core/storage/record-store.js';
import { createMemoryStore } from '../../bot/storage/memory-store.js';
import { conversationRefsPartition, createReferenceRecorder, findUserReference } from '../../bot/teams/conversation-refs.js';

const turn = (id: string, serviceUrl = 'https://smba.example/teams/', extra: Record<string, unknown> = {}) =>
  new TurnContext(new TestAdapter(), {
    type: 'message',
    id,
    channelId: 'msteams',
    serviceUrl,
    from: { id: 'user-id-0', name: 'Sophie' },
    recipient: { id: 'bot', name: 'Balise' },
    conversation: { id: 'a:chat', conversationType: 'personal' },
    ...extra,
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

  it('are written again when anything they hold changes, a new day, and after Balise was removed', async () => {
    const store = createMemoryStore();
    let commits = 0;
    const counting: RecordStore = { ...store, commit: (p, ops) => (commits++, store.commit(p, ops)) };
    let day = new Date('2026-12-02T10:00:00Z');
    const record = createReferenceRecorder(counting, () => day);
    await record(turn('m1'));
    await record(turn('m2'));
    expect(commits).toBe(1);
    // The sender's name, the AAD object id, the locale, the tenant: each is part of the records.
    await record(turn('m3', undefined, { from: { id: 'user-id-0', name: 'Sophie T.' } }));
    await record(turn('m4', undefined, { from: { id: 'user-id-0', name: 'Sophie T.', aadObjectId: '00000000-0000-4000-8000-000000000100' } }));
    await record(turn('m5', undefined, { from: { id: 'user-id-0', name: 'Sophie T.', aadObjectId: '00000000-0000-4000-8000-000000000100' }, locale: 'en-US' }));
    await record(turn('m6', undefined, { from: { id: 'user-id-0', name: 'Sophie T.', aadObjectId: '00000000-0000-4000-8000-000000000100' }, locale: 'en-US', conversation: { id: 'a:chat', conversationType: 'personal', tenantId: 'tenant-1' } }));
    expect(commits).toBe(5);
    expect((await findUserReference(store, 'user-id-0'))?.reference).toMatchObject({ user: { name: 'Sophie T.' }, locale: 'en-US', conversation: { tenantId: 'tenant-1' } });
    const again = { from: { id: 'user-id-0', name: 'Sophie T.', aadObjectId: '00000000-0000-4000-8000-000000000100' }, locale: 'en-US', conversation: { id: 'a:chat', conversationType: 'personal', tenantId: 'tenant-1' } };
    await record(turn('m7', undefined, again));
    expect(commits).toBe(5);
    // The next day: `seenOn` moves (the purge forgets people by it).
    day = new Date('2026-12-03T10:00:00Z');
    await record(turn('m8', undefined, again));
    expect(commits).toBe(6);
    expect((await findUserReference(store, 'user-id-0'))?.seenOn).toBe('2026-12-03');
    // Removed from the personal chat: the records go; the next message writes them again.
    await record(turn('m9', undefined, { ...again, type: 'installationUpdate', action: 'remove' }));
    expect(await findUserReference(store, 'user-id-0')).toBeUndefined();
    await record(turn('m10', undefined, again));
    expect((await findUserReference(store, 'user-id-0'))?.seenOn).toBe('2026-12-03');
  });
});
