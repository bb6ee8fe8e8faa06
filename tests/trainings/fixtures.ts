/** Sessions for the trainings tests, written straight into a store. */
import type { RecordStore } from '../../bot/core/storage/record-store.js';
import { trainingsPartition, type TrainingSession } from '../../bot/core/trainings/session-types.js';
import { sessionKey } from '../../bot/core/trainings/training-service.js';
import type { TrackId } from '../../bot/core/trainings/tracks.js';

const day = 86_400_000;

/** A session starting `inDays` days after `now` at 14:00 UTC (9:00 in Québec in winter), one day long unless Volet 1. */
export function sessionAt(now: Date, id: string, track: TrackId, inDays: number, extra: Partial<TrainingSession> = {}): TrainingSession {
  const start = Date.parse(now.toISOString().slice(0, 10) + 'T14:00:00Z') + inDays * day;
  const days = Array.from({ length: track === 'volet-1' ? 2 : 1 }, (_, i) => ({
    start: new Date(start + i * day).toISOString(),
    end: new Date(start + i * day + 7 * 3_600_000).toISOString(),
  }));
  return {
    id,
    track,
    days,
    place: 'Salle de test',
    capacity: 10,
    deadline: new Date(start - 2 * day).toISOString(),
    createdBy: { userId: 'user-id-5' },
    createdAt: now.toISOString(),
    registered: [],
    waitlist: [],
    ...extra,
  };
}

/** Writes sessions into the store. */
export async function putSessions(store: RecordStore, ...sessions: TrainingSession[]): Promise<void> {
  await store.commit(trainingsPartition, sessions.map((s) => ({ kind: 'put' as const, key: sessionKey(s.id), value: s })));
}
