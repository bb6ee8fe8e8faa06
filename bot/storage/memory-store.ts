/** An in-memory {@link RecordStore} for tests: same semantics as the persistent ones, nothing kept. */
import type { CommitResult, ListOptions, RecordStore, StoredRecord, WriteOp } from '../core/storage/record-store.js';
import { checkOps } from './check-ops.js';

/** Creates an empty in-memory store. */
export function createMemoryStore(): RecordStore {
  const partitions = new Map<string, Map<string, { json: string; version: number }>>();
  const partitionOf = (p: string) => {
    let m = partitions.get(p);
    if (!m) partitions.set(p, (m = new Map()));
    return m;
  };
  return {
    async get<T>(partition: string, key: string) {
      const row = partitions.get(partition)?.get(key);
      return row ? { key, value: JSON.parse(row.json) as T, etag: String(row.version) } : undefined;
    },
    async list<T>(partition: string, options: ListOptions = {}) {
      const rows = [...(partitions.get(partition)?.entries() ?? [])]
        .filter(([k]) => (!options.prefix || k.startsWith(options.prefix)) && (!options.from || k >= options.from) && (options.to === undefined || k < options.to))
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .slice(0, options.limit ?? Infinity);
      return rows.map(([key, row]): StoredRecord<T> => ({ key, value: JSON.parse(row.json) as T, etag: String(row.version) }));
    },
    async commit(partition: string, ops: readonly WriteOp[]): Promise<CommitResult> {
      checkOps(ops);
      const m = partitionOf(partition);
      for (const op of ops) {
        const row = m.get(op.key);
        if (op.kind === 'put' && op.ifAbsent && row) return { ok: false, reason: 'conflict', key: op.key };
        if (op.ifMatch !== undefined && (!row || String(row.version) !== op.ifMatch)) return { ok: false, reason: 'conflict', key: op.key };
      }
      const etags = ops.map((op) => {
        if (op.kind === 'delete') {
          m.delete(op.key);
          return undefined;
        }
        const version = (m.get(op.key)?.version ?? 0) + 1;
        m.set(op.key, { json: JSON.stringify(op.value), version });
        return String(version);
      });
      return { ok: true, etags };
    },
    async ping() {},
    async close() {},
  };
}
