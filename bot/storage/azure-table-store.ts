/**
 * A {@link RecordStore} on Azure Table Storage (or Azurite), for several bot instances sharing state.
 * One table; partition and key are URI-encoded into PartitionKey/RowKey (Azure forbids `/ \ # ?`);
 * the value is a JSON string property; the entity's ETag is the record's ETag; a commit is one
 * entity-group transaction, which Azure applies atomically inside one partition.
 */
import { TableClient, type TransactionAction } from '@azure/data-tables';
import { prefixUpperBound as upperBound, type CommitResult, type ListOptions, type RecordStore, type StoredRecord, type WriteOp } from '../core/storage/record-store.js';
import { checkOps } from './check-ops.js';

interface Entity {
  partitionKey: string;
  rowKey: string;
  json: string;
  etag?: string;
}

const encode = (s: string) => encodeURIComponent(s);
const decode = (s: string) => decodeURIComponent(s);

const isConflict = (err: unknown) => {
  const status = (err as { statusCode?: number }).statusCode;
  return status === 409 || status === 412 || status === 404;
};

/** Connects to `tableName` (created if missing) with a storage connection string. */
export async function createAzureTableStore(connectionString: string, tableName = 'balise'): Promise<RecordStore> {
  const client = TableClient.fromConnectionString(connectionString, tableName, { allowInsecureConnection: true });
  await client.createTable();
  const toRecord = <T>(e: Entity): StoredRecord<T> => ({ key: decode(e.rowKey), value: JSON.parse(e.json) as T, etag: e.etag ?? '' });

  const store: RecordStore = {
    async get<T>(partition: string, key: string) {
      try {
        return toRecord<T>(await client.getEntity<Entity>(encode(partition), encode(key)));
      } catch (err) {
        if ((err as { statusCode?: number }).statusCode === 404) return undefined;
        throw err;
      }
    },
    async list<T>(partition: string, options: ListOptions = {}) {
      const pk = encode(partition);
      const prefix = options.prefix ? encode(options.prefix) : '';
      const quote = (v: string) => `'${v.replace(/'/g, "''")}'`;
      const from = options.from ? encode(options.from) : '';
      const start = from > prefix ? from : prefix;
      const prefixEnd = prefix ? upperBound(prefix) : undefined;
      const to = options.to !== undefined ? encode(options.to) : undefined;
      const end = to !== undefined && (prefixEnd === undefined || to < prefixEnd) ? to : prefixEnd;
      const filter = [`PartitionKey eq ${quote(pk)}`, ...(start ? [`RowKey ge ${quote(start)}`] : []), ...(end !== undefined ? [`RowKey lt ${quote(end)}`] : [])].join(' and ');
      const out: Array<StoredRecord<T>> = [];
      const limit = options.limit ?? Infinity;
      // Azure returns a partition's rows in RowKey order, and encodeURIComponent keeps that order
      // for the ASCII keys Balise writes, so the first pages hold the first keys.
      const pages = client.listEntities<Entity>({ queryOptions: { filter } }).byPage({ maxPageSize: Number.isFinite(limit) ? Math.min(1000, limit) : 1000 });
      for await (const page of pages) {
        for (const e of page) out.push(toRecord<T>(e));
        if (out.length >= limit) break;
      }
      return out.slice(0, limit).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    },
    async commit(partition: string, ops: readonly WriteOp[]): Promise<CommitResult> {
      checkOps(ops);
      const pk = encode(partition);
      const [only] = ops;
      if (ops.length === 1 && only?.kind === 'delete') {
        try {
          await client.deleteEntity(pk, encode(only.key), only.ifMatch ? { etag: only.ifMatch } : {});
          return { ok: true, etags: [undefined] };
        } catch (err) {
          if (isConflict(err)) return { ok: false, reason: 'conflict', key: only.key };
          throw err;
        }
      }
      // Azure's transactions cannot make a delete conditional: inside a larger commit, the ETag of
      // a conditional delete is checked just before the transaction (a narrow, documented race).
      for (const op of ops) {
        if (op.kind === 'delete' && op.ifMatch) {
          const current = await store.get(partition, op.key);
          if (!current || current.etag !== op.ifMatch) return { ok: false, reason: 'conflict', key: op.key };
        }
      }
      const actions: TransactionAction[] = ops.map((op): TransactionAction => {
        const entity = { partitionKey: pk, rowKey: encode(op.key) };
        if (op.kind === 'delete') return ['delete', entity];
        const full = { ...entity, json: JSON.stringify(op.value) };
        if (op.ifAbsent) return ['create', full];
        if (op.ifMatch) return ['update', full, 'Replace', { etag: op.ifMatch }];
        return ['upsert', full, 'Replace'];
      });
      try {
        const response = await client.submitTransaction(actions);
        return { ok: true, etags: ops.map((op, i) => (op.kind === 'delete' ? undefined : response.subResponses[i]?.etag)) };
      } catch (err) {
        // Azure reports a stale ETag as 412, an existing row on create as 409, a missing row as 404.
        if (isConflict(err)) return { ok: false, reason: 'conflict', key: ops[0]?.key ?? '' };
        throw err;
      }
    },
    async ping() {
      await client.getAccessPolicy();
    },
    async close() {},
  };
  return store;
}
