/**
 * `npm run bench -- --only year [--scale 1] [--storage sqlite|azure-table|both]`: do costs stay flat
 * as history grows? Two stores hold the same « current » data (10 upcoming sessions, a 100-person
 * broadcast, 10 open consultation requests, the coordinators' references); one of them also holds
 * a year of history (at scale 1: 2,000 workers' references and turn state, 60,000 feedback records,
 * 3,000 closed requests with their audits and deliveries, 290 past sessions with 20,000
 * registrations, 200,000 settled deliveries). For each operation (outbox poll, training list, roster,
 * open requests, a question turn through HTTP) it prints the records read and the median time on
 * both, and seeded / empty. Figures only: nothing is asserted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readConfig } from '../config.js';
import { createConsultations } from '../core/consultations/consultations.js';
import { consultationsPartition } from '../core/consultations/records.js';
import type { Delivery, Recipient } from '../core/delivery/delivery-types.js';
import { createOutbox } from '../core/delivery/outbox.js';
import { loadDirectory } from '../core/directory/directory.js';
import type { RecordStore, WriteOp } from '../core/storage/record-store.js';
import { broadcastJobKey, createBroadcaster, type BroadcastJob } from '../core/trainings/broadcast.js';
import { createCoordination } from '../core/trainings/coordination.js';
import { trainingsPartition, type TrainingSession } from '../core/trainings/session-types.js';
import { announcementDelivery, announcementJobId } from '../core/trainings/training-payloads.js';
import { createTrainingService, sessionIndexOp, sessionKey } from '../core/trainings/training-service.js';
import { createLogger } from '../logger.js';
import { repoPath } from '../paths.js';
import { outboxPartitions, startBot } from '../start-bot.js';
import { createAzureTableStore } from '../storage/azure-table-store.js';
import { createMemoryStore } from '../storage/memory-store.js';
import { createSqliteStore } from '../storage/sqlite-store.js';
import { conversationRefsPartition } from '../teams/conversation-refs.js';
import { startAzurite } from '../dev/azurite.js';
import { startConnectorStub, type ConnectorStub } from './bench-connector-stub.js';

/** Options of the bench, each with its default. */
export interface YearBenchOptions {
  /** Fraction of the year's volumes. Default: 1. */
  readonly scale?: number;
  /** Backends to run. Default: both. */
  readonly storage?: 'sqlite' | 'azure-table' | 'both';
  /** Repetitions per operation (the median is printed). Default: 20. */
  readonly repetitions?: number;
  readonly print?: (line: string) => void;
}

const directory = () => {
  const { directory: d } = loadDirectory(repoPath('demo', 'annuaire-demo.yaml'));
  if (!d) throw new Error('year-bench: demo directory invalid');
  return d;
};
const nathalie = { id: 'user-id-5', aadObjectId: '00000000-0000-4000-8000-000000000105', name: 'Nathalie Côté' };
const isabelle = { id: 'user-id-2', aadObjectId: '00000000-0000-4000-8000-000000000102', name: 'Isabelle Roy' };
const sophie = { id: 'user-id-0', aadObjectId: '00000000-0000-4000-8000-000000000100', name: 'Sophie Tremblay' };
const day = (now: Date, n: number) => new Date(now.getTime() + n * 86_400_000).toISOString();

/** A store that counts the records it returns. */
function counting(inner: RecordStore): RecordStore & { rows: number } {
  const c = {
    rows: 0,
    get: async <T>(p: string, k: string) => {
      const r = await inner.get<T>(p, k);
      if (r) c.rows++;
      return r;
    },
    list: async <T>(p: string, o?: Parameters<RecordStore['list']>[1]) => {
      const r = await inner.list<T>(p, o);
      c.rows += r.length;
      return r;
    },
    commit: (p: string, ops: readonly WriteOp[]) => inner.commit(p, ops),
    ping: () => inner.ping(),
    close: () => inner.close(),
  };
  return c;
}

