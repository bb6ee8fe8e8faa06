/**
 * Two Balise processes on one Azure storage account (the real emulator, Azurite), load-balanced by
 * the test (a third joins the last test), replying to a local Bot Connector stub: the shared store is the only coordination
 * between them. Each process is the real composition root (`tests/scale/bot-instance.ts`) with a
 * 2 s outbox lease, so a killed instance's work is taken over within the test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConnectorStub, type ConnectorStub } from '../../bot/cli/bench-connector-stub.js';
import type { Recipient, Sender } from '../../bot/core/delivery/delivery-types.js';
import { createOutbox, deliveryKey, outboxControlPartition, type Outbox } from '../../bot/core/delivery/outbox.js';
import type { Delivery } from '../../bot/core/delivery/delivery-types.js';
import { createConsultations } from '../../bot/core/consultations/consultations.js';
import { consultationsPartition } from '../../bot/core/consultations/records.js';
import type { RecordStore } from '../../bot/core/storage/record-store.js';
import { broadcastJobKey, createBroadcaster, type BroadcastJob } from '../../bot/core/trainings/broadcast.js';
import { trainingsPartition, type TrainingSession } from '../../bot/core/trainings/session-types.js';
import { announcementDelivery } from '../../bot/core/trainings/training-payloads.js';
import { sessionIndexOp, sessionKey } from '../../bot/core/trainings/training-service.js';
import { createAzureTableStore } from '../../bot/storage/azure-table-store.js';
import { conversationRefsPartition } from '../../bot/teams/conversation-refs.js';
import { freePort, startAzurite, type Azurite } from '../support/azurite.js';
import { demoDirectory, people, submission } from '../consultations/helpers.js';

interface Instance {
  readonly name: string;
  readonly port: number;
  readonly child: ChildProcess;
}

let azurite: Azurite;
let stub: ConnectorStub;
let store: RecordStore;
const instances: Instance[] = [];
const tenantId = '00000000-0000-4000-8000-00000000aaaa';
const idle: Sender = { send: async () => ({ ok: true }) };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `check` holds, polling; fails the test after `timeoutMs`. */
async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`test: timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** Starts one bot process on the shared store; resolves once it listens. */
async function startInstance(name: string): Promise<Instance> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PORT: String(port),
    HOST: '127.0.0.1',
    BALISE_STORAGE: 'azure-table',
    // The demo directory gives the coordinators their roles (it is off by default outside npm start).
    BALISE_DEMO: 'true',
    AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
    LOG_LEVEL: 'silent',
    TEST_LEASE_MS: '2000',
    TEST_POLL_MS: '100',
  };
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'bot-instance.ts')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  // Loading botbuilder, teams-ai and the Azure SDK takes seconds, many more on a loaded machine.
  await until(`${name} to listen`, () => out.includes(`listening ${port}`) || child.exitCode !== null, 180_000);
  if (child.exitCode !== null) throw new Error(`test: ${name} exited: ${out}`);
  const instance = { name, port, child };
  instances.push(instance);
  return instance;
}

function kill(instance: Instance, signal: NodeJS.Signals = 'SIGKILL'): void {
  instance.child.kill(signal);
}

/** A personal-chat activity from `who` as Teams would post it. */
function activity(who: { id: string; aadObjectId?: string; name?: string }, extra: Record<string, unknown>) {
  return {
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: stub.serviceUrl,
    from: { id: who.id, aadObjectId: who.aadObjectId, name: who.name },
    recipient: { id: 'balise', name: 'Balise' },
    conversation: { id: `a:${who.id}`, conversationType: 'personal', tenantId },
    channelData: { tenant: { id: tenantId } },
    locale: 'fr-CA',
    ...extra,
  };
}

async function post(instance: Instance, body: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`http://127.0.0.1:${instance.port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

/** Texts of the cards the stub received in reply to `activityId`. */
function repliesTo(activityId: string): string {
  return stub.messages
    .filter((m) => m.activity.replyToId === activityId)
    .map((m) => JSON.stringify(m.activity))
    .join('\n');
}

/** Writes the conversation reference of a person, as their first message to Balise would. */
async function knownPerson(id: string): Promise<void> {
  const reference = { channelId: 'msteams', serviceUrl: stub.serviceUrl, conversation: { id: `a:${id}`, conversationType: 'personal', tenantId }, user: { id }, bot: { id: 'balise' } };
  await store.commit(conversationRefsPartition, [{ kind: 'put', key: `user/${id}`, value: { reference, userId: id } }]);
}

