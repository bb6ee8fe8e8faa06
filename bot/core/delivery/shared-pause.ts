/**
 * The outbox's 429 pause, stored so every instance honours it: the Bot Connector's limit is per
 * bot, not per process. Each instance keeps the latest pause it saw and reads the stored one at
 * each poll (one record).
 */
import { updateRecord, type RecordStore } from '../storage/record-store.js';

/** Where the shared 429 pause is stored. */
export const outboxControlPartition = 'outbox-control';
const pauseKey = 'pause';

interface Pause {
  readonly until: string;
}

/** The pause as one instance sees it. */
export interface SharedPause {
  /** Epoch ms before which nothing is sent (0: no pause seen). */
  until(): number;
  /** Takes in the stored pause. */
  refresh(): Promise<void>;
  /** Pauses every instance until `untilMs` (never shortens a longer pause). */
  extend(untilMs: number): Promise<void>;
}

/** Creates the pause over the store. */
export function createSharedPause(store: RecordStore): SharedPause {
  let pausedUntil = 0;
  return {
    until: () => pausedUntil,
    async refresh() {
      const stored = await store.get<Pause>(outboxControlPartition, pauseKey);
      if (stored) pausedUntil = Math.max(pausedUntil, Date.parse(stored.value.until));
    },
    async extend(untilMs) {
      pausedUntil = Math.max(pausedUntil, untilMs);
      await updateRecord<Pause, void>(store, outboxControlPartition, pauseKey, (current) =>
        current && Date.parse(current.until) >= untilMs ? { result: undefined } : { value: { until: new Date(untilMs).toISOString() }, result: undefined },
      );
    },
  };
}
