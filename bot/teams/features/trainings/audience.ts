/**
 * Who receives a training announcement: every person who installed Balise or talked to it (their
 * personal-chat reference is stored), and the directory's announcement channels. Sorted, so a
 * resumed broadcast walks the same list.
 */
import type { Recipient } from '../../../core/delivery/delivery-types.js';
import type { Directory } from '../../../core/directory/directory.js';
import type { RecordStore } from '../../../core/storage/record-store.js';
import { listUserReferences } from '../../conversation-refs.js';

/** The recipients of an announcement. */
export async function announcementAudience(store: RecordStore, directory: Pick<Directory, 'data'>): Promise<Recipient[]> {
  const people = (await listUserReferences(store))
    .filter((r): r is typeof r & { userId: string } => typeof r.userId === 'string')
    .map((r): Recipient => ({ kind: 'user', userId: r.userId, aadObjectId: r.aadObjectId, name: r.reference.user?.name }))
    .sort((a, b) => (a.kind === 'user' && b.kind === 'user' ? a.userId.localeCompare(b.userId) : 0));
  const channels = directory.data.channels.announcements.map((c): Recipient => ({ kind: 'conversation', conversationId: c.conversationId, name: c.name }));
  return [...people, ...channels];
}
