/**
 * botbuilder's `Storage`, backed by Balise's {@link RecordStore}, so teams-ai turn state lives in
 * the same database with the same optimistic concurrency (an item's eTag must match to overwrite).
 */
import type { Storage, StoreItems } from 'botbuilder';
import type { RecordStore } from '../core/storage/record-store.js';

/** The partition of teams-ai turn state. */
export const turnStatePartition = 'turn-state';
const partition = turnStatePartition;
/** When an item was last written (stripped on read): the purge removes conversations idle too long. */
const savedAtField = '__savedAt';

/** Thrown when a turn writes state that another turn changed meanwhile. */
export class TurnStateConflictError extends Error {
  constructor(key: string) {
    super(`turn-state: the state of ${key} changed during the turn`);
    this.name = 'TurnStateConflictError';
  }
}

/** Adapts a record store to botbuilder's storage interface. */
export function createTurnStateStorage(store: RecordStore, now: () => Date = () => new Date()): Storage {
  return {
    // teams-ai reads a conversation's and a user's state at every turn (when a feature keeps turn
    // state): both at once, so a turn on Azure Table Storage waits for one round trip, not two.
    async read(keys: string[]): Promise<StoreItems> {
      const records = await Promise.all(keys.map((key) => store.get<Record<string, unknown>>(partition, key)));
      const items: StoreItems = {};
      records.forEach((record, i) => {
        if (!record) return;
        const { [savedAtField]: _savedAt, ...value } = record.value;
        items[keys[i]!] = { ...value, eTag: record.etag };
      });
      return items;
    },
    async write(changes: StoreItems): Promise<void> {
      for (const [key, item] of Object.entries(changes)) {
        const { eTag, ...value } = (item ?? {}) as { eTag?: string };
        const condition = eTag && eTag !== '*' ? { ifMatch: eTag } : {};
        const result = await store.commit(partition, [{ kind: 'put', key, value: { ...value, [savedAtField]: now().toISOString() }, ...condition }]);
        if (!result.ok) throw new TurnStateConflictError(key);
      }
    },
    async delete(keys: string[]): Promise<void> {
      for (const key of keys) {
        if (await store.get(partition, key)) await store.commit(partition, [{ kind: 'delete', key }]);
      }
    },
  };
}

/** Deletes turn state last written before `before` (items without a date are kept: their age is unknown). */
export async function purgeTurnState(store: RecordStore, before: Date): Promise<number> {
  const old = (await store.list<Record<string, unknown>>(partition)).filter((r) => typeof r.value[savedAtField] === 'string' && Date.parse(String(r.value[savedAtField])) < before.getTime());
  for (const r of old) await store.commit(partition, [{ kind: 'delete', key: r.key, ifMatch: r.etag }]);
  return old.length;
}