/** Writes records in commits of 100 (one partition each), one after the other; a dropped connection is retried. */
async function writeAll(store: RecordStore, partition: string, records: Array<{ key: string; value: unknown }>): Promise<void> {
  for (let i = 0; i < records.length; i += 100) {
    const ops = records.slice(i, i + 100).map((r) => ({ kind: 'put' as const, key: r.key, value: r.value }));
    for (let attempt = 1; ; attempt++) {
      try {
        await store.commit(partition, ops);
        break;
      } catch (err) {
        // Azurite under load sometimes resets a connection; the puts are unconditional, so retrying is safe.
        if (attempt >= 5) throw err;
        await new Promise((r) => setTimeout(r, 200 * attempt));
      }
    }
  }
}

function session(now: Date, id: string, offsetDays: number, registrants: number): TrainingSession {
  return {
    id,
    track: 'volet-1',
    days: [{ start: day(now, offsetDays), end: day(now, offsetDays + 0.3) }],
    place: 'Salle',
    capacity: registrants + 5,
    deadline: day(now, offsetDays - 7),
    createdBy: { userId: nathalie.id, name: nathalie.name },
    createdAt: day(now, offsetDays - 30),
    registered: Array.from({ length: registrants }, (_, i) => ({ registrationId: `${id}-r${i}`, userId: `worker-${i}`, name: `Intervenant ${i}`, lang: 'fr' as const, registeredAt: day(now, offsetDays - 20) })),
    waitlist: [],
  };
}

const reference = (id: string, serviceUrl: string) => ({ reference: { channelId: 'msteams', serviceUrl, conversation: { id: `a:${id}`, conversationType: 'personal' }, user: { id }, bot: { id: 'balise' } }, userId: id });

/** The data both stores hold: what the measured operations are about. */
async function seedCurrent(store: RecordStore, now: Date, stub: ConnectorStub): Promise<void> {
  await writeAll(store, conversationRefsPartition, [nathalie, isabelle, sophie].map((p) => ({ key: `user/${p.id}`, value: reference(p.id, stub.serviceUrl) })));
  const upcoming = Array.from({ length: 10 }, (_, i) => session(now, `current-${i}`, 10 + i * 7, 30));
  await writeAll(store, trainingsPartition, upcoming.flatMap((s) => [{ key: sessionKey(s.id), value: s }, { key: sessionIndexOp(s).key, value: { id: s.id } }]));
  // A finished 100-person broadcast for current-0 (the roster shows its tally).
  const job: BroadcastJob = { sessionId: 'current-0', by: { kind: 'user', userId: nathalie.id, name: nathalie.name }, lang: 'fr', startedAt: now.toISOString(), enqueued: true, total: 100, reported: ['final'] };
  await writeAll(store, trainingsPartition, [{ key: broadcastJobKey('current-0'), value: job }, ...settledAnnouncements(upcoming[0]!, 100, now)]);
  const outbox = createOutbox({ store, sender: { send: async () => ({ ok: true }) }, now: () => now, partitions: outboxPartitions });
  const core = createConsultations({ store, outbox, directory: directory(), now: () => now });
  for (let i = 0; i < 10; i++) await core.submit({ organisationId: 'ciusss-cn', category: 'intervenir', urgency: 'week', description: 'Situation de test sans donnée personnelle.', contact: { method: 'teams' }, urgent: false, lang: 'fr', acknowledgedPersonalData: [] }, sophie);
  while ((await outbox.drainOnce()) > 0);
}

/** Settled announcement deliveries of `s` to `n` workers, with their job index entries. */
function settledAnnouncements(s: TrainingSession, n: number, now: Date): Array<{ key: string; value: unknown }> {
  return Array.from({ length: n }, (_, i) => {
    const recipient: Recipient = { kind: 'user', userId: `worker-${i}` };
    const d = announcementDelivery(s, recipient);
    const delivery: Delivery = { id: d.id, jobId: d.jobId, recipient, payload: d.payload, state: 'sent', attempts: 1, notBefore: now.toISOString() };
    return [
      { key: `outbox/${d.id}`, value: delivery },
      { key: `outbox-job/${announcementJobId(s.id)}/${d.id}`, value: { state: 'sent' } },
    ];
  }).flat();
}

