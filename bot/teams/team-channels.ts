/**
 * Learns a team's channels when Balise is installed in it, so announcements reach General and
 * consultation notices reach Pivots before anyone writes there. Teams sends one event on install
 * (`installationUpdate` with action `add`, and `conversationUpdate` with the bot in `membersAdded`),
 * both carrying `channelData.team`; the channels come from the Bot Connector's team channel list
 * (the General channel's id is the team's). A channel created later (`channelCreated`) is added too.
 */
import { TeamsInfo, TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import type { RecordStore } from '../core/storage/record-store.js';
import { conversationRefsPartition, type StoredReference } from './conversation-refs.js';

/** A channel of a team, as the connector lists it. */
export interface TeamChannel {
  readonly id: string;
  readonly name?: string;
}

/** Lists a team's channels. Default: the Bot Connector (`TeamsInfo.getTeamChannels`). */
export type ListTeamChannels = (context: TurnContext, teamId: string) => Promise<readonly TeamChannel[]>;

interface TeamChannelData {
  readonly team?: { readonly id?: string; readonly name?: string };
  readonly channel?: { readonly id?: string; readonly name?: string };
  readonly eventType?: string;
  readonly tenant?: { readonly id?: string };
}

const channelDataOf = (activity: Activity): TeamChannelData => (activity.channelData ?? {}) as TeamChannelData;

/** True when this activity says Balise was just added to a team. */
export function isTeamInstall(activity: Activity): boolean {
  if (!channelDataOf(activity).team?.id) return false;
  if (activity.type === 'installationUpdate') return (activity as Activity & { action?: string }).action !== 'remove';
  return activity.type === 'conversationUpdate' && (activity.membersAdded ?? []).some((m) => m.id === activity.recipient?.id);
}

/** The reference of one channel, built from the install activity (same service URL, bot and tenant). */
function channelReference(activity: Activity, channel: TeamChannel): Partial<ConversationReference> {
  const { activityId: _ignored, ...base } = TurnContext.getConversationReference(activity);
  const tenantId = activity.conversation?.tenantId ?? channelDataOf(activity).tenant?.id;
  return { ...base, conversation: { id: channel.id, isGroup: true, conversationType: 'channel', name: channel.name ?? '', ...(tenantId ? { tenantId } : {}) } };
}

/**
 * On a team install, stores a reference for every channel of the team (`conversation/<channel id>`);
 * on `channelCreated`, for that channel. Returns the channel ids stored. When the connector cannot
 * list the channels, the channels named in the activity (General, the selected one) are kept.
 */
export async function recordTeamChannels(store: RecordStore, context: TurnContext, listChannels: ListTeamChannels = defaultListChannels): Promise<string[]> {
  const activity = context.activity;
  const data = channelDataOf(activity);
  const teamId = data.team?.id;
  if (!teamId || !activity.serviceUrl) return [];
  let channels: TeamChannel[] = [];
  if (isTeamInstall(activity)) {
    const named = [{ id: teamId }, ...(data.channel?.id ? [{ id: data.channel.id, name: data.channel.name }] : [])];
    const listed = await listChannels(context, teamId).catch(() => [] as TeamChannel[]);
    channels = [...listed, ...named.filter((n) => !listed.some((l) => l.id === n.id))];
  } else if (activity.type === 'conversationUpdate' && data.eventType === 'channelCreated' && data.channel?.id) {
    channels = [{ id: data.channel.id, name: data.channel.name }];
  }
  if (channels.length === 0) return [];
  await store.commit(
    conversationRefsPartition,
    channels.map((channel) => ({ kind: 'put' as const, key: `conversation/${channel.id}`, value: { reference: channelReference(activity, channel) } satisfies StoredReference })),
  );
  return channels.map((c) => c.id);
}

async function defaultListChannels(context: TurnContext, teamId: string): Promise<readonly TeamChannel[]> {
  const channels = await TeamsInfo.getTeamChannels(context, teamId);
  return channels.filter((c): c is typeof c & { id: string } => typeof c.id === 'string').map((c) => ({ id: c.id, name: c.name }));
}
