/**
 * The embedded {@link RecordStore}: one SQLite file (better-sqlite3) in the data folder,
 * WAL journal, a version counter per record as its ETag, each commit one transaction.
 */
import Database from 'better-sqlite3';
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import { prefixUpperBound, type CommitResult, type ListOptions, type RecordStore, type StoredRecord, type WriteOp } from '../core/storage/record-store.js';
import { checkOps } from './check-ops.js';

interface Row {
  key: string;
  value: string;
  version: number;
}

/** How a prefix is listed: a key range on the primary key (tests check its query plan). */
export const listRangeSql = 'SELECT key, value, version FROM records WHERE partition = @partition AND key >= @from AND key < @to ORDER BY key LIMIT @limit';

/** Bytes of the database file SQLite maps into memory for reads. */
const mmapBytes = 256 * 1024 * 1024;

/** Opens (and creates if needed) `balise.sqlite` in `dataDir`; `:memory:` works too. */
export function createSqliteStore(dataDir: string | ':memory:'): RecordStore {
  let file: string = dataDir;
  if (dataDir !== ':memory:') {
    // Owner only (700/600): the file holds consultation requests. SQLite gives -wal/-shm the file's mode.
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    chmodSync(dataDir, 0o700);
    file = path.join(dataDir, 'balise.sqlite');
    closeSync(openSync(file, 'a', 0o600));
    chmodSync(file, 0o600);
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  // Pages are read through a memory map (up to 256 MiB) rather than one read() call each: a point
  // read in a year-old database (~170 MB) then costs what it costs in a new one (year bench).
  db.pragma(`mmap_size = ${mmapBytes}`);
  db.exec(`CREATE TABLE IF NOT EXISTS records (
    partition TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, version INTEGER NOT NULL,
    PRIMARY KEY (partition, key)) WITHOUT ROWID`);
  const getRow = db.prepare<[string, string], Row>('SELECT key, value, version FROM records WHERE partition = ? AND key = ?');
  // A prefix is a key range on the primary key (a `substr` filter would read the whole partition).
  const listRange = db.prepare<[{ partition: string; from: string; to: string; limit: number }], Row>(listRangeSql);
  const listAll = db.prepare<[{ partition: string; limit: number }], Row>('SELECT key, value, version FROM records WHERE partition = @partition ORDER BY key LIMIT @limit');
  const upsert = db.prepare<[string, string, string, number]>(
    'INSERT INTO records (partition, key, value, version) VALUES (?, ?, ?, ?) ON CONFLICT (partition, key) DO UPDATE SET value = excluded.value, version = excluded.version',
  );
  const remove = db.prepare<[string, string]>('DELETE FROM records WHERE partition = ? AND key = ?');

  const applyCommit = db.transaction((partition: string, ops: readonly WriteOp[]): CommitResult => {
    const etags: Array<string | undefined> = [];
    for (const op of ops) {
      const row = getRow.get(partition, op.key);
      if (op.kind === 'put' && op.ifAbsent && row) return { ok: false, reason: 'conflict', key: op.key };
      if (op.ifMatch !== undefined && (!row || String(row.version) !== op.ifMatch)) return { ok: false, reason: 'conflict', key: op.key };
    }
    for (const op of ops) {
      if (op.kind === 'delete') {
        remove.run(partition, op.key);
        etags.push(undefined);
      } else {
        const version = (getRow.get(partition, op.key)?.version ?? 0) + 1;
        upsert.run(partition, op.key, JSON.stringify(op.value), version);
        etags.push(String(version));
      }
    }
    return { ok: true, etags };
  });

  const toRecord = <T>(row: Row): StoredRecord<T> => ({ key: row.key, value: JSON.parse(row.value) as T, etag: String(row.version) });
  return {
    async get<T>(partition: string, key: string) {
      const row = getRow.get(partition, key);
      return row ? toRecord<T>(row) : undefined;
    },
    async list<T>(partition: string, options: ListOptions = {}) {
      const limit = options.limit ?? -1;
      const prefix = options.prefix ?? '';
      const from = options.from && options.from > prefix ? options.from : prefix;
      const end = prefix ? prefixUpperBound(prefix) : '\u{10FFFF}';
      const to = options.to !== undefined && options.to < end ? options.to : end;
      const rows = prefix || options.from || options.to !== undefined
        ? listRange.all({ partition, from, to, limit }).filter((r) => r.key.startsWith(prefix))
        : listAll.all({ partition, limit });
      return rows.map((r) => toRecord<T>(r));
    },
    async commit(partition: string, ops: readonly WriteOp[]) {
      checkOps(ops);
      return applyCommit(partition, ops);
    },
    async ping() {
      db.prepare('SELECT 1').get();
    },
    async close() {
      db.close();
    },
  };
}
