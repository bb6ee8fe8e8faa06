/**
 * Fuzz: random activities and card payloads (fast-check) thrown at the real teams-ai Application
 * with every feature mounted. No unhandled rejection, no turn that fails into the apology card, and
 * every answer is a 4xx, a 200 invoke response, a text or an Adaptive Card. The number of inputs
 * is printed; the seed is fixed so that a failure can be replayed.
 */
import fc from 'fast-check';
import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verbs } from '../../bot/teams/verbs.js';
import { appRig, tenant } from './app-rig.js';

const people = [
  { id: 'user-id-0', aadObjectId: '00000000-0000-4000-8000-000000000100', name: 'Sophie Tremblay' },
  { id: 'user-id-2', aadObjectId: '00000000-0000-4000-8000-000000000102', name: 'Isabelle Roy' },
  { id: 'user-id-5', aadObjectId: '00000000-0000-4000-8000-000000000105', name: 'Nathalie Côté' },
  { id: '29:stranger', aadObjectId: 'ffffffff-0000-4000-8000-000000000000', name: 'Inconnu' },
];
const verbList = Object.values(verbs);
/** Values a forged card may put in a field: ids, arrays, objects, long strings, odd numbers. */
const fieldValue = fc.oneof(
  fc.constantFrom('C-7K4M2Q', 's-abcdef012345', 'user-id-1', 'ciusss-cn', 'signaler', 'today', 'phone', 'fr', 'en', '', 'csv'),
  fc.string({ maxLength: 40 }),
  fc.string({ minLength: 2000, maxLength: 5000 }),
  fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant({ __proto__: { polluted: true } }),
);
const fieldNames = ['requestId', 'sessionId', 'draftId', 'assignee', 'note', 'entryId', 'useful', 'question', 'need', 'territory', 'organisationId', 'category', 'urgency', 'description', 'contactMethod', 'phone', 'reference', 'fingerprint', 'mask', 'emergencyShown', 'format', 'form', 'lang'];
const cardData = fc.record({ verb: fc.oneof(fc.constantFrom(...verbList), fc.string({ maxLength: 20 })), fields: fc.dictionary(fc.constantFrom(...fieldNames), fieldValue, { maxKeys: 8 }) }).map(({ verb, fields }) => ({ verb, ...fields }));

const activity: fc.Arbitrary<Partial<Activity>> = fc
  .record({
    who: fc.constantFrom(...people),
    conversationType: fc.constantFrom('personal', 'channel', 'groupChat', undefined, 'weird'),
    kind: fc.constantFrom('text', 'submit', 'execute', 'extension', 'other'),
    text: fc.oneof(fc.constantFrom('aide', 'formations', 'inscriptions', 'demander une consultation', 'demandes ouvertes', 'mes demandes', 'annoncer une formation', 'ressources', 'Jessica Tremblay née le 14 mars 2010'), fc.string({ maxLength: 300 })),
    data: cardData,
    replyToId: fc.option(fc.constantFrom('card-1', ''), { nil: undefined }),
    otherType: fc.constantFrom('event', 'messageReaction', 'conversationUpdate', 'installationUpdate', 'typing', 'endOfConversation', 'nonsense'),
    tenantId: fc.constantFrom(tenant, tenant, tenant, 'ffffffff-1111-4222-8333-444444444444', undefined),
    invokeName: fc.constantFrom('composeExtension/query', 'composeExtension/selectItem', 'composeExtension/fetchTask', 'nonsense/invoke'),
  })
  .map(({ who, conversationType, kind, text, data, replyToId, otherType, tenantId, invokeName }) => {
    const base = {
      from: { id: who.id, aadObjectId: who.aadObjectId, name: who.name },
      conversation: { id: `a:${who.id}:${conversationType ?? 'none'}`, conversationType, isGroup: conversationType !== 'personal', name: '', tenantId },
      channelData: tenantId ? { tenant: { id: tenantId } } : {},
    } as Partial<Activity>;
    if (kind === 'text') return { ...base, type: 'message', text };
    if (kind === 'submit') return { ...base, type: 'message', value: data };
    if (kind === 'execute') return { ...base, type: 'invoke', name: 'adaptiveCard/action', replyToId, value: { action: { type: 'Action.Execute', verb: data.verb, data }, trigger: 'manual' } };
    if (kind === 'extension') return { ...base, type: 'invoke', name: invokeName, value: { commandId: 'searchGuide', parameters: [{ name: 'query', value: text }], ...data } };
    return { ...base, type: otherType, text, value: data, membersAdded: [{ id: who.id }] } as Partial<Activity>;
  });

describe('fuzz: random activities at the Application', () => {
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => void rejections.push(reason);
  beforeAll(() => void process.on('unhandledRejection', onRejection));
  afterAll(() => void process.off('unhandledRejection', onRejection));

  it('never fails a turn and answers every input with a 4xx, a 200 invoke response, a text or a card', async () => {
    const rig = appRig();
    let tried = 0;
    await fc.assert(
      fc.asyncProperty(activity, async (input) => {
        tried++;
        const before = rig.logLines.length;
        const replies = await rig.send(input);
        const failed = rig.logLines.slice(before).filter((l) => l.includes('turn failed'));
        expect(failed, JSON.stringify(failed)).toEqual([]);
        for (const reply of replies) {
          if (reply.type === 'invokeResponse') {
            const status = (reply.value as { status?: number }).status ?? 0;
            expect(status === 200 || (status >= 400 && status < 500), `status ${status}`).toBe(true);
          } else if (reply.type === 'message') {
            const ok = typeof reply.text === 'string' || (reply.attachments ?? []).every((a) => a.contentType === 'application/vnd.microsoft.card.adaptive' || a.contentType === 'text/calendar');
            expect(ok).toBe(true);
          }
        }
      }),
      { numRuns: Number(process.env.BALISE_FUZZ_RUNS ?? 1000), seed: 13 },
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(rejections).toEqual([]);
    console.info(`fuzz: ${tried} activities tried`);
  }, 600_000);
});
