import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateRecord, type RecordStore } from '../../bot/core/storage/record-store.js';
import { createAzureTableStore } from '../../bot/storage/azure-table-store.js';
import { createMemoryStore } from '../../bot/storage/memory-store.js';
import Database from 'better-sqlite3';
import { createSqliteStore, listRangeSql } from '../../bot/storage/sqlite-store.js';
import { startAzurite, type Azurite } from '../support/azurite.js';

let azurite: Azurite;
beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(async () => {
  await azurite?.stop();
});

let tableCount = 0;
const backends: Array<[string, () => Promise<RecordStore>]> = [
  ['memory', async () => createMemoryStore()],
  ['sqlite', async () => createSqliteStore(mkdtempSync(path.join(os.tmpdir(), 'balise-sqlite-')))],
  ['azure-table (Azurite)', async () => createAzureTableStore(azurite.connectionString, `balisetest${++tableCount}`)],
];

describe.each(backends)('RecordStore contract: %s', (_name, open) => {
  it('stores, reads and lists records by prefix in key order', async () => {
    const store = await open();
    await store.commit('p', [
      { kind: 'put', key: 'b/2', value: { n: 2 } },
      { kind: 'put', key: 'a/1', value: { n: 1 } },
      { kind: 'put', key: 'b/1', value: { n: 3 } },
    ]);
    expect((await store.get<{ n: number }>('p', 'a/1'))?.value).toEqual({ n: 1 });
    expect((await store.list('p', { prefix: 'b/' })).map((r) => r.key)).toEqual(['b/1', 'b/2']);
    expect(await store.get('p', 'missing')).toBeUndefined();
    expect(await store.list('other')).toEqual([]);
  });

  it('refuses a stale write with a conflict result', async () => {
    const store = await open();
    await store.commit('p', [{ kind: 'put', key: 'k', value: 1 }]);
    const first = await store.get('p', 'k');
    const ok = await store.commit('p', [{ kind: 'put', key: 'k', value: 2, ifMatch: first?.etag }]);
    expect(ok.ok).toBe(true);
    const stale = await store.commit('p', [{ kind: 'put', key: 'k', value: 3, ifMatch: first?.etag }]);
    expect(stale).toEqual({ ok: false, reason: 'conflict', key: 'k' });
    expect((await store.get('p', 'k'))?.value).toBe(2);
  });

  it('creates once with ifAbsent', async () => {
    const store = await open();
    expect((await store.commit('p', [{ kind: 'put', key: 'once', value: 1, ifAbsent: true }])).ok).toBe(true);
    expect((await store.commit('p', [{ kind: 'put', key: 'once', value: 2, ifAbsent: true }])).ok).toBe(false);
  });

  it('applies a commit atomically: one conflict writes nothing', async () => {
    const store = await open();
    await store.commit('p', [{ kind: 'put', key: 'taken', value: 1 }]);
    const result = await store.commit('p', [
      { kind: 'put', key: 'new', value: 1 },
      { kind: 'put', key: 'taken', value: 2, ifAbsent: true },
    ]);
    expect(result.ok).toBe(false);
    expect(await store.get('p', 'new')).toBeUndefined();
  });

  it('deletes conditionally', async () => {
    const store = await open();
    await store.commit('p', [{ kind: 'put', key: 'd', value: 1 }]);
    const current = await store.get('p', 'd');
    await store.commit('p', [{ kind: 'put', key: 'd', value: 2 }]);
    expect((await store.commit('p', [{ kind: 'delete', key: 'd', ifMatch: current?.etag }])).ok).toBe(false);
    const fresh = await store.get('p', 'd');
    expect((await store.commit('p', [{ kind: 'delete', key: 'd', ifMatch: fresh?.etag }])).ok).toBe(true);
    expect(await store.get('p', 'd')).toBeUndefined();
  });

  it('keeps keys with characters Azure forbids in row keys', async () => {
    const store = await open();
    await store.commit('a/b#c', [{ kind: 'put', key: 'x/y?z#w\\v', value: 'ok' }]);
    expect((await store.list('a/b#c', { prefix: 'x/' })).map((r) => r.key)).toEqual(['x/y?z#w\\v']);
  });

  it('lists a prefix as a key range: neighbours of the prefix stay out, and a limit returns the first keys', async () => {
    const store = await open();
    await store.commit('p', [
      { kind: 'put', key: 'due/', value: 0 },
      { kind: 'put', key: 'due/a', value: 1 },
      { kind: 'put', key: 'due/b', value: 2 },
      { kind: 'put', key: 'due0', value: 3 },
      { kind: 'put', key: 'duc/z', value: 4 },
      { kind: 'put', key: 'due', value: 5 },
    ]);
    expect((await store.list('p', { prefix: 'due/' })).map((r) => r.key)).toEqual(['due/', 'due/a', 'due/b']);
    expect((await store.list('p', { prefix: 'due/', limit: 2 })).map((r) => r.key)).toEqual(['due/', 'due/a']);
    expect((await store.list('p', { limit: 1 })).map((r) => r.key)).toEqual(['duc/z']);
    expect((await store.list('p', { prefix: 'due/', from: 'due/a' })).map((r) => r.key)).toEqual(['due/a', 'due/b']);
    expect((await store.list('p', { from: 'due0' })).map((r) => r.key)).toEqual(['due0']);
  });

  it('ends a range before `to`: time-ordered keys are read up to a moment, the later ones stay out', async () => {
    const store = await open();
    const at = (iso: string, id: string) => `due-at/${iso}/${id}`;
    await store.commit('p', [
      { kind: 'put', key: at('2026-12-01T10:00:00.000Z', 'a'), value: 1 },
      { kind: 'put', key: at('2026-12-01T10:00:00.000Z', 'b/c'), value: 2 },
      { kind: 'put', key: at('2026-12-01T10:00:00.001Z', 'd'), value: 3 },
      { kind: 'put', key: at('2027-01-01T00:00:00.000Z', 'e'), value: 4 },
      { kind: 'put', key: 'due-au', value: 5 },
    ]);
    // Up to 10:00:00.000 included: the bound is the smallest key after every key of that moment.
    const upTo = (iso: string) => ({ prefix: 'due-at/', to: `due-at/${iso}0` });
    expect((await store.list('p', upTo('2026-12-01T10:00:00.000Z'))).map((r) => r.key)).toEqual([at('2026-12-01T10:00:00.000Z', 'a'), at('2026-12-01T10:00:00.000Z', 'b/c')]);
    expect((await store.list('p', upTo('2026-12-31T00:00:00.000Z'))).map((r) => r.key)).toHaveLength(3);
    expect((await store.list('p', upTo('2026-11-30T00:00:00.000Z'))).map((r) => r.key)).toEqual([]);
    // A `to` past the prefix's end keeps the prefix's end; `to` alone is a range from the first key.
    expect((await store.list('p', { prefix: 'due-at/', to: 'zzz' })).map((r) => r.key)).toHaveLength(4);
    expect((await store.list('p', { to: 'due-at/2026-12-01T10:00:00.001Z' })).map((r) => r.key)).toEqual([at('2026-12-01T10:00:00.000Z', 'a'), at('2026-12-01T10:00:00.000Z', 'b/c')]);
  });

  it('lets exactly the expected number of concurrent increments through updateRecord', async () => {
    const store = await open();
    await Promise.all(Array.from({ length: 5 }, () => updateRecord<number, void>(store, 'p', 'counter', (n) => ({ value: (n ?? 0) + 1, result: undefined }), 20)));
    expect((await store.get('p', 'counter'))?.value).toBe(5);
  });
});

describe('sqlite store', () => {
  it('lists a prefix with a search on the primary key, never a scan of the partition', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'balise-sqlite-'));
    const store = createSqliteStore(dir);
    await store.commit('p', [{ kind: 'put', key: 'k', value: 1 }]);
    const db = new Database(path.join(dir, 'balise.sqlite'), { readonly: true });
    const plan = db.prepare<[{ partition: string; from: string; to: string; limit: number }], { detail: string }>(`EXPLAIN QUERY PLAN ${listRangeSql}`).all({ partition: 'p', from: 'a/', to: 'a0', limit: -1 }).map((r) => r.detail);
    db.close();
    await store.close();
    // Without the range (the former substr filter), SQLite reports "(partition=?)" only.
    expect(plan.join('\n')).toMatch(/SEARCH records USING PRIMARY KEY \(partition=\? AND key>\? AND key<\?\)/);
  });

  it('persists across a close and reopen of the same folder', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'balise-sqlite-'));
    const first = createSqliteStore(dir);
    await first.commit('p', [{ kind: 'put', key: 'k', value: { kept: true } }]);
    await first.close();
    const second = createSqliteStore(dir);
    expect((await second.get('p', 'k'))?.value).toEqual({ kept: true });
    await second.close();
  });
});
