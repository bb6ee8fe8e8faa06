/**
 * Who receives a training announcement: every person who installed Balise or talked to it (their
 * personal-chat reference is stored) from an allowed tenant, and the directory's announcement
 * channels. A session of one organisation goes to that organisation's people only (as the
 * directory lists them), without the Table-wide channels. Sorted, so a resumed broadcast walks the
 * same list.
 */
import type { Recipient } from '../../../core/delivery/delivery-types.js';
import type { Directory, Organisation } from '../../../core/directory/directory.js';
import type { RecordStore } from '../../../core/storage/record-store.js';
import type { TrainingSession } from '../../../core/trainings/session-types.js';
import { listUserReferences, type StoredReference } from '../../conversation-refs.js';

/** Options of {@link announcementAudience}. */
export interface AudienceOptions {
  /** Tenants whose people may be reached. Default: none configured, every stored person (local mode). */
  readonly allowedTenants?: readonly string[];
  /** The session announced; one with an organisation reaches that organisation's people only. Default: Table-wide. */
  readonly session?: Pick<TrainingSession, 'organisationId'>;
}

const tenantOfReference = (r: StoredReference) => r.reference.conversation?.tenantId?.toLowerCase();

/** The people of an organisation as the directory lists them. */
const peopleOf = (o: Organisation) => [...o.coordinators, ...o.backupCoordinators, ...o.pivots, ...o.members];

/** The recipients of an announcement. */
export async function announcementAudience(store: RecordStore, directory: Pick<Directory, 'data' | 'organisation' | 'isSamePerson'>, options: AudienceOptions = {}): Promise<Recipient[]> {
  const allowed = (options.allowedTenants ?? []).map((t) => t.toLowerCase());
  const organisation = options.session?.organisationId ? directory.organisation(options.session.organisationId) : undefined;
  if (options.session?.organisationId && !organisation) return [];
  const people = (await listUserReferences(store))
    .filter((r): r is typeof r & { userId: string } => typeof r.userId === 'string')
    .filter((r) => allowed.length === 0 || allowed.includes(tenantOfReference(r) ?? ''))
    .filter((r) => {
      if (!organisation) return true;
      const user = { id: r.userId, aadObjectId: r.aadObjectId, tenantId: tenantOfReference(r) };
      return peopleOf(organisation).some((p) => directory.isSamePerson(p, user));
    })
    .map((r): Recipient => ({ kind: 'user', userId: r.userId, aadObjectId: r.aadObjectId, name: r.reference.user?.name }))
    .sort((a, b) => (a.kind === 'user' && b.kind === 'user' ? a.userId.localeCompare(b.userId) : 0));
  const channels = organisation ? [] : directory.data.channels.announcements.map((c): Recipient => ({ kind: 'conversation', conversationId: c.conversationId, name: c.name }));
  return [...people, ...channels];
}
