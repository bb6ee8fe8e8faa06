/**
 * The announcement broadcast, a durable job: publishing a session writes its job record; `run`
 * enqueues one delivery per recipient in the outbox (ids name the session and the recipient, so a
 * run resumed after a crash skips what is already there and nobody gets it twice); the outbox sends
 * them within the connector's limits; `report` tells the coordinator the progress at each quarter
 * and the final tally, each exactly once (milestones are recorded with the report, atomically).
 */
import type { DeliveryTally, Recipient } from '../delivery/delivery-types.js';
import type { Outbox } from '../delivery/outbox.js';
import { updateRecord, type RecordStore } from '../storage/record-store.js';
import { trainingsPartition as partition, type TrainingSession } from './session-types.js';
import { announcementDelivery, announcementJobId, reportDelivery } from './training-payloads.js';
import { sessionKey } from './training-service.js';

/** The record of a broadcast job. */
export interface BroadcastJob {
  readonly sessionId: string;
  /** The coordinator who published, who receives the reports. */
  readonly by: Extract<Recipient, { kind: 'user' }>;
  readonly lang: 'fr' | 'en';
  readonly startedAt: string;
  /** True once every recipient's delivery is in the outbox. */
  readonly enqueued: boolean;
  readonly total?: number;
  /** Milestones already reported: q1, q2, q3, final. */
  readonly reported: readonly string[];
}

/** Key of a session's broadcast job. */
export const broadcastJobKey = (sessionId: string) => `broadcast:${sessionId}`;
/**
 * Key of the marker of a broadcast whose final tally is not reported yet: written with `enqueued`,
 * deleted with the final report, so any instance finds the few open broadcasts without reading history.
 */
export const openBroadcastKey = (sessionId: string) => `broadcast-open/${sessionId}`;

/** What the broadcaster needs. */
export interface BroadcastDeps {
  readonly store: RecordStore;
  readonly outbox: Pick<Outbox, 'enqueue' | 'enqueueOps' | 'tally'>;
  /** Everyone to announce `session` to (its organisation's people only when it has one). */
  readonly audience: (session: TrainingSession) => Promise<Recipient[]>;
  readonly calendarUrl?: (sessionId: string) => string | undefined;
}

/** A broadcast's state, for the roster card. */
export interface BroadcastStatus {
  readonly job: BroadcastJob;
  readonly tally: DeliveryTally;
}

/** Runs and follows announcement broadcasts. */
export interface Broadcaster {
  /** Enqueues the announcement for the whole audience; safe to call again (nothing is enqueued twice). */
  run(sessionId: string): Promise<{ total: number } | undefined>;
  /** Runs again every job whose enqueue did not finish (after a restart); returns how many. */
  resume(): Promise<number>;
  status(sessionId: string): Promise<BroadcastStatus | undefined>;
  /** Sends the coordinator the next progress milestone or the final tally, if one was reached. */
  report(sessionId: string): Promise<void>;
  /**
   * Reports every broadcast whose final tally is still due (any instance may call it: a report is
   * recorded with its milestone, so none is sent twice); returns how many were checked.
   */
  reportOpen(): Promise<number>;
}

const sameRecipient = (a: Recipient, b: Recipient) => a.kind === 'user' && b.kind === 'user' && a.userId === b.userId;

/** Creates the broadcaster. */
export function createBroadcaster(deps: BroadcastDeps): Broadcaster {
  const getJob = async (id: string) => (await deps.store.get<BroadcastJob>(partition, broadcastJobKey(id)))?.value;
  const getSession = async (id: string) => (await deps.store.get<TrainingSession>(partition, sessionKey(id)))?.value;

  async function run(sessionId: string) {
    const [job, session] = [await getJob(sessionId), await getSession(sessionId)];
    if (!job || !session) return undefined;
    // The publisher already saw the preview; everyone else who can be reached gets the card.
    const recipients = (await deps.audience(session)).filter((r) => !sameRecipient(r, job.by));
    await deps.outbox.enqueue(partition, recipients.map((r) => announcementDelivery(session, r, deps.calendarUrl?.(sessionId))));
    const total = (await deps.outbox.tally(partition, announcementJobId(sessionId))).total;
    await updateRecord<BroadcastJob, void>(deps.store, partition, broadcastJobKey(sessionId), (current) =>
      current && !current.enqueued
        ? { value: { ...current, enqueued: true, total }, result: undefined, extra: [{ kind: 'put', key: openBroadcastKey(sessionId), value: { sessionId } }] }
        : { result: undefined },
    );
    // Deliveries may all have settled before the job was marked enqueued: report now, not only on the next settle.
    await report(sessionId);
    return { total };
  }

  async function report(sessionId: string) {
    const [job, session] = [await getJob(sessionId), await getSession(sessionId)];
    if (!job?.enqueued || !session || job.reported.includes('final')) return;
    const tally = await deps.outbox.tally(partition, announcementJobId(sessionId));
    const done = tally.sent + tally.failed + tally.unreachable;
    const milestone = tally.pending === 0 ? 'final' : tally.total > 0 ? `q${Math.floor((done * 4) / tally.total)}` : 'q0';
    if (milestone === 'q0' || job.reported.includes(milestone)) return;
    await updateRecord<BroadcastJob, void>(deps.store, partition, broadcastJobKey(sessionId), (current) => {
      if (!current || current.reported.includes(milestone) || current.reported.includes('final')) return { result: undefined };
      return {
        value: { ...current, reported: [...current.reported, milestone] },
        result: undefined,
        extra: [
          ...deps.outbox.enqueueOps([reportDelivery(session, current.by, current.lang, milestone, tally, milestone === 'final')]),
          ...(milestone === 'final' ? [{ kind: 'delete' as const, key: openBroadcastKey(sessionId) }] : []),
        ],
      };
    });
  }

  async function reportOpen() {
    const open = await deps.store.list<{ sessionId: string }>(partition, { prefix: openBroadcastKey('') });
    for (const r of open) await report(r.value.sessionId);
    return open.length;
  }

  return {
    run,
    async resume() {
      const open = (await deps.store.list<BroadcastJob>(partition, { prefix: 'broadcast:' })).filter((r) => !r.value.enqueued);
      for (const r of open) await run(r.value.sessionId);
      // A final tally whose check was lost with the previous process is sent now.
      await reportOpen();
      return open.length;
    },
    reportOpen,
    async status(sessionId) {
      const job = await getJob(sessionId);
      return job ? { job, tally: await deps.outbox.tally(partition, announcementJobId(sessionId)) } : undefined;
    },
    report,
  };
}
