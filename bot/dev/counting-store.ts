/**
 * Wraps a record store and counts the records it reads and its commits: the tests assert costs as
 * counts, never as time, and the one-year bench prints them.
 */
import type { RecordStore } from '../core/storage/record-store.js';

/** A store that counts records returned by `get` and `list`, the calls, and the commits. */
export interface CountingStore extends RecordStore {
  /** Records read since the last {@link CountingStore.reset}. */
  readonly rowsRead: number;
  /** Calls of `get` and `list` since the last reset, whether they found anything or not. */
  readonly lookups: number;
  /** Commits (each one write transaction) since the last reset. */
  readonly commits: number;
  reset(): void;
}

/** Counts what `inner` reads. */
export function countReads(inner: RecordStore): CountingStore {
  let rows = 0;
  let lookups = 0;
  let commits = 0;
  return {
    get rowsRead() {
      return rows;
    },
    get lookups() {
      return lookups;
    },
    get commits() {
      return commits;
    },
    reset() {
      rows = 0;
      lookups = 0;
      commits = 0;
    },
    async get(partition, key) {
      lookups++;
      const record = await inner.get(partition, key);
      if (record) rows++;
      return record as never;
    },
    async list(partition, options) {
      lookups++;
      const records = await inner.list(partition, options);
      rows += records.length;
      return records as never;
    },
    commit: (partition, ops) => {
      commits++;
      return inner.commit(partition, ops);
    },
    ping: () => inner.ping(),
    close: () => inner.close(),
  };
}
