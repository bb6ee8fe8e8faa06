/**
 * One person type for the whole core: the one acting in a turn, a person of the directory, a
 * consultation's requester, holder or closer, a training registrant, the recipient of an alert.
 *
 * Where each field comes from in Teams (read once per turn by `userOf` in `bot/teams/turn.ts`):
 *
 * | field | Teams source | what it is, what Balise uses it for |
 * |---|---|---|
 * | `id` | `activity.from.id` | the Teams user id (`29:…`), the Bot Framework's id of this person for this bot: the key of their records (registrations, `mine/` index, conversation references, deliveries) |
 * | `aadObjectId` | `activity.from.aadObjectId` | the Entra ID (AAD) object id, the same in every app of the tenant: the directory matches roles on it, and it lets Balise open a 1:1 chat with someone who never wrote |
 * | `tenantId` | `activity.conversation.tenantId`, else `channelData.tenant.id` | the Entra ID tenant of the turn: checked against `BALISE_ALLOWED_TENANTS` on every role check; never stored |
 * | `name` | `activity.from.name` | the display name, shown on cards and rosters; never used to tell people apart |
 *
 * The directory (YAML) names its people with the same fields (`id` is the Teams user id, `name`
 * required, no tenant). Stored records keep a person as {@link personRecord} gives it (no tenant);
 * two records keep the older flat shape, which stays readable as is: a training registrant
 * (`userId`, `aadObjectId`, `name` beside the registration's own fields; {@link personOfRegistrant})
 * and an outbox recipient (`kind: 'user'`, `userId`; {@link toRecipient}).
 */
import type { Recipient } from '../delivery/delivery-types.js';

/** A person, as the core sees everyone (see the header for the mapping from Teams). */
export interface Person {
  /** The Teams user id (`activity.from.id`). */
  readonly id: string;
  /** The Entra ID object id (`activity.from.aadObjectId`), when Teams or the directory gives one. */
  readonly aadObjectId?: string;
  /** The display name. */
  readonly name?: string;
  /** The Entra ID tenant of the activity; absent in stored records and in the directory. */
  readonly tenantId?: string;
}

/** The identity fields of a person in a training registration record (stored shape: `userId`, not `id`). */
export interface RegisteredPerson {
  readonly userId: string;
  readonly aadObjectId?: string;
  readonly name?: string;
}

/** A person as records keep them: the id, the AAD object id and the name when known; never the tenant. */
export function personRecord(p: Person): Person {
  return { id: p.id, ...(p.aadObjectId ? { aadObjectId: p.aadObjectId } : {}), ...(p.name ? { name: p.name } : {}) };
}

/** The identity fields of a registration record for `p`. */
export function registeredPerson(p: Person): RegisteredPerson {
  return { userId: p.id, aadObjectId: p.aadObjectId, name: p.name };
}

/** The person of a registration record. */
export function personOfRegistrant(r: RegisteredPerson): Person {
  return personRecord({ id: r.userId, aadObjectId: r.aadObjectId, name: r.name });
}

/** A person as an outbox recipient (a 1:1 chat, created from the AAD object id if needed). */
export function toRecipient(p: Person): Extract<Recipient, { kind: 'user' }> {
  return { kind: 'user', userId: p.id, ...(p.aadObjectId ? { aadObjectId: p.aadObjectId } : {}), ...(p.name ? { name: p.name } : {}) };
}
