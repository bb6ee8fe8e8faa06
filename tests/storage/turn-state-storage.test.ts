/** teams-ai turn state kept in Balise's record store (`bot/teams/turn-state-storage.ts`). */
import { describe, expect, it } from 'vitest';
import type { RecordStore } from '../../bot/core/storage/record-store.js';
import { createMemoryStore } from '../../bot/storage/memory-store.js';
import { createTurnStateStorage, TurnStateConflictError } from '../../bot/teams/turn-state-storage.js';

/** A store whose reads all wait until `release` is called, counting how many wait at once. */
function heldReads(inner: RecordStore) {
  let waiting = 0;
  let mostAtOnce = 0;
  const held: Array<() => void> = [];
  const store: RecordStore = {
    ...inner,
    async get(partition, key) {
      waiting++;
      mostAtOnce = Math.max(mostAtOnce, waiting);
      await new Promise<void>((resolve) => held.push(resolve));
      waiting--;
      return inner.get(partition, key);
    },
  };
  return { store, mostAtOnce: () => mostAtOnce, release: () => held.splice(0).forEach((resolve) => resolve()) };
}

describe('turn state in the record store', () => {
  it('reads the keys of a turn at once, and returns each stored item with its eTag', async () => {
    const inner = createMemoryStore();
    const writer = createTurnStateStorage(inner);
    await writer.write({ 'msteams/bot/conversations/a:1': { step: 2 } });
    const { store, mostAtOnce, release } = heldReads(inner);
    const reading = createTurnStateStorage(store).read(['msteams/bot/conversations/a:1', 'msteams/bot/users/u1']);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(mostAtOnce()).toBe(2);
    release();
    expect(await reading).toEqual({ 'msteams/bot/conversations/a:1': { step: 2, eTag: expect.any(String) } });
  });

  it('refuses to overwrite state another turn changed meanwhile', async () => {
    const storage = createTurnStateStorage(createMemoryStore());
    await storage.write({ k: { step: 1 } });
    const first = (await storage.read(['k'])).k as { eTag: string };
    await storage.write({ k: { step: 2, eTag: first.eTag } });
    await expect(storage.write({ k: { step: 3, eTag: first.eTag } })).rejects.toBeInstanceOf(TurnStateConflictError);
    expect((await storage.read(['k'])).k).toMatchObject({ step: 2 });
  });
});