function sessionOf(id: string, capacity: number, taken = 0): TrainingSession {
  const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();
  return {
    id,
    track: 'volet-1',
    days: [{ start: day(30), end: day(30.3) }],
    place: 'Salle de test',
    capacity,
    deadline: day(20),
    createdBy: { userId: people.nathalie.id, name: people.nathalie.name },
    createdAt: day(0),
    registered: Array.from({ length: taken }, (_, i) => ({ registrationId: `${id}-r${i}`, userId: `taken-${i}`, name: `Personne ${i}`, lang: 'fr' as const, registeredAt: day(0) })),
    waitlist: [],
  };
}

const messagesTo = (conversationId: string) => stub.messages.filter((m) => m.conversationId === conversationId);

beforeAll(async () => {
  azurite = await startAzurite();
  stub = await startConnectorStub();
  store = await createAzureTableStore(azurite.connectionString);
  // A third process takes part in the last test, after A is killed; started now to start once.
  const [a, b] = await Promise.all([startInstance('A'), startInstance('B'), startInstance('C')]);
  expect(a.port).not.toBe(b.port);
}, 300_000);

afterAll(async () => {
  for (const i of instances) if (i.child.exitCode === null && i.child.signalCode === null) i.child.kill('SIGKILL');
  await Promise.all(instances.map((i) => (i.child.exitCode === null && i.child.signalCode === null ? new Promise((r) => i.child.once('exit', r)) : undefined)));
  await stub?.stop();
  await azurite?.stop();
});

