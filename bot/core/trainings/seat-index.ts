/**
 * Each person's seats, indexed: `seat/<userId>/<sessionId>` (its track and end), written in the
 * same commit as the session change that gives or frees the seat. The prerequisite check reads
 * the person's own seats instead of every session ever held.
 */
import type { RecordStore, WriteOp } from '../storage/record-store.js';
import { endOf, trainingsPartition as partition, type TrainingSession } from './session-types.js';
import type { TrackId } from './tracks.js';

/** What a seat entry holds: enough to decide the prerequisite without reading the session. */
export interface SeatEntry {
  readonly sessionId: string;
  readonly track: TrackId;
  /** The session's last end (ISO instant). */
  readonly end: string;
}

/** Key of a person's seat in a session. */
export const seatKey = (userId: string, sessionId: string) => `seat/${userId}/${sessionId}`;
/** Marker written once every seat taken before the index existed is indexed. */
const seatIndexBuiltKey = 'seat-index-built';

/** The write that records `userId`'s seat in `session`; to commit with the session. */
export function seatOp(session: TrainingSession, userId: string): WriteOp {
  const value: SeatEntry = { sessionId: session.id, track: session.track, end: endOf(session) };
  return { kind: 'put', key: seatKey(userId, session.id), value };
}

/**
 * Indexes the seats of sessions stored before the index existed; once per store. Puts only, so two
 * instances racing write the same entries. A seat cancelled during the backfill may leave an entry
 * behind: readers confirm an entry against its session ({@link seatsOf} callers do).
 */
export async function ensureSeatIndex(store: RecordStore): Promise<void> {
  if (await store.get(partition, seatIndexBuiltKey)) return;
  const sessions = (await store.list<TrainingSession>(partition, { prefix: 'session:' })).map((r) => r.value);
  const ops = sessions.flatMap((s) => s.registered.map((r) => seatOp(s, r.userId)));
  for (let i = 0; i < ops.length; i += 100) await store.commit(partition, ops.slice(i, i + 100));
  await store.commit(partition, [{ kind: 'put', key: seatIndexBuiltKey, value: { at: new Date().toISOString() } }]);
}

/** The seat entries of one person (a key range: what it returns, whatever the history). */
export async function seatsOf(store: RecordStore, userId: string): Promise<SeatEntry[]> {
  await ensureSeatIndex(store);
  return (await store.list<SeatEntry>(partition, { prefix: `seat/${userId}/` })).map((r) => r.value);
}
