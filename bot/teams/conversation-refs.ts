/**
 * Remembers where Balise can reach people and conversations later (proactive messages):
 * every turn saves its conversation reference, by user for personal chats (`user/<id>`, and
 * `aad/<AAD object id>`) and by conversation (`conversation/<id>`) for channels and group chats.
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
  /** The day (YYYY-MM-DD) this person or conversation was last seen: the purge forgets people gone. */
  readonly seenOn?: string;
}

/** The records a turn's reference is kept under (none when the activity cannot be answered later). */
function referenceOps(context: TurnContext, now: Date = new Date()): Array<{ kind: 'put'; key: string; value: StoredReference }> {
  const activity = context.activity;
  if (!activity.conversation?.id || !activity.serviceUrl) return [];
  // Without the activity id the reference is the same at every turn, and a proactive message is
  // never posted as a reply to whatever message came last.
  const { activityId, ...reference } = TurnContext.getConversationReference(activity);
  const personal = activity.conversation.conversationType === 'personal' || activity.conversation.conversationType === undefined;
  // The day only: a person writing all day costs one write a day, not one per message.
  const seenOn = now.toISOString().slice(0, 10);
  const ops: Array<{ kind: 'put'; key: string; value: StoredReference }> = [{ kind: 'put', key: `conversation/${activity.conversation.id}`, value: { reference, ...(personal ? { seenOn } : {}) } }];
  if (personal && activity.from?.id && activity.from.role !== 'bot') {
    const value = { reference, userId: activity.from.id, aadObjectId: activity.from.aadObjectId, seenOn };
    ops.push({ kind: 'put', key: `user/${activity.from.id}`, value });
    // The directory may know a person by their AAD object id only.
    if (activity.from.aadObjectId) ops.push({ kind: 'put', key: `aad/${activity.from.aadObjectId}`, value });
  }
  return ops;
}

/** Saves the reference of a turn (idempotent; last write wins). */
export async function saveReference(store: RecordStore, context: TurnContext): Promise<void> {
  const ops = referenceOps(context);
  if (ops.length > 0) await store.commit(conversationRefsPartition, ops);
}

/**
 * What a turn's reference records are made of (see {@link referenceOps}): the same inputs give the
 * same records, so a turn whose inputs equal those last written for its conversation and sender
 * has nothing to write.
 */
function referenceInputs(activity: TurnContext['activity'], day: string): string {
  return JSON.stringify([activity.serviceUrl, activity.channelId, activity.locale, activity.conversation, activity.from, activity.recipient, day]);
}

/**
 * Saves references on every turn, but writes them only when their inputs changed since this
 * process last wrote them for that conversation and sender: the same person writing again costs
 * no database write.
 */
export function createReferenceRecorder(store: RecordStore, now: () => Date = () => new Date()): (context: TurnContext) => Promise<void> {
  /** The inputs last written, by conversation and sender. */
  const lastInputs = new Map<string, string>();
  return async (context) => {
    const activity = context.activity;
    // Someone who removes Balise from their personal chat is gone: forget how to reach them at once.
    if (activity.type === 'installationUpdate' && /^remove/.test(String(activity.action ?? '')) && activity.from?.id && activity.conversation?.id) {
      const keys = [`user/${activity.from.id}`, `conversation/${activity.conversation.id}`, ...(activity.from.aadObjectId ? [`aad/${activity.from.aadObjectId}`] : [])];
      const present = (await Promise.all(keys.map(async (key) => ((await store.get(conversationRefsPartition, key)) ? [key] : [])))).flat();
      if (present.length > 0) await store.commit(conversationRefsPartition, present.map((key) => ({ kind: 'delete' as const, key })));
      // Anyone's next turn in a conversation whose records were deleted must write them again (rare).
      lastInputs.clear();
      return;
    }
    const at = now();
    const sender = `${activity.conversation?.id}\u0000${activity.from?.id}`;
    const inputs = referenceInputs(activity, at.toISOString().slice(0, 10));
    if (lastInputs.get(sender) === inputs) return;
    const ops = referenceOps(context, at);
    if (ops.length > 0) await store.commit(conversationRefsPartition, ops);
    lastInputs.set(sender, inputs);
  };
}

/** The personal-chat reference of a user, if they ever talked to Balise or installed it. */
export async function findUserReference(store: RecordStore, userId: string): Promise<StoredReference | undefined> {
  return (await store.get<StoredReference>(conversationRefsPartition, `user/${userId}`))?.value;
}

/** The personal-chat reference of a person known by their AAD object id, if they ever talked to Balise. */
export async function findAadReference(store: RecordStore, aadObjectId: string): Promise<StoredReference | undefined> {
  return (await store.get<StoredReference>(conversationRefsPartition, `aad/${aadObjectId}`))?.value;
}

/** Stores the personal chat Balise created with someone, so the next message continues it. */
export async function saveCreatedChat(store: RecordStore, userId: string, aadObjectId: string | undefined, reference: Partial<ConversationReference>): Promise<void> {
  const value: StoredReference = { reference, userId, aadObjectId };
  await store.commit(conversationRefsPartition, [
    { kind: 'put', key: `user/${userId}`, value },
    ...(aadObjectId ? [{ kind: 'put' as const, key: `aad/${aadObjectId}`, value }] : []),
  ]);
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

/**
 * Forgets people gone: personal-chat references (by user and by conversation) not seen since
 * `before`. Channel references stay (the directory names them); references without a day are kept.
 */
export async function purgeReferences(store: RecordStore, before: Date): Promise<number> {
  const day = before.toISOString().slice(0, 10);
  const old = (await store.list<StoredReference>(conversationRefsPartition)).filter((r) => typeof r.value.seenOn === 'string' && r.value.seenOn < day);
  for (let i = 0; i < old.length; i += 100) await store.commit(conversationRefsPartition, old.slice(i, i + 100).map((r) => ({ kind: 'delete' as const, key: r.key })));
  return old.length;
}