describe('two instances sharing one Azure storage account', () => {
  it('gives the last seat to exactly one of two people registering through both instances at once', async () => {
    const [a, b] = instances as [Instance, Instance];
    const session = sessionOf('race-seat', 3, 2);
    await store.commit(trainingsPartition, [{ kind: 'put', key: sessionKey(session.id), value: session }, sessionIndexOp(session)]);
    const first = activity({ id: 'racer-1', name: 'Première' }, { type: 'message', value: { verb: 'register', sessionId: session.id } });
    const second = activity({ id: 'racer-2', name: 'Seconde' }, { type: 'message', value: { verb: 'register', sessionId: session.id } });
    const answers = await Promise.all([post(a, first), post(b, second)]);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    const stored = (await store.get<TrainingSession>(trainingsPartition, sessionKey(session.id)))!.value;
    expect(stored.registered).toHaveLength(3);
    expect(stored.waitlist).toHaveLength(1);
    const texts = [repliesTo(first.id), repliesTo(second.id)];
    expect(texts.filter((t) => t.includes('Inscription confirmée'))).toHaveLength(1);
    expect(texts.filter((t) => t.includes('Session complète')).length).toBe(1);
  });

  it('lets one of two coordinators claiming one request through both instances win, and tells the other who has it', async () => {
    const [a, b] = instances as [Instance, Instance];
    const outbox = createOutbox({ store, sender: idle, now: () => new Date(), partitions: [consultationsPartition] });
    const core = createConsultations({ store, outbox, directory: demoDirectory(), now: () => new Date() });
    const submitted = await core.submit(submission(), people.sophie);
    if (submitted.kind !== 'submitted') throw new Error('test: not submitted');
    const id = submitted.request.id;
    const claim = (who: { id: string; aadObjectId: string; name: string }) =>
      activity(who, { type: 'invoke', name: 'adaptiveCard/action', replyToId: 'card-1', value: { action: { type: 'Action.Execute', verb: 'claim', data: { requestId: id, lang: 'fr' } }, trigger: 'manual' } });
    const [x, y] = await Promise.all([post(a, claim(people.isabelle)), post(b, claim(people.julie))]);
    const texts = [JSON.stringify(x.body), JSON.stringify(y.body)];
    // The Table's coordinator may see every request (least privilege: not every coordinator may).
    const viewed = await core.view(id, people.nathalie);
    const winner = viewed.kind === 'ok' ? viewed.request.handler?.name : undefined;
    expect(['Isabelle Roy', 'Julie Bouchard']).toContain(winner);
    expect(texts.every((t) => t.includes(`Prise en charge par ${winner}`))).toBe(true);
    expect(texts.filter((t) => t.includes(`${winner} s’en occupe déjà`))).toHaveLength(1);
    expect((await core.auditTrail(id)).filter((e) => e.action === 'claimed')).toHaveLength(1);
  });

  it('shares turn state and conversation references: a conversation alternating between instances never conflicts', async () => {
    // Balise's own features keep no turn state; a conversation alternating between instances is
    // answered by both without a fault (a fault would surface as the apology card).
    const [a, b] = instances as [Instance, Instance];
    const who = { id: 'alternating-user', aadObjectId: '00000000-0000-4000-8000-0000000000ff', name: 'Alternance' };
    const sent = [];
    for (let i = 0; i < 6; i++) {
      const message = activity(who, { type: 'message', text: i % 2 === 0 ? 'aide' : 'Quels sont les signes de recrutement?' });
      expect((await post(i % 2 === 0 ? a : b, message)).status).toBe(200);
      sent.push(message.id);
    }
    for (const id of sent) {
      expect(repliesTo(id)).not.toBe('');
      expect(repliesTo(id)).not.toMatch(/Désolé|erreur/i);
    }
    expect((await store.get(conversationRefsPartition, `user/${who.id}`))?.value).toMatchObject({ userId: who.id });
    // A feature that keeps turn state (the instances' test counter) reads and writes it in the
    // shared store: the count goes on from one instance to the other.
    const counts = [];
    for (let i = 0; i < 6; i++) {
      const message = activity(who, { type: 'message', text: 'compte' });
      expect((await post(i % 2 === 0 ? a : b, message)).status).toBe(200);
      counts.push(...stub.messages.filter((m) => m.activity.replyToId === message.id).map((m) => m.activity.text));
    }
    expect(counts).toEqual(['compte 1', 'compte 2', 'compte 3', 'compte 4', 'compte 5', 'compte 6']);
  });

  it('runs an escalation once per request when every instance\'s timer fires together', async () => {
    const stores = await Promise.all([createAzureTableStore(azurite.connectionString), createAzureTableStore(azurite.connectionString)]);
    const start = new Date();
    const cores = stores.map((s) => createConsultations({ store: s, outbox: createOutbox({ store: s, sender: idle, now: () => start, partitions: [consultationsPartition] }), directory: demoDirectory(), now: () => start }));
    const submitted = await cores[0]!.submit(submission({ urgency: 'today' }), people.sophie);
    if (submitted.kind !== 'submitted') throw new Error('test: not submitted');
    const later = new Date(start.getTime() + 3 * 86_400_000);
    const runs = await Promise.all([...cores, ...cores].map((c) => c.escalateDue(later)));
    expect(runs.flat().filter((id) => id === submitted.request.id)).toHaveLength(1);
    expect((await cores[1]!.auditTrail(submitted.request.id)).filter((e) => e.action === 'escalated')).toHaveLength(1);
  });

  it('pauses both instances after a 429 seen by one of them, until Retry-After', async () => {
    const session = sessionOf('throttle-session', 30);
    await store.commit(trainingsPartition, [{ kind: 'put', key: sessionKey(session.id), value: session }, sessionIndexOp(session)]);
    const to = (id: string): Recipient => ({ kind: 'user', userId: id });
    for (const id of ['throttle-first', 'throttle-1', 'throttle-2', 'throttle-3', 'throttle-4']) await knownPerson(id);
    // The connector client retries a 429 itself (honouring Retry-After) before the outbox sees it.
    let throttled = 0;
    stub.intercept((conversationId) => {
      if (conversationId !== 'a:throttle-first' || throttled >= 5) return undefined;
      throttled++;
      return { status: 429, headers: { 'retry-after': '1' } };
    });
    const outbox: Outbox = createOutbox({ store, sender: idle, now: () => new Date(), partitions: [trainingsPartition] });
    await outbox.enqueue(trainingsPartition, [announcementDelivery(session, to('throttle-first'))]);
    await until('the stored pause', async () => (await store.get(outboxControlPartition, 'pause')) !== undefined);
    const pause = (await store.get<{ until: string }>(outboxControlPartition, 'pause'))!.value;
    await outbox.enqueue(trainingsPartition, ['throttle-1', 'throttle-2', 'throttle-3', 'throttle-4'].map((id) => announcementDelivery(session, to(id))));
    await until('the throttled deliveries', () => ['first', '1', '2', '3', '4'].every((n) => messagesTo(`a:throttle-${n}`).length > 0));
    stub.intercept(() => undefined);
    const after = ['first', '1', '2', '3', '4'].flatMap((n) => messagesTo(`a:throttle-${n}`));
    expect(after.every((m) => m.at >= Date.parse(pause.until))).toBe(true);
  });

  it('delivers an alert whose delivering instance died mid-send from the other instance', async () => {
    const [a, b, c] = instances as [Instance, Instance, Instance];
    // Only A works while the alert is claimed.
    kill(b, 'SIGSTOP');
    kill(c, 'SIGSTOP');
    let held = 0;
    stub.intercept((conversationId) => (conversationId === `a:${people.isabelle.id}` && held++ === 0 ? 'hold' : undefined));
    const before = messagesTo(`a:${people.isabelle.id}`).length;
    const outbox = createOutbox({ store, sender: idle, now: () => new Date(), partitions: [consultationsPartition] });
    const core = createConsultations({ store, outbox, directory: demoDirectory(), now: () => new Date() });
    const submitted = await core.submit(submission(), people.sophie);
    if (submitted.kind !== 'submitted') throw new Error('test: not submitted');
    await until('A to post the alert', () => held > 0);
    kill(a);
    kill(b, 'SIGCONT');
    kill(c, 'SIGCONT');
    await until('B to deliver the alert', () => messagesTo(`a:${people.isabelle.id}`).length > before);
    stub.intercept(() => undefined);
    const alertsToIsabelle = async () =>
      (await store.list<Delivery>(consultationsPartition, { prefix: deliveryKey(`${submitted.request.id}.`) })).filter((d) => d.value.recipient.kind === 'user' && d.value.recipient.userId === people.isabelle.id);
    // B marks the delivery sent after the connector accepted it: wait for the mark, not for the message.
    await until('B to mark the alert sent', async () => (await alertsToIsabelle()).some((d) => d.value.state === 'sent'));
    const alerts = await alertsToIsabelle();
    expect(alerts.map((d) => d.value.state)).toEqual(['sent']);
    expect(alerts[0]!.value.attempts).toBe(2); // A's claim, then another instance's after A's lease expired
    expect(messagesTo(`a:${people.isabelle.id}`).length - before).toBe(1);
  });

  it('finishes a broadcast when one instance is killed half-way: everyone reached, duplicates only for deliveries claimed and unsettled at the kill, one final tally', async () => {
    const [, b, c] = instances as [Instance, Instance, Instance];
    const audience = Array.from({ length: 40 }, (_, i) => `bcast-${String(i).padStart(2, '0')}`);
    for (const id of audience) await knownPerson(id);
    await knownPerson(people.nathalie.id);
    const toCoordinatorBefore = messagesTo(`a:${people.nathalie.id}`).length;
    const session = sessionOf('bcast-session', 30);
    const job: BroadcastJob = { sessionId: session.id, by: { kind: 'user', userId: people.nathalie.id, name: people.nathalie.name }, lang: 'fr', startedAt: new Date().toISOString(), enqueued: false, reported: [] };
    await store.commit(trainingsPartition, [{ kind: 'put', key: sessionKey(session.id), value: session }, sessionIndexOp(session), { kind: 'put', key: broadcastJobKey(session.id), value: job }]);
    // Each announcement takes 150 ms at the connector, so the kill lands mid-broadcast.
    const slow = new Set(audience.map((id) => `a:${id}`));
    stub.intercept((conversationId) => (slow.has(conversationId) ? { delayMs: 150 } : undefined));
    const outbox = createOutbox({ store, sender: idle, now: () => new Date(), partitions: [trainingsPartition] });
    const broadcaster = createBroadcaster({ store, outbox, audience: async () => audience.map((id): Recipient => ({ kind: 'user', userId: id })) });
    await broadcaster.run(session.id);
    await until('half of the broadcast', () => audience.filter((id) => messagesTo(`a:${id}`).length > 0).length >= 20);
    kill(c);
    if (c.child.exitCode === null && c.child.signalCode === null) await new Promise((resolve) => c.child.once('exit', resolve));
    // At least once: only a delivery claimed and not yet settled when C died may be sent twice (C may
    // have handed it to the connector before its sent mark). Read them now, well within the 2 s lease
    // after which B takes them over; B's own claims may be in the list too, which only widens it.
    const unsettledAtKill = new Set(
      (await store.list<Delivery>(trainingsPartition, { prefix: deliveryKey('') }))
        .filter((d) => d.value.state === 'sending' && d.value.recipient.kind === 'user')
        .map((d) => (d.value.recipient.kind === 'user' ? d.value.recipient.userId : '')),
    );
    await until('every recipient', () => audience.every((id) => messagesTo(`a:${id}`).length > 0));
    await until('the final tally', async () => (await store.get<BroadcastJob>(trainingsPartition, broadcastJobKey(session.id)))?.value.reported.includes('final') === true, 30_000);
    await until('the final tally delivered', async () => (await store.get<Delivery>(trainingsPartition, deliveryKey(`report:${session.id}:final`)))?.value.state === 'sent');
    stub.intercept(() => undefined);
    const duplicated = audience.filter((id) => messagesTo(`a:${id}`).length > 1);
    expect(duplicated.filter((id) => !unsettledAtKill.has(id))).toEqual([]);
    expect(audience.filter((id) => messagesTo(`a:${id}`).length > 2)).toEqual([]);
    const final = (await store.get<BroadcastJob>(trainingsPartition, broadcastJobKey(session.id)))!.value;
    expect(new Set(final.reported).size).toBe(final.reported.length);
    const reports = await store.list<Delivery>(trainingsPartition, { prefix: deliveryKey(`report:${session.id}:`) });
    expect(reports.map((r) => r.value.state)).toEqual(final.reported.map(() => 'sent'));
    expect(messagesTo(`a:${people.nathalie.id}`).length - toCoordinatorBefore).toBeGreaterThanOrEqual(final.reported.length);
    expect(b.child.exitCode).toBeNull();
  });
});
