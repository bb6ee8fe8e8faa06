import { describe, expect, it } from 'vitest';
import type { ConsultationRequest } from '../../bot/core/consultations/request.js';
import { consultationsPartition } from '../../bot/core/consultations/records.js';
import { retiredVerbs, verbs } from '../../bot/teams/verbs.js';
import { cardsOf, consultationBot, findNodes, textOfCard } from './bot-harness.js';
import { consultationForm, people, pivotsChannel } from './helpers.js';

const form = consultationForm;

const storedRequests = async (bot: ReturnType<typeof consultationBot>) =>
  (await bot.store.list<ConsultationRequest>(consultationsPartition, { prefix: 'request/' })).map((r) => r.value);
const inputValue = (card: unknown, id: string) => findNodes(card, (n) => n.id === id)[0]?.value;
/** The verbs of the buttons a card offers (not its refresh action). */
const executeVerbs = (card: unknown) => findNodes((card as { actions?: unknown }).actions, (n) => n.type === 'Action.Execute').map((n) => n.verb);

describe('consultations in Teams: the worker', () => {
  it('opens the form from the command with the worker\'s organisation, and from a card button with its theme', async () => {
    const bot = consultationBot();
    const [byCommand] = cardsOf(await bot.say(people.sophie, 'Demander une consultation'));
    expect(inputValue(byCommand, 'organisationId')).toBe('ciusss-cn');
    expect(findNodes(byCommand, (n) => n.id === 'urgency')[0]?.choices).toHaveLength(4);
    const [byButton] = cardsOf(await bot.submit(people.sophie, { verb: verbs.consultationForm, category: 'signaler', lang: 'fr' }));
    expect(inputValue(byButton, 'category')).toBe('signaler');
  });

  it('asks for a private chat instead of showing the form in a group conversation', async () => {
    const bot = consultationBot();
    const replies = await bot.say(people.sophie, 'demander une consultation', 'groupChat');
    expect(replies[0]?.text).toContain('conversation privée');
    expect(cardsOf(replies)).toEqual([]);
  });

  it('shows the form again with every problem at once', async () => {
    const bot = consultationBot();
    const [card] = cardsOf(await bot.submit(people.sophie, form({ organisationId: 'nowhere', description: 'court', contactMethod: 'phone', phone: 'abc' })));
    const text = textOfCard(card);
    expect(text).toContain('Choisissez l’organisation');
    expect(text).toContain('Décrivez la situation');
    expect(text).toContain('numéro de téléphone valide');
    expect(await storedRequests(bot)).toEqual([]);
  });

  it('shows the personal data found, stores nothing, then keeps only the confirmed text', async () => {
    const bot = consultationBot();
    const description = "Elle s'appelle Marie, on peut joindre sa mère au 418-555-0142. Fugues répétées.";
    const [check] = cardsOf(await bot.submit(people.sophie, form({ description })));
    expect(textOfCard(check)).toContain('**Nom** : Marie');
    expect(textOfCard(check)).toContain('**Numéro de téléphone** : 418-555-0142');
    expect(await storedRequests(bot)).toEqual([]);

    const mask = findNodes(check, (n) => n.type === 'Action.Submit' && (n.data as { mask?: boolean }).mask === true)[0]?.data as Record<string, unknown>;
    const replies = await bot.submit(people.sophie, { ...mask, description });
    expect(textOfCard(cardsOf(replies)[0])).toContain('Demande C-7K4M2Q envoyée');
    const [stored] = await storedRequests(bot);
    expect(stored?.description).toBe("Elle s'appelle […], on peut joindre sa mère au […]. Fugues répétées.");
    expect(stored?.acknowledgedPersonalData).toEqual([]);
  });

  it('checks again a text edited after the check, and records the kinds a worker chose to keep', async () => {
    const bot = consultationBot();
    const [check] = cardsOf(await bot.submit(people.sophie, form({ description: 'Jeune née le 3 mars 2010, fugues répétées.' })));
    const asIs = findNodes(check, (n) => n.type === 'Action.Submit' && (n.data as { mask?: boolean }).mask === false)[0]?.data as Record<string, unknown>;
    const edited = cardsOf(await bot.submit(people.sophie, { ...asIs, description: 'Jeune née le 3 mars 2010, fugues répétées, dossier 1234567.' }));
    expect(textOfCard(edited[0])).toContain('Vérifiez avant d’envoyer');
    expect(await storedRequests(bot)).toEqual([]);
    await bot.submit(people.sophie, { ...asIs, description: 'Jeune née le 3 mars 2010, fugues répétées.' });
    expect((await storedRequests(bot))[0]?.acknowledgedPersonalData).toEqual(['birth-date']);
  });

  it('shows the emergency card first when the description signals danger, and marks the request urgent', async () => {
    const bot = consultationBot();
    const cards = cardsOf(await bot.submit(people.sophie, form({ urgency: 'week', description: 'Elle est en danger ce soir avec un homme qui la fait travailler.' })));
    expect(textOfCard(cards[0])).toContain('911');
    expect(textOfCard(cards[1])).toContain('urgente');
    const [stored] = await storedRequests(bot);
    expect(stored).toMatchObject({ urgent: true, urgency: 'week', escalateAt: '2026-11-30T14:30:00.000Z' });
  });

  it('screens with the search core\'s danger screen by default', async () => {
    const bot = consultationBot({ realScreen: true });
    const cards = cardsOf(await bot.submit(people.sophie, form({ description: 'Elle est séquestrée en ce moment par son pimp dans un motel.' })));
    expect(textOfCard(cards[0])).toContain('911');
    expect((await storedRequests(bot))[0]?.urgent).toBe(true);
  });

  it('treats the urgency "danger immédiat" as danger even when the text does not say so', async () => {
    const bot = consultationBot();
    const cards = cardsOf(await bot.submit(people.sophie, form({ urgency: 'immediate' })));
    expect(textOfCard(cards[0])).toContain('911');
    expect((await storedRequests(bot))[0]?.urgent).toBe(true);
  });

  it('answers a second click on the same form with the same receipt, and sends one set of alerts', async () => {
    const bot = consultationBot();
    await bot.submit(people.sophie, form());
    const again = cardsOf(await bot.submit(people.sophie, form()));
    expect(textOfCard(again[0])).toContain('rien n’a été envoyé en double');
    await bot.outbox.drainOnce();
    expect(bot.sent.map((s) => s.to).sort()).toEqual([people.isabelle.id, pivotsChannel].sort());
  });
});

