/**
 * What coordinators do with trainings: publish a session (which opens its broadcast job in the
 * same commit), see rosters with the waitlist and who acknowledged the announcement. The role and
 * its scope are checked here, on every call, whatever card the request came from: the Table's
 * coordinators publish to everyone and see every roster; an organisation's coordinator publishes to
 * their organisation's people and sees their organisation's sessions only.
 */
import type { Directory } from '../directory/directory.js';
import { toRecipient, type Person } from '../people/person.js';
import type { RecordStore } from '../storage/record-store.js';
import { broadcastJobKey, type BroadcastJob } from './broadcast.js';
import type { SessionDraft } from './session-draft.js';
import { trainingsPartition as partition, type TrainingSession } from './session-types.js';
import { acknowledgementKey, isSessionId, sessionIndexOp, sessionKey, sessionsEndingAfter } from './training-service.js';

/** Someone who acknowledged an announcement. */
export interface Acknowledgement {
  readonly userId: string;
  readonly name?: string;
  readonly at: string;
}

/** Result of a publication. */
export type PublishOutcome =
  | { readonly kind: 'published'; readonly session: TrainingSession }
  | { readonly kind: 'already-published'; readonly session?: TrainingSession }
  | { readonly kind: 'not-a-coordinator' };

/** Result of a roster request. */
export type RosterOutcome =
  | { readonly kind: 'roster'; readonly session: TrainingSession; readonly acknowledgements: readonly Acknowledgement[] }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'not-a-coordinator' }
  /** Another organisation's session. */
  | { readonly kind: 'not-in-scope'; readonly sessionId: string };

/** What coordination needs. */
export interface CoordinationDeps {
  readonly store: RecordStore;
  readonly directory: Pick<Directory, 'isTableCoordinator' | 'coordinatedBy'>;
  readonly now: () => Date;
  /** How long a past session stays in the roster list, in days. Default: 60. */
  readonly rosterKeepDays?: number;
}

/** Coordinator actions. */
export interface Coordination {
  /** Creates the session `sessionId` from a validated draft and opens its broadcast job; publishing twice is harmless. */
  publish(actor: Person, sessionId: string, draft: SessionDraft, lang: 'fr' | 'en'): Promise<PublishOutcome>;
  /** Sessions a coordinator may look at: upcoming, and recent ones. */
  sessions(actor: Person): Promise<TrainingSession[] | 'not-a-coordinator'>;
  roster(actor: Person, sessionId: string): Promise<RosterOutcome>;
}

/** What a coordinator may reach: everything (the Table), some organisations, or nothing. */
export type CoordinatorScope = { readonly kind: 'table' } | { readonly kind: 'organisations'; readonly ids: readonly string[] } | { readonly kind: 'none' };

/** The scope of `actor` in the directory. */
export function scopeOf(directory: CoordinationDeps['directory'], actor: Person): CoordinatorScope {
  if (directory.isTableCoordinator(actor)) return { kind: 'table' };
  const ids = directory.coordinatedBy(actor).map((o) => o.id);
  return ids.length > 0 ? { kind: 'organisations', ids } : { kind: 'none' };
}

/** True when a coordinator of `scope` may see `session`. */
export function inScope(scope: CoordinatorScope, session: Pick<TrainingSession, 'organisationId'>): boolean {
  return scope.kind === 'table' || (scope.kind === 'organisations' && !!session.organisationId && scope.ids.includes(session.organisationId));
}

/** Creates the coordinator actions. */
export function createCoordination(deps: CoordinationDeps): Coordination {
  const keepMs = (deps.rosterKeepDays ?? 60) * 86_400_000;
  return {
    async publish(actor, sessionId, draft, lang) {
      const scope = scopeOf(deps.directory, actor);
      if (scope.kind === 'none') return { kind: 'not-a-coordinator' };
      if (!isSessionId(sessionId)) return { kind: 'already-published' };
      const now = deps.now().toISOString();
      // An organisation's coordinator publishes for their organisation (the first, if they coordinate several).
      const organisationId = scope.kind === 'organisations' ? scope.ids[0] : undefined;
      const session: TrainingSession = {
        id: sessionId,
        ...draft,
        createdBy: { userId: actor.id, name: actor.name },
        createdAt: now,
        ...(organisationId ? { organisationId } : {}),
        registered: [],
        waitlist: [],
      };
      const job: BroadcastJob = { sessionId, by: toRecipient(actor), lang, startedAt: now, enqueued: false, reported: [] };
      // Create-once: a second click on "Publier" (same draft id) finds the session and changes nothing.
      const result = await deps.store.commit(partition, [
        { kind: 'put', key: sessionKey(sessionId), value: session, ifAbsent: true },
        { kind: 'put', key: broadcastJobKey(sessionId), value: job, ifAbsent: true },
        sessionIndexOp(session),
      ]);
      if (!result.ok) return { kind: 'already-published', session: (await deps.store.get<TrainingSession>(partition, sessionKey(sessionId)))?.value };
      return { kind: 'published', session };
    },
    async sessions(actor) {
      const scope = scopeOf(deps.directory, actor);
      if (scope.kind === 'none') return 'not-a-coordinator';
      const since = deps.now().getTime() - keepMs;
      return (await sessionsEndingAfter(deps.store, new Date(since))).filter((s) => inScope(scope, s));
    },
    async roster(actor, sessionId) {
      const scope = scopeOf(deps.directory, actor);
      if (scope.kind === 'none') return { kind: 'not-a-coordinator' };
      if (!isSessionId(sessionId)) return { kind: 'not-found' };
      const session = (await deps.store.get<TrainingSession>(partition, sessionKey(sessionId)))?.value;
      if (!session) return { kind: 'not-found' };
      if (!inScope(scope, session)) return { kind: 'not-in-scope', sessionId };
      const acks = await deps.store.list<Acknowledgement>(partition, { prefix: acknowledgementKey(sessionId, '') });
      return { kind: 'roster', session, acknowledgements: acks.map((r) => r.value).sort((a, b) => a.at.localeCompare(b.at)) };
    },
  };
}
