/**
 * The trainings feature through the real teams-ai Application and botbuilder's TestAdapter:
 * intervenants list, register, see and cancel; coordinators announce (form, preview, publish,
 * broadcast with "S'inscrire" and "Lu"), read rosters and export them; everyone else is refused,
 * including a forged submit.
 */
import type { Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { formatDay } from '../../bot/core/trainings/local-time.js';
import { trainingsPartition, type TrainingSession } from '../../bot/core/trainings/session-types.js';
import { trainingPayloadKinds } from '../../bot/core/trainings/training-payloads.js';
import { sessionKey } from '../../bot/core/trainings/training-service.js';
import { createMemoryStore } from '../../bot/storage/memory-store.js';
import { verbs } from '../../bot/teams/verbs.js';
import { broadcastJobKey } from '../../bot/core/trainings/broadcast.js';
import { demoSeedKey } from '../../bot/core/trainings/demo-seed.js';
import { readConfig } from '../../bot/config.js';
import { startTrainings } from '../../bot/teams/features/trainings/trainings.js';
import { putSessions, sessionAt } from './fixtures.js';
import { actionsOf, cardsOf, createRig, eric, isabelle, marc, nathalie, sophie, textsOf, type Rig } from './support.js';

// French spacing puts (narrow) no-break spaces before « : ; ? ! »: compare with plain spaces.
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');
const json = (x: unknown) => plain(JSON.stringify(x));
const texts = (replies: Parameters<typeof textsOf>[0]) => textsOf(replies).map(plain);

async function rigWithSessions(): Promise<Rig> {
  const store = createMemoryStore();
  const rig = createRig(store);
  const now = rig.clock.now();
  await putSessions(
    store,
    sessionAt(now, 'v1', 'volet-1', 20, { capacity: 2 }),
    sessionAt(now, 'v2', 'volet-2', 30),
    sessionAt(now, 'full', 'volet-1', 25, { capacity: 1, registered: [{ registrationId: 'x', userId: 'someone', name: 'Quelqu’un', lang: 'fr', registeredAt: now.toISOString() }] }),
  );
  return rig;
}

const read = async (rig: Rig, id: string) => (await rig.deps.store.get<TrainingSession>(trainingsPartition, sessionKey(id)))?.value;

describe('intervenants', () => {
  it('"Formations" lists upcoming sessions with seats left and a "S\'inscrire" button routed on the register verb', async () => {
    const rig = await rigWithSessions();
    const [card] = cardsOf(await rig.say(sophie, { text: 'Formations' }));
    expect(json(card)).toContain('Volet 1 : Guide de prévention');
    expect(json(card)).toContain('2 places restantes sur 2');
    expect(json(card)).toContain('Complet : inscription sur la liste d’attente (aucune personne en attente)');
    expect(json(card)).toContain('2 places restantes sur 2');
    const { submits, urls } = actionsOf(card);
    expect(submits.filter((d) => d.verb === verbs.register).map((d) => d.sessionId)).toEqual(['v1', 'full', 'v2']);
    expect(urls).toContain('https://balise.example/calendar/v1.ics');
  });

  it('answers in English when asked in English', async () => {
    const rig = await rigWithSessions();
    const [card] = cardsOf(await rig.say(sophie, { text: 'trainings' }));
    expect(json(card)).toContain('Upcoming trainings');
    expect(json(card)).toContain('2 seats left out of 2');
    const [text] = textsOf(await rig.submit(sophie, { verb: verbs.register, sessionId: 'v2', lang: 'en' }));
    expect(text).toMatch(/^Volet 1 is a prerequisite for this training/);
  });

  it('registers from the card, confirms with "Ajouter au calendrier", and refuses a second registration', async () => {
    const rig = await rigWithSessions();
    const [card] = cardsOf(await rig.submit(sophie, { verb: verbs.register, sessionId: 'v1' }));
    expect(json(card)).toContain('Inscription confirmée');
    expect(actionsOf(card).urls).toContain('https://balise.example/calendar/v1.ics');
    expect(actionsOf(card).submits).toContainEqual(expect.objectContaining({ verb: verbs.cancelRegistration, sessionId: 'v1', confirmed: true }));
    expect(texts(await rig.submit(sophie, { verb: verbs.register, sessionId: 'v1' }))).toEqual(['Vous êtes déjà inscrit·e à cette session.']);
    expect((await read(rig, 'v1'))?.registered.map((r) => r.userId)).toEqual([sophie.id]);
  });

  it('puts a person on the waitlist of a full session and tells them their place', async () => {
    const rig = await rigWithSessions();
    const [card] = cardsOf(await rig.submit(sophie, { verb: verbs.register, sessionId: 'full' }));
    expect(json(card)).toContain("vous êtes sur la liste d'attente");
    expect(json(card)).toContain('Vous êtes au rang 1 de la liste d’attente.');
    expect(json(card)).not.toContain('"color":"Warning"');
  });

  it('explains the Volet 1 prerequisite in French when it refuses', async () => {
    const rig = await rigWithSessions();
    const [text] = texts(await rig.submit(sophie, { verb: verbs.register, sessionId: 'v2' }));
    expect(text).toMatch(/^Le Volet 1 est préalable à cette formation/);
    // It names the session to take first, not « cette session ».
    expect(text).toContain(`Inscrivez-vous d’abord à la session du Volet 1 du ${formatDay((await read(rig, 'v1'))!.days[0]!.start, 'fr')}`);
  });

  it('explains that registration is closed after the deadline', async () => {
    const rig = await rigWithSessions();
    rig.clock.set((await read(rig, 'v1'))!.deadline);
    const [text] = textsOf(await rig.submit(sophie, { verb: verbs.register, sessionId: 'v1' }));
    expect(text).toMatch(/^Les inscriptions à cette session sont fermées depuis le /);
  });

  it('"Mes inscriptions" lists registrations with a cancel button; cancelling promotes the first waiting person, who is told', async () => {
    const rig = await rigWithSessions();
    await rig.submit(eric, { verb: verbs.register, sessionId: 'v1' });
    await rig.submit(sophie, { verb: verbs.register, sessionId: 'v1' });
    await rig.submit(marc, { verb: verbs.register, sessionId: 'v1' }); // waitlisted
    const [mine] = cardsOf(await rig.say(sophie, { text: 'mes inscriptions' }));
    expect(json(mine)).toContain('Inscrit·e');
    expect(actionsOf(mine).submits).toContainEqual(expect.objectContaining({ verb: verbs.cancelRegistration, sessionId: 'v1', confirmed: true, from: 'mine' }));

    // A cancel without the confirmation (an older card) only asks to confirm.
    const [ask] = cardsOf(await rig.submit(sophie, { verb: verbs.cancelRegistration, sessionId: 'v1' }));
    expect(json(ask)).toContain('Annuler votre inscription à cette session ?');
    expect((await read(rig, 'v1'))?.registered.map((r) => r.userId)).toEqual([eric.id, sophie.id]);

    const updates: Array<Partial<Activity>> = [];
    rig.adapter.updateActivity = async (_context, activity) => {
      updates.push(activity);
    };
    const [text] = texts(await rig.say(sophie, { value: { verb: verbs.cancelRegistration, sessionId: 'v1', confirmed: true, from: 'mine' }, replyToId: 'mine-card' }));
    const day = formatDay((await read(rig, 'v1'))!.days[0]!.start, 'fr');
    expect(text).toBe(`Votre inscription à la session « Volet 1 » du ${day} est annulée ; votre place a été attribuée à la première personne de la liste d’attente.`);
    // The « Mes inscriptions » card it came from is replaced: no longer « Inscrit·e ».
    expect(updates.map((u) => u.id)).toEqual(['mine-card']);
    expect(json(updates[0]?.attachments)).toContain("Vous n'êtes inscrit·e à aucune session à venir");
    expect((await read(rig, 'v1'))?.registered.map((r) => r.userId)).toEqual([eric.id, marc.id]);
    await rig.drain();
    expect(rig.sent.map((m) => [m.to, m.kind])).toEqual([[marc.id, trainingPayloadKinds.promoted]]);
    expect(json(rig.sent[0]?.card)).toContain("Une place s'est libérée");
  });
});

describe('coordinators', () => {
  const form = {
    track: 'formateurs',
    day1: '2027-02-16',
    day2: '',
    startTime: '09:00',
    endTime: '16:00',
    place: 'Salle 4',
    meetingUrl: '',
    capacity: '15',
    deadline: '2027-02-05',
    notes: 'Dîner fourni',
  };

  it('announce: form, preview, publish; the announcement reaches every installed person and channel once, with "S\'inscrire" and "Lu"', async () => {
    const rig = createRig(createMemoryStore());
    for (const person of [sophie, marc, eric, nathalie]) await rig.install(person);

    const [formCard] = cardsOf(await rig.say(nathalie, { text: 'Annoncer une formation' }));
    expect(json(formCard)).toContain('"id":"track"');
    expect(actionsOf(formCard).submits).toEqual([expect.objectContaining({ verb: verbs.announcePreview })]);

    const [preview] = cardsOf(await rig.submit(nathalie, { verb: verbs.announcePreview, ...form }));
    expect(json(preview)).toContain("Aperçu de l'annonce");
    const publish = actionsOf(preview).submits.find((d) => d.verb === verbs.announcePublish)!;
    expect(publish.form).toMatchObject({ track: 'formateurs', capacity: '15' });

    const [published] = textsOf(await rig.submit(nathalie, publish));
    // Sophie, Marc, Éric and the demo announcement channel; not Nathalie, who published.
    expect(published).toContain('Diffusion en cours vers 4 destinataires');
    expect(textsOf(await rig.submit(nathalie, publish))).toEqual(['Cette annonce est déjà publiée.']);

    await rig.drain();
    const announced = rig.sent.filter((m) => m.kind === trainingPayloadKinds.announcement);
    const channels = rig.deps.directory.data.channels.announcements.map((c) => c.conversationId);
    expect(channels).toHaveLength(1);
    expect(announced.map((m) => m.to).sort()).toEqual([...channels, eric.id, marc.id, sophie.id].sort());
    const sessionId = String(publish.draftId);
    const { submits } = actionsOf(announced[0]?.card);
    expect(submits).toEqual([
      expect.objectContaining({ verb: verbs.register, sessionId }),
      expect.objectContaining({ verb: verbs.acknowledge, sessionId }),
    ]);
    const finalReport = rig.sent.filter((m) => m.kind === trainingPayloadKinds.report && m.to === nathalie.id).at(-1);
    expect(json(finalReport?.card)).toContain('Diffusion de l');
    expect(json(finalReport?.card)).toContain('4 envois, 0 échec, 0 personne non joignable');

    // From the announcement: Sophie sees it ("Lu"), Éric registers; the coordinator's roster shows both.
    expect(texts(await rig.submit(sophie, { verb: verbs.acknowledge, sessionId }))).toEqual(["Merci, c'est noté."]);
    expect(textsOf(await rig.submit(sophie, { verb: verbs.acknowledge, sessionId }))).toEqual(["C'était déjà noté, merci."]);
    expect(json(cardsOf(await rig.submit(eric, { verb: verbs.register, sessionId })))).toContain('Inscription confirmée');

    const [roster] = cardsOf(await rig.submit(nathalie, { verb: verbs.roster, sessionId }));
    expect(json(roster)).toContain('Inscriptions : 1 sur 15');
    expect(json(roster)).toContain('1. Éric Pelletier');
    expect(json(roster)).toContain('Ont lu l’annonce : 1');
    expect(json(roster)).toContain('Sophie Tremblay');
    expect(json(roster)).toContain('Diffusion : 4 envois, 0 échec, 0 personne non joignable, 0 en attente.');
    // The export is a file behind a signed link that names the session and its date.
    const exportCsv = actionsOf(roster).submits.find((d) => d.format === 'csv')!;
    const [file] = cardsOf(await rig.submit(nathalie, exportCsv));
    expect(json(file)).toContain('Liste des inscriptions à la session « Formation de formateurs » du mardi 16 février 2027 (1 personne)');
    expect(actionsOf(file).urls).toEqual([expect.stringMatching(new RegExp(`^https://balise\\.example/roster/${sessionId}\\.csv\\?expires=\\d+&signature=[\\w-]+&lang=fr$`))]);
  });

  it('lists sessions for the roster, and shows rosters only in a personal chat', async () => {
    const rig = await rigWithSessions();
    await rig.submit(eric, { verb: verbs.register, sessionId: 'full' });
    const [list] = cardsOf(await rig.say(nathalie, { text: 'Inscriptions' }));
    expect(actionsOf(list).submits.filter((d) => d.verb === verbs.roster).map((d) => d.sessionId)).toContain('full');
    const [roster] = cardsOf(await rig.submit(nathalie, { verb: verbs.roster, sessionId: 'full' }));
    expect(json(roster)).toContain('Liste d’attente : 1');
    expect(json(roster)).toContain('1. Éric Pelletier');
    expect(texts(await rig.submit(nathalie, { verb: verbs.roster, sessionId: 'full' }, 'channel'))).toEqual([
      'Les listes contiennent des noms : je les montre seulement dans votre conversation privée avec Balise.',
    ]);
  });

  it('refuses a form with every problem listed in French', async () => {
    const rig = createRig(createMemoryStore());
    const [card] = cardsOf(await rig.submit(isabelle, { verb: verbs.announcePreview, ...form, track: 'volet-3', day2: '2027-02-17', capacity: '0' }));
    expect(json(card)).toContain('À corriger avant la publication');
    expect(json(card)).toContain('Cette formation dure une journée');
    expect(json(card)).toContain('Le nombre de places doit être un entier de 1 à 500.');
    expect(json(card)).toContain('"value":"2027-02-16"'); // what was typed is kept
  });
});

describe('everyone else', () => {
  const refusal = 'Désolé, cette action est réservée aux coordonnateurs de la Table et des organisations partenaires.';
  const validForm = { track: 'formateurs', day1: '2027-02-16', startTime: '09:00', endTime: '16:00', place: 'Salle 4', capacity: '15', deadline: '2027-02-05' };

  it('gets a polite refusal for every coordinator command', async () => {
    const rig = await rigWithSessions();
    for (const text of ['Annoncer une formation', 'Inscriptions']) {
      const [answer] = textsOf(await rig.say(sophie, { text }));
      expect(answer).toMatch(new RegExp(`^${refusal}`));
    }
  });

  it('gets the same refusal for forged coordinator submits, and nothing is published or shown', async () => {
    const rig = await rigWithSessions();
    await rig.install(marc);
    const forged = [
      { verb: verbs.announceForm },
      { verb: verbs.announcePreview, ...validForm },
      { verb: verbs.announcePublish, draftId: 's-forged', form: validForm },
      { verb: verbs.roster, sessionId: 'v1' },
      { verb: verbs.roster, sessionId: 'v1', format: 'csv' },
    ];
    for (const value of forged) {
      const replies = await rig.submit(sophie, value);
      expect(cardsOf(replies)).toEqual([]);
      expect(textsOf(replies)[0]).toMatch(new RegExp(`^${refusal}`));
    }
    expect(await read(rig, 's-forged')).toBeUndefined();
    await rig.drain();
    expect(rig.sent).toEqual([]);
  });
});

describe('start-up', () => {
  it('seeds the demo sessions in demo mode only, and resumes a broadcast the previous process did not finish', async () => {
    const store = createMemoryStore();
    const rig = createRig(store);
    await startTrainings({ ...rig.deps, config: readConfig({ BALISE_DEMO: 'false' }) });
    expect(await store.get(trainingsPartition, demoSeedKey)).toBeUndefined();
    await startTrainings({ ...rig.deps, config: readConfig({ BALISE_DEMO: 'true' }) });
    expect(await store.get(trainingsPartition, demoSeedKey)).toBeDefined();
    expect(json(cardsOf(await rig.say(sophie, { text: 'Formations' })))).toContain('**Démonstration :** session fictive');

    // A publication whose process stopped before enqueuing anything.
    await rig.install(sophie);
    await putSessions(store, sessionAt(rig.clock.now(), 'interrupted', 'formateurs', 20));
    await store.commit(trainingsPartition, [
      { kind: 'put', key: broadcastJobKey('interrupted'), value: { sessionId: 'interrupted', by: { kind: 'user', userId: nathalie.id }, lang: 'fr', startedAt: rig.clock.now().toISOString(), enqueued: false, reported: [] } },
    ]);
    await startTrainings({ ...rig.deps, config: readConfig({ BALISE_DEMO: 'true' }) });
    await rig.drain();
    expect(rig.sent.filter((m) => m.kind === trainingPayloadKinds.announcement).map((m) => m.to).sort()).toEqual(
      [...rig.deps.directory.data.channels.announcements.map((c) => c.conversationId), sophie.id].sort(),
    );
  });
});