describe('consultations in Teams: the whole lifecycle', () => {
  it('alerts the coordinator, and each action updates the card and tells the worker', async () => {
    const bot = consultationBot();
    await bot.submit(people.sophie, form());
    const id = 'C-7K4M2Q';
    await bot.outbox.drainOnce();
    const alertIndex = bot.sent.findIndex((s) => s.to === people.isabelle.id);
    const alert = bot.renderSent(alertIndex).content;
    expect(textOfCard(alert)).toContain('Adolescente de 15 ans');
    expect(executeVerbs(alert)).toEqual([verbs.claim, verbs.assign, verbs.close]);
    expect((alert.refresh as { userIds: string[] }).userIds).toContain(people.julie.id);
    bot.sent.length = 0;

    const claimed = await bot.execute(people.isabelle, verbs.claim, { requestId: id, lang: 'fr' });
    expect(claimed.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(textOfCard(claimed.body.value)).toContain('Prise en charge par Isabelle Roy');
    expect(executeVerbs(claimed.body.value)).toEqual([verbs.assign, verbs.close]);
    // The card carries `refresh`, so teams-ai replaces the clicked message for everyone in that chat.
    expect(bot.adapter.updated.map((a) => a.id)).toEqual(['card-1']);

    const assigned = await bot.execute(people.isabelle, verbs.assign, { requestId: id, assignee: people.marcAndre.id, lang: 'fr' });
    expect(textOfCard(assigned.body.value)).toContain('Assignée à Marc-André Gagnon');
    const closed = await bot.execute(people.marcAndre, verbs.close, { requestId: id, note: 'Appel fait, référée au CAVAC.', lang: 'fr' });
    expect(executeVerbs(closed.body.value)).toEqual([]);

    await bot.outbox.drainOnce();
    const toSophie = bot.sent.map((s, i) => [s.to, i] as const).filter(([to]) => to === people.sophie.id).map(([, i]) => textOfCard(bot.renderSent(i).content));
    expect(toSophie).toHaveLength(3);
    expect(toSophie[0]).toContain('prise en charge par Isabelle Roy');
    expect(toSophie[1]).toContain('assignée à Marc-André Gagnon');
    expect(toSophie[2]).toContain('close par Marc-André Gagnon');
    expect(toSophie[2]).toContain('Appel fait, référée au CAVAC.');
    const pivotAlert = bot.sent.findIndex((s) => s.to === people.marcAndre.id);
    expect(textOfCard(bot.renderSent(pivotAlert).content)).toContain('Cette demande vous a été assignée.');

    const [mine] = cardsOf(await bot.say(people.sophie, 'mes demandes'));
    expect(textOfCard(mine)).toContain('Close par Marc-André Gagnon');
  });

  it('lets exactly one of two coordinators claiming at once win, and tells the other who has it', async () => {
    const bot = consultationBot();
    await bot.submit(people.sophie, form());
    await bot.outbox.drainOnce();
    bot.sent.length = 0;
    const answers = await Promise.all([
      bot.execute(people.isabelle, verbs.claim, { requestId: 'C-7K4M2Q' }),
      bot.execute(people.julie, verbs.claim, { requestId: 'C-7K4M2Q' }),
    ]);
    const texts = answers.map((a) => textOfCard(a.body.value));
    expect(texts.filter((t) => t.includes('s’en occupe déjà'))).toHaveLength(1);
    const [request] = await storedRequests(bot);
    expect(texts.every((t) => t.includes(`Prise en charge par ${request?.handler?.name}`))).toBe(true);
    await bot.outbox.drainOnce();
    expect(bot.sent.filter((s) => s.to === people.sophie.id)).toHaveLength(1);
  });

  it('refreshes the card to its current state for the handler viewing it, without replacing the message for others', async () => {
    const bot = consultationBot();
    await bot.submit(people.sophie, form());
    await bot.execute(people.isabelle, verbs.claim, { requestId: 'C-7K4M2Q' });
    bot.adapter.updated.length = 0;
    const refreshed = await bot.execute(people.julie, verbs.refreshRequest, { requestId: 'C-7K4M2Q' });
    expect(refreshed.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(textOfCard(refreshed.body.value)).toContain('Prise en charge par Isabelle Roy');
    expect(executeVerbs(refreshed.body.value)).not.toContain(verbs.claim);
    expect(bot.adapter.updated).toEqual([]);
  });

  it('still accepts the retired open-requests verb of cards already posted in Teams, as a submit and as a refresh', async () => {
    const bot = consultationBot();
    await bot.submit(people.sophie, form());
    await bot.execute(people.isabelle, verbs.claim, { requestId: 'C-7K4M2Q' });
    const [opened] = cardsOf(await bot.submit(people.isabelle, { verb: retiredVerbs.openRequests, requestId: 'C-7K4M2Q' }));
    expect(textOfCard(opened)).toContain('Prise en charge par Isabelle Roy');
    const refreshed = await bot.execute(people.julie, retiredVerbs.openRequests, { requestId: 'C-7K4M2Q' });
    expect(refreshed.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(textOfCard(refreshed.body.value)).toContain('Prise en charge par Isabelle Roy');
    expect(executeVerbs(refreshed.body.value)).not.toContain(verbs.claim);
  });

  it('escalates to the backup coordinator when nobody claims it in time, and the backup can take it', async () => {
    const bot = consultationBot();
    await bot.submit(people.sophie, form());
    await bot.outbox.drainOnce();
    bot.sent.length = 0;
    bot.clock.advance(119 * 60_000);
    expect(await bot.consultations.escalateDue(bot.clock.now())).toEqual([]);
    bot.clock.advance(60_000);
    expect(await bot.consultations.escalateDue(bot.clock.now())).toEqual(['C-7K4M2Q']);
    await bot.outbox.drainOnce();
    expect(bot.sent.map((s) => s.to)).toEqual([people.julie.id]);
    const alert = bot.renderSent(0).content;
    expect(textOfCard(alert)).toContain('Escaladée');
    expect(textOfCard(alert)).toContain('il y a 2 h 00');
    const claimed = await bot.execute(people.julie, verbs.claim, { requestId: 'C-7K4M2Q' });
    expect(textOfCard(claimed.body.value)).toContain('Prise en charge par Julie Bouchard');
  });

  it('lists the open requests for a coordinator and opens one, and refuses the list to a worker', async () => {
    const bot = consultationBot();
    await bot.submit(people.sophie, form());
    bot.clock.advance(95 * 60_000);
    const [list] = cardsOf(await bot.say(people.isabelle, 'demandes ouvertes'));
    expect(textOfCard(list)).toContain('C-7K4M2Q');
    expect(textOfCard(list)).toContain('il y a 1 h 35');
    const open = findNodes(list, (n) => n.type === 'Action.Submit')[0]?.data as Record<string, unknown>;
    const [card] = cardsOf(await bot.submit(people.isabelle, open));
    expect(executeVerbs(card)).toContain(verbs.claim);
    expect((await bot.say(people.eric, 'demandes ouvertes'))[0]?.text).toContain('réservée');
  });
});

describe('consultations in Teams: forged actions', () => {
  it('refuses a claim, a refresh and an open from outside the organisation, and logs ids without the description', async () => {
    const bot = consultationBot();
    await bot.submit(people.sophie, form());
    bot.logLines.length = 0;
    const forged = await bot.execute(people.karine, verbs.claim, { requestId: 'C-7K4M2Q' });
    expect(forged.body).toMatchObject({ type: 'application/vnd.microsoft.activity.message', value: expect.stringContaining('Seuls les coordonnateurs') });
    const peek = await bot.execute(people.eric, verbs.refreshRequest, { requestId: 'C-7K4M2Q' });
    expect(peek.body.type).toBe('application/vnd.microsoft.activity.message');
    const opened = await bot.submit(people.sophie, { verb: verbs.openRequest, requestId: 'C-7K4M2Q' });
    expect(cardsOf(opened)).toEqual([]);
    expect((await storedRequests(bot))[0]?.state).toBe('open');

    const refusals = bot.logLines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'consultation action refused');
    expect(refusals.map((l) => [l.userId, l.action, l.requestId, l.organisationId])).toEqual([
      [people.karine.id, 'claim', 'C-7K4M2Q', 'ciusss-cn'],
      [people.eric.id, 'view', 'C-7K4M2Q', 'ciusss-cn'],
      [people.sophie.id, 'view', 'C-7K4M2Q', 'ciusss-cn'],
    ]);
    expect(bot.logLines.join('\n')).not.toContain('Adolescente');
  });
});
