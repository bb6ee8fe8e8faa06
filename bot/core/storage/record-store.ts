/**
 * The one storage interface of Balise: JSON records grouped in partitions, each with an ETag,
 * written with optimistic concurrency. Embedded SQLite, memory and Azure Table Storage implement it.
 */

/** A stored record and the ETag of the version read. */
export interface StoredRecord<T> {
  readonly key: string;
  readonly value: T;
  readonly etag: string;
}

/** Options of {@link RecordStore.list}. */
export interface ListOptions {
  /** Keep keys that start with it. Default: every key. */
  readonly prefix?: string;
  /** At most this many records, first in key order. Default: no limit. */
  readonly limit?: number;
  /** Only keys greater than or equal to this one (a range start, served by the key index). Default: none. */
  readonly from?: string;
  /** Only keys strictly less than this one (a range end, served by the key index). Default: none. */
  readonly to?: string;
}

/** The smallest string greater than every string that starts with `prefix` (the end of its key range). */
export function prefixUpperBound(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

/**
 * Every record under `prefix`, page by page (`pageSize` a page): memory holds one page at a time.
 * Each page starts after the last key of the one before, so records deleted meanwhile are no obstacle.
 */
export async function* listPages<T>(store: RecordStore, partition: string, prefix: string, pageSize: number): AsyncGenerator<Array<StoredRecord<T>>> {
  let from: string | undefined;
  for (;;) {
    const page = await store.list<T>(partition, { prefix, limit: pageSize, ...(from ? { from } : {}) });
    const rest = from ? page.filter((r) => r.key !== from) : page;
    if (rest.length > 0) yield rest;
    if (page.length < pageSize) return;
    from = page[page.length - 1]?.key;
  }
}

/** One write inside an atomic commit. */
export type WriteOp =
  | {
      readonly kind: 'put';
      readonly key: string;
      readonly value: unknown;
      /** Write only if the stored ETag is this one (stale write → conflict). */
      readonly ifMatch?: string;
      /** Write only if no record exists yet (create-once). */
      readonly ifAbsent?: boolean;
    }
  | { readonly kind: 'delete'; readonly key: string; readonly ifMatch?: string };

/** Outcome of a commit: a conflict is an expected outcome, not an error. */
export type CommitResult =
  | { readonly ok: true; readonly etags: ReadonlyArray<string | undefined> }
  | { readonly ok: false; readonly reason: 'conflict'; readonly key: string };

/**
 * Partitioned JSON records with ETags. All writes of one commit target one partition and
 * apply atomically (Azure Table Storage's transaction rule, so the core can rely on it everywhere).
 */
export interface RecordStore {
  get<T>(partition: string, key: string): Promise<StoredRecord<T> | undefined>;
  /**
   * Records of a partition, in key order; `prefix` keeps keys that start with it (served by the
   * key index as a range, so a prefix costs what it returns, not the partition's size); `from` and
   * `to` narrow that range (`to` excluded); `limit` returns at most that many (default: all).
   */
  list<T>(partition: string, options?: ListOptions): Promise<Array<StoredRecord<T>>>;
  commit(partition: string, ops: readonly WriteOp[]): Promise<CommitResult>;
  /** Resolves when the store is reachable (used by /readyz). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Thrown when an optimistic update keeps conflicting (a real fault, not an expected outcome). */
export class StorageContentionError extends Error {
  constructor(partition: string, key: string) {
    super(`storage: too much contention on ${partition}/${key}`);
    this.name = 'StorageContentionError';
  }
}

/**
 * Read-modify-write with optimistic concurrency: `change` gets the current value (or undefined)
 * and returns the new one plus extra writes in the same partition, or `undefined` to write nothing.
 * On a conflict it re-reads and tries again, up to `attempts` times (default 8).
 */
export async function updateRecord<T, R>(
  store: RecordStore,
  partition: string,
  key: string,
  change: (current: T | undefined) => { value: T; result: R; extra?: WriteOp[] } | { result: R; value?: undefined },
  attempts = 8,
): Promise<R> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const current = await store.get<T>(partition, key);
    const outcome = change(current?.value);
    if (outcome.value === undefined) return outcome.result;
    const own: WriteOp = current
      ? { kind: 'put', key, value: outcome.value, ifMatch: current.etag }
      : { kind: 'put', key, value: outcome.value, ifAbsent: true };
    const committed = await store.commit(partition, [own, ...(('extra' in outcome && outcome.extra) || [])]);
    if (committed.ok) return outcome.result;
  }
  throw new StorageContentionError(partition, key);
}
