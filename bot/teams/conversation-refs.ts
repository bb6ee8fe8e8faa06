/**
 * Remembers where Balise can reach people and conversations later (proactive messages):
 * every turn saves its conversation reference, by user for personal chats (`user/<id>`) and by
 * conversation (`conversation/<id>`) for channels and group chats.
 */
import { TurnContext, type ConversationReference } from 'botbuilder';
import type { RecordStore } from '../core/storage/record-store.js';

/** The partition holding conversation references. */
export const conversationRefsPartition = 'conversation-refs';

/** A stored reference, with who it reaches. */
export interface StoredReference {
  readonly reference: Partial<ConversationReference>;
  readonly userId?: string;
  readonly aadObjectId?: string;
  readonly updatedAt: string;
}

/** Saves the reference of the turn (idempotent; last write wins). */
export async function saveReference(store: RecordStore, context: TurnContext, now: Date = new Date()): Promise<void> {
  const activity = context.activity;
  if (!activity.conversation?.id || !activity.serviceUrl) return;
  const reference = TurnContext.getConversationReference(activity);
  const personal = activity.conversation.conversationType === 'personal' || activity.conversation.conversationType === undefined;
  const record: StoredReference = { reference, updatedAt: now.toISOString() };
  const ops: Array<{ kind: 'put'; key: string; value: StoredReference }> = [{ kind: 'put', key: `conversation/${activity.conversation.id}`, value: record }];
  if (personal && activity.from?.id && activity.from.role !== 'bot') {
    ops.push({ kind: 'put', key: `user/${activity.from.id}`, value: { ...record, userId: activity.from.id, aadObjectId: activity.from.aadObjectId } });
  }
  await store.commit(conversationRefsPartition, ops);
}

/** The personal-chat reference of a user, if they ever talked to Balise or installed it. */
export async function findUserReference(store: RecordStore, userId: string): Promise<StoredReference | undefined> {
  return (await store.get<StoredReference>(conversationRefsPartition, `user/${userId}`))?.value;
}

/** The reference of a conversation (channel, group chat), if Balise has seen it. */
export async function findConversationReference(store: RecordStore, conversationId: string): Promise<StoredReference | undefined> {
  return (await store.get<StoredReference>(conversationRefsPartition, `conversation/${conversationId}`))?.value;
}

/** Every user Balise can reach in a personal chat. */
export async function listUserReferences(store: RecordStore): Promise<StoredReference[]> {
  return (await store.list<StoredReference>(conversationRefsPartition, { prefix: 'user/' })).map((r) => r.value);
}

/** Any known service URL (to create a conversation with someone never seen). */
export async function anyServiceUrl(store: RecordStore): Promise<string | undefined> {
  const [first] = await store.list<StoredReference>(conversationRefsPartition);
  return first?.value.reference.serviceUrl;
}
