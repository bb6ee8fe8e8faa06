/**
 * Installed in a team, Balise learns the team's channels at once (General and every other channel),
 * so announcements and Pivots notices reach them before anyone writes there.
 */
import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../bot/storage/memory-store.js';
import { conversationRefsPartition, findConversationReference } from '../../bot/teams/conversation-refs.js';
import { isTeamInstall, recordTeamChannels, type ListTeamChannels } from '../../bot/teams/team-channels.js';

const team = { id: '19:general@thread.tacv2', name: 'Table régionale', aadGroupId: 'g-1' };
const base = {
  channelId: 'msteams',
  serviceUrl: 'https://smba.example/amer/',
  from: { id: 'user-id-5', aadObjectId: 'aad-5', name: 'Nathalie' },
  recipient: { id: 'bot-id', name: 'Balise' },
  conversation: { id: team.id, conversationType: 'channel', isGroup: true, tenantId: 't-1' },
};
const turn = (activity: Partial<Activity>) => new TurnContext(new TestAdapter(), { ...base, ...activity } as Activity);
const listed: ListTeamChannels = async () => [{ id: team.id, name: 'General' }, { id: '19:pivots@thread.tacv2', name: 'Pivots' }];

describe('team channels on install', () => {
  it('stores a reference for every channel of the team on installationUpdate', async () => {
    const store = createMemoryStore();
    const ids = await recordTeamChannels(store, turn({ type: 'installationUpdate', action: 'add', channelData: { team, tenant: { id: 't-1' } } } as Partial<Activity>), listed);
    expect(ids.sort()).toEqual([team.id, '19:pivots@thread.tacv2']);
    const pivots = await findConversationReference(store, '19:pivots@thread.tacv2');
    expect(pivots?.reference).toMatchObject({ serviceUrl: base.serviceUrl, channelId: 'msteams', bot: { id: 'bot-id' }, conversation: { id: '19:pivots@thread.tacv2', conversationType: 'channel', isGroup: true, tenantId: 't-1' } });
    expect(pivots?.reference).not.toHaveProperty('activityId');
  });

  it('does the same on conversationUpdate when the bot itself is added to a team', async () => {
    const store = createMemoryStore();
    const added = turn({ type: 'conversationUpdate', membersAdded: [{ id: 'bot-id', name: 'Balise' }], channelData: { team, eventType: 'teamMemberAdded' } });
    expect(isTeamInstall(added.activity)).toBe(true);
    expect((await recordTeamChannels(store, added, listed)).length).toBe(2);
  });

  it('keeps General and the selected channel when the connector cannot list the channels', async () => {
    const store = createMemoryStore();
    const failing: ListTeamChannels = async () => {
      throw new Error('connector down');
    };
    const activity = { type: 'installationUpdate', action: 'add', channelData: { team, channel: { id: '19:pivots@thread.tacv2' } } } as Partial<Activity>;
    expect((await recordTeamChannels(store, turn(activity), failing)).sort()).toEqual([team.id, '19:pivots@thread.tacv2']);
  });

  it('adds a channel created later', async () => {
    const store = createMemoryStore();
    const created = turn({ type: 'conversationUpdate', channelData: { team, eventType: 'channelCreated', channel: { id: '19:new@thread.tacv2', name: 'Nouveau' } } });
    expect(await recordTeamChannels(store, created, listed)).toEqual(['19:new@thread.tacv2']);
  });

  it('ignores a personal install, a removal, a person joining a team and a plain message', async () => {
    const store = createMemoryStore();
    const personal = turn({ type: 'installationUpdate', action: 'add', conversation: { id: 'a:chat', conversationType: 'personal' } } as Partial<Activity>);
    const removed = turn({ type: 'installationUpdate', action: 'remove', channelData: { team } } as Partial<Activity>);
    const someone = turn({ type: 'conversationUpdate', membersAdded: [{ id: 'user-id-9', name: 'X' }], channelData: { team } });
    const message = turn({ type: 'message', text: 'bonjour', channelData: { team } });
    for (const context of [personal, removed, someone, message]) expect(await recordTeamChannels(store, context, listed)).toEqual([]);
    expect(await store.list(conversationRefsPartition)).toEqual([]);
  });
});