/** A year of history, at `scale`. */
async function seedYear(store: RecordStore, now: Date, scale: number, stub: ConnectorStub): Promise<void> {
  const n = (x: number) => Math.max(1, Math.round(x * scale));
  const workers = n(2_000);
  await writeAll(store, conversationRefsPartition, Array.from({ length: workers }, (_, i) => ({ key: `user/worker-${i}`, value: reference(`worker-${i}`, stub.serviceUrl) })));
  await writeAll(store, 'turn-state', Array.from({ length: workers }, (_, i) => [
    { key: `msteams/balise/conversations/a:worker-${i}`, value: { history: [], lastQuestionAt: day(now, -1) } },
    { key: `msteams/balise/users/worker-${i}`, value: { lang: 'fr' } },
  ]).flat());
  await writeAll(store, 'feedback', Array.from({ length: n(60_000) }, (_, i) => ({ key: `${day(now, -365 + (i * 365) / n(60_000))}-${i}`, value: { entryId: 'lieux-recrutement', useful: i % 3 !== 0, at: day(now, -1) } })));
  // Past sessions: 20,000 registrations and 200,000 settled announcements over the year.
  const past = Array.from({ length: n(290) }, (_, i) => session(now, `past-${i}`, -365 + i, Math.round(n(20_000) / n(290))));
  await writeAll(store, trainingsPartition, past.flatMap((s) => [{ key: sessionKey(s.id), value: s }, { key: sessionIndexOp(s).key, value: { id: s.id } }]));
  const perSession = Math.round(n(200_000) / past.length);
  for (const s of past) {
    const job: BroadcastJob = { sessionId: s.id, by: { kind: 'user', userId: nathalie.id }, lang: 'fr', startedAt: s.createdAt, enqueued: true, total: perSession, reported: ['q1', 'q2', 'q3', 'final'] };
    await writeAll(store, trainingsPartition, [{ key: broadcastJobKey(s.id), value: job }, ...settledAnnouncements(s, perSession, now)]);
  }
  // 3,000 closed requests made by the real core (audits, alerts, updates), settled, then copied.
  const scratch = createMemoryStore();
  let clock = Date.parse(day(now, -365));
  const outbox = createOutbox({ store: scratch, sender: { send: async () => ({ ok: true }) }, now: () => new Date(clock), partitions: [consultationsPartition] });
  const core = createConsultations({ store: scratch, outbox, directory: directory(), now: () => new Date(clock) });
  for (let i = 0; i < n(3_000); i++) {
    clock += 10_000_000;
    const made = await core.submit({ organisationId: 'ciusss-cn', category: 'intervenir', urgency: 'week', description: 'Situation passée sans donnée personnelle.', contact: { method: 'teams' }, urgent: false, lang: 'fr', acknowledgedPersonalData: [] }, { id: `worker-${i % workers}`, name: `Intervenant ${i}` });
    if (made.kind !== 'submitted') continue;
    await core.act(made.request.id, isabelle, { kind: 'claim' });
    await core.act(made.request.id, isabelle, { kind: 'close', note: 'Terminé.' });
    if (i % 100 === 99) while ((await outbox.drainOnce()) > 0);
  }
  while ((await outbox.drainOnce()) > 0);
  await writeAll(store, consultationsPartition, (await scratch.list(consultationsPartition)).map((r) => ({ key: r.key, value: r.value })));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Runs each operation on `store`; returns rows read (one run) and the median ms. */
async function measure(inner: RecordStore, now: Date, stub: ConnectorStub, repetitions: number): Promise<Map<string, { rows: number; ms: number }>> {
  const store = counting(inner);
  const outbox = createOutbox({ store, sender: { send: async () => ({ ok: true }) }, now: () => now, partitions: outboxPartitions });
  const service = createTrainingService({ store, outbox, now: () => now });
  const coordination = createCoordination({ store, directory: directory(), now: () => now });
  const broadcaster = createBroadcaster({ store, outbox, audience: async () => [] });
  const consultations = createConsultations({ store, outbox, directory: directory(), now: () => now });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'balise-year-'));
  const bot = await startBot(readConfig({ PORT: '0', HOST: '127.0.0.1', BALISE_DATA_DIR: dataDir, LOG_LEVEL: 'silent', BALISE_DEMO: 'false' }), createLogger('silent'), { store, now: () => now });
  let turn = 0;
  const question = async () => {
    const res = await fetch(`http://127.0.0.1:${bot.port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', id: `q${++turn}`, channelId: 'msteams', serviceUrl: stub.serviceUrl, from: { id: sophie.id, name: sophie.name }, recipient: { id: 'balise' }, conversation: { id: `a:${sophie.id}`, conversationType: 'personal' }, locale: 'fr-CA', text: 'où les pimps recrutent les jeunes filles' }),
    });
    await res.text();
  };
  const operations: Array<[string, () => Promise<unknown>]> = [
    ['outbox poll (nothing due)', () => outbox.drainOnce()],
    ['training list', () => service.upcoming()],
    ['roster (+ broadcast tally)', async () => [await coordination.roster(nathalie, 'current-0'), await broadcaster.status('current-0')]],
    ['open requests', () => consultations.listOpen(isabelle)],
    ['question turn (HTTP)', question],
  ];
  const out = new Map<string, { rows: number; ms: number }>();
  try {
    for (const [name, op] of operations) {
      await op(); // warm-up (builds the session index once on older data)
      store.rows = 0;
      await op();
      const rows = store.rows;
      const times: number[] = [];
      for (let i = 0; i < repetitions; i++) {
        const t = performance.now();
        await op();
        times.push(performance.now() - t);
      }
      out.set(name, { rows, ms: median(times) });
    }
  } finally {
    await bot.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return out;
}

/** Seeds an empty and a « one year » store on each backend, and prints the costs side by side. */
export async function runYearBench(options: YearBenchOptions = {}): Promise<void> {
  const print = options.print ?? ((line: string) => console.log(line));
  const scale = options.scale ?? 1;
  const repetitions = options.repetitions ?? 20;
  const now = new Date();
  const stub = await startConnectorStub({ record: false });
  const backends = options.storage === 'sqlite' ? ['sqlite'] : options.storage === 'azure-table' ? ['azure-table'] : ['sqlite', 'azure-table'];
  try {
    for (const backend of backends) {
      const azurite = backend === 'azure-table' ? await startAzurite({ inMemory: true }) : undefined;
      const dirs: string[] = [];
      const open = async (name: string): Promise<RecordStore> => {
        if (azurite) return createAzureTableStore(azurite.connectionString, `year${name}`);
        const dir = mkdtempSync(path.join(os.tmpdir(), `balise-year-${name}-`));
        dirs.push(dir);
        return createSqliteStore(dir);
      };
      try {
        const empty = await open('empty');
        const seeded = await open('seeded');
        await seedCurrent(empty, now, stub);
        print(`${backend}: current data written`);
        await seedCurrent(seeded, now, stub);
        const t = performance.now();
        await seedYear(seeded, now, scale, stub);
        print(`\n${backend}: one year at scale ${scale} seeded in ${((performance.now() - t) / 1000).toFixed(1)} s; median of ${repetitions} runs`);
        const a = await measure(empty, now, stub, repetitions);
        const b = await measure(seeded, now, stub, repetitions);
        print('operation                  | rows empty  rows year | ms empty  ms year | year / empty');
        for (const [name, e] of a) {
          const y = b.get(name) ?? { rows: 0, ms: 0 };
          print(`${name.padEnd(26)} | ${String(e.rows).padStart(10)} ${String(y.rows).padStart(10)} | ${e.ms.toFixed(2).padStart(8)} ${y.ms.toFixed(2).padStart(8)} | ${(e.ms > 0 ? y.ms / e.ms : 0).toFixed(2)}`);
        }
        await empty.close();
        await seeded.close();
      } finally {
        await azurite?.stop();
        for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    await stub.stop();
  }
}
