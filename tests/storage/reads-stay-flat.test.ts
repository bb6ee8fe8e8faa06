/** Reads that must not grow with history: each asserted as a count of records read. */
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../bot/storage/memory-store.js';
import { anyServiceUrl, conversationRefsPartition } from '../../bot/teams/conversation-refs.js';
import { countReads } from '../support/counting-store.js';

describe('conversation references', () => {
  it('finds a service URL by reading one reference, however many people are known', async () => {
    const store = countReads(createMemoryStore());
    for (let i = 0; i < 5; i++) {
      const ops = Array.from({ length: 100 }, (_, j) => ({ kind: 'put' as const, key: `user/u${i}-${j}`, value: { reference: { serviceUrl: 'http://127.0.0.1:1/' } } }));
      await store.commit(conversationRefsPartition, ops);
    }
    store.reset();
    expect(await anyServiceUrl(store)).toBe('http://127.0.0.1:1/');
    expect(store.rowsRead).toBe(1);
  });
});
