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
}

/** The records a turn's reference is kept under (none when the activity cannot be answered later). */
function referenceOps(context: TurnContext): Array<{ kind: 'put'; key: string; value: StoredReference }> {
  const activity = context.activity;
  if (!activity.conversation?.id || !activity.serviceUrl) return [];
  // Without the activity id the reference is the same at every turn, and a proactive message is
  // never posted as a reply to whatever message came last.
  const { activityId, ...reference } = TurnContext.getConversationReference(activity);
  const personal = activity.conversation.conversationType === 'personal' || activity.conversation.conversationType === undefined;
  const ops: Array<{ kind: 'put'; key: string; value: StoredReference }> = [{ kind: 'put', key: `conversation/${activity.conversation.id}`, value: { reference } }];
  if (personal && activity.from?.id && activity.from.role !== 'bot') {
    ops.push({ kind: 'put', key: `user/${activity.from.id}`, value: { reference, userId: activity.from.id, aadObjectId: activity.from.aadObjectId } });
  }
  return ops;
}

/** Saves the reference of a turn (idempotent; last write wins). */
export async function saveReference(store: RecordStore, context: TurnContext): Promise<void> {
  const ops = referenceOps(context);
  if (ops.length > 0) await store.commit(conversationRefsPartition, ops);
}

/**
 * Saves references on every turn, but writes only those that changed since this process last
 * wrote them: the same person writing again costs no database write.
 */
export function createReferenceRecorder(store: RecordStore): (context: TurnContext) => Promise<void> {
  const written = new Map<string, string>();
  return async (context) => {
    const changed = referenceOps(context).filter((op) => written.get(op.key) !== JSON.stringify(op.value));
    if (changed.length === 0) return;
    await store.commit(conversationRefsPartition, changed);
    for (const op of changed) written.set(op.key, JSON.stringify(op.value));
  };
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

/** Any known service URL (to create a conversation with someone never seen); reads one record. */
export async function anyServiceUrl(store: RecordStore): Promise<string | undefined> {
  const [first] = await store.list<StoredReference>(conversationRefsPartition, { limit: 1 });
  return first?.value.reference.serviceUrl;
}
