/**
 * End to end, the two workflows across people, in the real local Teams client: a coordinator
 * announces a training that reaches the intervenante, who registers; the intervenante asks for a
 * consultation, the coordinator gets the alert, claims it, and the intervenante is told.
 * Each person has their own local Teams client (a playground whose current user they are), as
 * each would have their own Teams; Balise reaches each of them proactively in their own chat.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoConversations } from '../../bot/dev/playground.js';
import { startEndToEnd, type EndToEnd } from '../support/e2e.js';
import { actionData, cardTexts, type PlaygroundClient } from '../support/playground-client.js';

const roles = { sophie: 'intervenante', isabelle: 'coordonnatrice', nathalie: 'table' } as const;
type Who = keyof typeof roles;
let run: EndToEnd;
const clients = {} as Record<Who, PlaygroundClient>;
const chat = (who: Who) => demoConversations.personalChat(roles[who]);

const userId: Record<Who, string> = { sophie: 'user-id-0', isabelle: 'user-id-2', nathalie: 'user-id-5' };
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const text = (m: Parameters<typeof cardTexts>[0]) => cardTexts(m).join('\n');

beforeAll(async () => {
  const people = Object.keys(roles) as Who[];
  run = await startEndToEnd({ name: 'flows', roles: people.map((who) => roles[who]), start: { outboxOptions: { pollMs: 200 } } });
  people.forEach((who, i) => (clients[who] = run.clients[i]!));
  // Everyone has opened Balise once, so it can reach them later.
  for (const who of Object.keys(roles) as Who[]) await clients[who].say(chat(who), 'aide', { from: userId[who] });
});

afterAll(async () => {
  await run?.stop();
});

describe('a training announced by a coordinator', () => {
  it('reaches the intervenante, who registers and sees it in "Mes inscriptions"', async () => {
    const nathalie = clients.nathalie;
    const sophie = clients.sophie;
    const [form] = await nathalie.say(chat('nathalie'), 'Annoncer une formation', { from: userId.nathalie });
    expect(actionData(form, 'announce-preview')).toBeDefined();
    const [preview] = await nathalie.submit(
      chat('nathalie'),
      form!.messageId,
      { ...actionData(form, 'announce-preview'), track: 'volet-1', day1: day(20), day2: day(21), startTime: '09:00', endTime: '16:00', place: 'Salle de démonstration E2E', meetingUrl: '', capacity: '12', deadline: day(15), notes: '' },
      { from: userId.nathalie },
    );
    const publish = actionData(preview, 'announce-publish');
    expect(publish).toBeDefined();
    await nathalie.submit(chat('nathalie'), preview!.messageId, publish!, { from: userId.nathalie });

    const announcement = await sophie.waitFor((m) => text(m).includes('Salle de démonstration E2E') && actionData(m, 'register') !== undefined);
    expect(announcement.conversationId).toBe(chat('sophie'));
    const [confirmation] = await sophie.submit(chat('sophie'), announcement.messageId, actionData(announcement, 'register')!, { from: userId.sophie });
    expect(cardTexts(confirmation)).toContain('Inscription confirmée');
    expect(JSON.stringify(confirmation?.attachments)).toContain('.ics');

    const [mine] = await sophie.say(chat('sophie'), 'Mes inscriptions', { from: userId.sophie });
    expect(text(mine)).toContain('Salle de démonstration E2E');
  });

  it('politely refuses the announcement form to an intervenante', async () => {
    const [reply] = await clients.sophie.say(chat('sophie'), 'Annoncer une formation', { from: userId.sophie });
    expect(actionData(reply, 'announce-preview')).toBeUndefined();
    expect(`${reply?.text ?? ''}${text(reply)}`).toMatch(/coordonn/i);
  });
});

describe('a consultation request', () => {
  it('reaches the coordinator, whose claim is announced to the intervenante', async () => {
    const { sophie, isabelle } = clients;
    const [form] = await sophie.say(chat('sophie'), 'Demander une consultation', { from: userId.sophie });
    const send = actionData(form, 'consultation-submit');
    expect(send).toBeDefined();
    const before = sophie.received.length;
    const [receipt] = await sophie.submit(
      chat('sophie'),
      form!.messageId,
      { ...send, organisationId: 'ciusss-cn', category: 'intervenir', urgency: 'week', description: "Une élève de 15 ans a un nouveau chum de 22 ans qui lui paie des vêtements; elle s'absente souvent. Comment l'aborder?", contactMethod: 'teams', phone: '' },
      { from: userId.sophie },
    );
    expect(text(receipt)).toMatch(/C-[A-Z0-9]{6}/);

    const alert = await isabelle.waitFor((m) => actionData(m, 'claim') !== undefined);
    expect(alert.conversationId).toBe(chat('isabelle'));
    expect(text(alert)).toContain('nouveau chum');
    const claimed = await isabelle.execute(chat('isabelle'), alert.messageId, { verb: 'claim', data: actionData(alert, 'claim')! }, { from: userId.isabelle });
    expect(JSON.stringify(claimed)).toContain('Isabelle Roy');

    const told = await sophie.waitFor((m) => sophie.received.indexOf(m) >= before && m.messageId !== receipt?.messageId && /Isabelle Roy/.test(text(m)));
    expect(told.conversationId).toBe(chat('sophie'));
  });

  it('shows what looks like a youth\'s identity before anything is sent', async () => {
    const { sophie } = clients;
    const [form] = await sophie.say(chat('sophie'), 'Demander une consultation', { from: userId.sophie });
    const [check] = await sophie.submit(
      chat('sophie'),
      form!.messageId,
      { ...actionData(form, 'consultation-submit'), organisationId: 'ciusss-cn', category: 'signaler', urgency: 'week', description: "Elle s'appelle Jessica Tremblay, née le 3 mars 2010, dossier 4455667.", contactMethod: 'teams', phone: '' },
      { from: userId.sophie },
    );
    const shown = text(check);
    expect(shown).toContain('Jessica Tremblay');
    expect(shown).toContain('4455667');
    expect(actionData(check, 'consultation-confirm')).toBeDefined();
  });
});
