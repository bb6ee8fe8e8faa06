/**
 * Coordinator scopes, one test per refusal: the Table's coordinators announce to everyone and see
 * every roster; an organisation's coordinator announces to their organisation's people only and
 * sees their organisation's sessions only.
 */
import { describe, expect, it } from 'vitest';
import { trainingsPartition, type TrainingSession } from '../../bot/core/trainings/session-types.js';
import { sessionKey } from '../../bot/core/trainings/training-service.js';
import { createMemoryStore } from '../../bot/storage/memory-store.js';
import { verbs } from '../../bot/teams/verbs.js';
import { actionsOf, cardsOf, createRig, eric, isabelle, marc, nathalie, sophie, textsOf, type Rig } from '../trainings/support.js';

const karine = { id: 'user-id-4', aadObjectId: '00000000-0000-4000-8000-000000000104', name: 'Karine Lavoie' };
const form = { track: 'formateurs', day1: '2027-02-16', day2: '', startTime: '09:00', endTime: '16:00', place: 'Salle 4', meetingUrl: '', capacity: '15', deadline: '2027-02-05', notes: '' };

/** Publishes a session as `who`; returns its id. */
async function publish(rig: Rig, who: typeof isabelle): Promise<string> {
  const [preview] = cardsOf(await rig.submit(who, { verb: verbs.announcePreview, ...form }));
  const data = actionsOf(preview).submits.find((d) => d.verb === verbs.announcePublish);
  if (!data) throw new Error('test: no publish button');
  await rig.submit(who, data);
  await rig.drain();
  return String(data.draftId);
}

async function rigWithEveryone(): Promise<Rig> {
  const rig = createRig(createMemoryStore());
  for (const person of [sophie, marc, eric, nathalie, isabelle, karine]) await rig.install(person);
  return rig;
}

describe('coordinator scopes', () => {
  it("an organisation's coordinator announces to their organisation's people only, not every worker nor the Table's channel", async () => {
    const rig = await rigWithEveryone();
    const id = await publish(rig, isabelle);
    const session = (await rig.deps.store.get<TrainingSession>(trainingsPartition, sessionKey(id)))?.value;
    expect(session?.organisationId).toBe('ciusss-cn');
    const reached = rig.sent.filter((m) => m.kind === 'training-announcement').map((m) => m.to).sort();
    // Sophie (member) and Marc-André (pivot) of the CIUSSS; not Éric (no organisation), Karine (SPVQ), nor the General channel.
    expect(reached).toEqual([sophie.id, marc.id].sort());
  });

  it("the Table's coordinator announces to everyone", async () => {
    const rig = await rigWithEveryone();
    await publish(rig, nathalie);
    const reached = rig.sent.filter((m) => m.kind === 'training-announcement').map((m) => m.to);
    expect(reached).toEqual(expect.arrayContaining([sophie.id, marc.id, eric.id, isabelle.id, karine.id, '19:general-balise-demo@thread.tacv2']));
  });

  it("refuses another organisation's coordinator the roster of a session", async () => {
    const rig = await rigWithEveryone();
    const id = await publish(rig, isabelle);
    const replies = await rig.submit(karine, { verb: verbs.roster, sessionId: id });
    expect(textsOf(replies)).toEqual(['Cette session relève d’une autre organisation : vous pouvez consulter les inscriptions des sessions de votre organisation seulement.']);
    expect(cardsOf(replies)).toEqual([]);
  });

  it("refuses another organisation's coordinator the CSV of a session", async () => {
    const rig = await rigWithEveryone();
    const id = await publish(rig, isabelle);
    const replies = await rig.submit(karine, { verb: verbs.roster, sessionId: id, format: 'csv' });
    expect(textsOf(replies).join('')).not.toContain('```');
  });

  it("lists to an organisation's coordinator only their organisation's sessions", async () => {
    const rig = await rigWithEveryone();
    const own = await publish(rig, isabelle);
    const tableWide = await publish(rig, nathalie);
    const listed = (who: typeof isabelle) => rig.say(who, { text: 'Inscriptions' }).then((r) => [...new Set(actionsOf(cardsOf(r)[0]).submits.map((d) => d.sessionId).filter(Boolean))]);
    expect(await listed(isabelle)).toEqual([own]);
    expect(await listed(karine)).toEqual([]);
    expect(await listed(nathalie)).toEqual(expect.arrayContaining([own, tableWide]));
  });

  it("lets the Table's coordinator read any organisation's roster", async () => {
    const rig = await rigWithEveryone();
    const id = await publish(rig, isabelle);
    expect(cardsOf(await rig.submit(nathalie, { verb: verbs.roster, sessionId: id }))).toHaveLength(1);
  });

  it('refuses an array session id instead of coercing it', async () => {
    const rig = await rigWithEveryone();
    const id = await publish(rig, nathalie);
    const replies = await rig.submit(sophie, { verb: verbs.register, sessionId: [id] });
    const session = (await rig.deps.store.get<TrainingSession>(trainingsPartition, sessionKey(id)))?.value;
    expect(session?.registered).toEqual([]);
    expect(textsOf(replies).join('')).toContain('pas valide');
  });
});
