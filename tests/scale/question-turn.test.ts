/**
 * What a question turn costs once the same text was asked before: the same cards, no store write
 * (no turn state, the conversation reference already written), and no store read.
 */
import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../bot/core/i18n/messages.js';
import { createMemoryStore } from '../../bot/storage/memory-store.js';
import { createCardCache } from '../../bot/teams/features/ask.js';
import { appRig } from '../security/app-rig.js';
import { countReads } from '../../bot/dev/counting-store.js';

const sophie = { id: 'user-id-0', aadObjectId: '00000000-0000-4000-8000-000000000100', name: 'Sophie Tremblay' };
const question = 'où les pimps recrutent les jeunes filles';

describe('a question asked again', () => {
  it('gets the same cards as the first time', async () => {
    const rig = appRig({ local: true });
    const first = await rig.say(sophie, question);
    const again = await rig.say(sophie, question);
    expect(first[0]?.attachments?.length).toBeGreaterThan(0);
    expect(again.map((a) => a.attachments)).toEqual(first.map((a) => a.attachments));
    // Another person asking it gets them too.
    expect((await rig.say({ ...sophie, id: 'user-id-1', aadObjectId: undefined }, question)).map((a) => a.attachments)).toEqual(first.map((a) => a.attachments));
  });

  it('neither writes to the store nor reads it (no feature keeps turn state)', async () => {
    const store = countReads(createMemoryStore());
    const rig = appRig({ local: true, store });
    await rig.say(sophie, question);
    expect(store.commits).toBe(1); // the conversation reference, once
    store.reset();
    const replies = await rig.say(sophie, question);
    expect(replies.length).toBeGreaterThan(0);
    expect(store.commits).toBe(0);
    expect(store.lookups).toBe(0);
    expect(store.rowsRead).toBe(0);
  });

  it('shares frozen card content across turns, each turn with its own attachment objects', () => {
    const rig = appRig({ local: true });
    const cardsFor = createCardCache(rig.deps);
    const decision = rig.deps.answerer.decide(question);
    const t = messagesFor('fr');
    const [a] = cardsFor(decision, t);
    const [b] = cardsFor(decision, t);
    expect(a).not.toBe(b);
    expect(a?.content).toBe(b?.content);
    expect(Object.isFrozen(a?.content)).toBe(true);
    expect(() => {
      (a?.content as { body: unknown[] }).body.push({});
    }).toThrow(TypeError);
    // The English table expands its own cards.
    expect(cardsFor(decision, messagesFor('en'))[0]?.content).not.toBe(a?.content);
  });
});
