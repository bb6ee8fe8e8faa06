/**
 * `npm run bench -- --only year [--scale 1] [--storage sqlite|azure-table|both]`: do costs stay flat
 * as history grows? Two stores hold the same « current » data (10 upcoming sessions with 300
 * reminders due later, a 100-person broadcast, 10 open consultation requests, the coordinators'
 * references); one of them also holds a year of history (at scale 1: 2,000 workers' references and turn state, 60,000 feedback records,
 * 3,000 closed requests with their audits and deliveries, 290 past sessions with 20,000
 * registrations, 200,000 settled deliveries). For each operation (outbox poll, training list, roster,
 * open requests, a question turn through HTTP) it prints the records read and the median time on
 * both, and seeded / empty. Two controls follow, which find nothing: a point read and a key-range
 * query in the trainings partition. On a backend whose lookups grow with a partition's rows
 * (Azurite, `scripts/azurite-scan.ts`), they grow too, whatever is read. Each store has its own bot, started and done with its start-up work
 * (retention purge keeping the year, outbox backfills) before anything is measured, so the rows are
 * the operation's own; the runs on the two stores alternate. Figures only: nothing is asserted.
 * The data is written by `year-bench-seed.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readConfig } from '../config.js';
import { createConsultations } from '../core/consultations/consultations.js';
import { createOutbox } from '../core/delivery/outbox.js';
import type { RecordStore } from '../core/storage/record-store.js';
import { createBroadcaster } from '../core/trainings/broadcast.js';
import { createCoordination } from '../core/trainings/coordination.js';
import { createTrainingService } from '../core/trainings/training-service.js';
import { createLogger } from '../logger.js';
import { outboxPartitions, startBot } from '../start-bot.js';
import { createAzureTableStore } from '../storage/azure-table-store.js';
import { createSqliteStore } from '../storage/sqlite-store.js';
import { startAzurite } from '../dev/azurite.js';
import { countReads, type CountingStore } from '../dev/counting-store.js';
import { startConnectorStub, type ConnectorStub } from './bench-connector-stub.js';
import { directory, isabelle, nathalie, seedCurrent, seedYear, sophie } from './year-bench-seed.js';

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

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** A store with the bot and the services the measured operations use. */
interface Bench {
  readonly store: CountingStore;
  readonly operations: ReadonlyArray<readonly [string, () => Promise<unknown>]>;
  stop(): Promise<void>;
}

/**
 * Starts a bot over `inner` and waits until its start-up work is done, so only the measured
 * operations read the store while they are measured: the retention purge's first run (it keeps the
 * year: periods of 3,650 days) is awaited, and the bot's own outbox worker polls once an hour.
 */
async function startBench(inner: RecordStore, now: Date, stub: ConnectorStub): Promise<Bench> {
  const store = countReads(inner);
  const outbox = createOutbox({ store, sender: { send: async () => ({ ok: true }) }, now: () => now, partitions: outboxPartitions });
  const service = createTrainingService({ store, outbox, now: () => now });
  const coordination = createCoordination({ store, directory: directory(), now: () => now });
  const broadcaster = createBroadcaster({ store, outbox, audience: async () => [] });
  const consultations = createConsultations({ store, outbox, directory: directory(), now: () => now });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'balise-year-'));
  let purged: () => void = () => undefined;
  const firstPurge = new Promise<void>((resolve) => (purged = resolve));
  const logger = createLogger('info', { write: (line: string) => (line.includes('"retention purge') ? purged() : undefined) });
  const keepYear = { BALISE_RETENTION_REQUEST_DAYS: '3650', BALISE_RETENTION_FEEDBACK_DAYS: '3650', BALISE_RETENTION_CONVERSATION_DAYS: '3650' };
  const config = readConfig({ PORT: '0', HOST: '127.0.0.1', BALISE_DATA_DIR: dataDir, LOG_LEVEL: 'silent', BALISE_DEMO: 'false', ...keepYear });
  const bot = await startBot(config, logger, { store, now: () => now, outboxOptions: { pollMs: 3_600_000 } });
  await firstPurge;
  let turn = 0;
  const question = async () => {
    const res = await fetch(`http://127.0.0.1:${bot.port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', id: `q${++turn}`, channelId: 'msteams', serviceUrl: stub.serviceUrl, from: { id: sophie.id, name: sophie.name }, recipient: { id: 'balise' }, conversation: { id: `a:${sophie.id}`, conversationType: 'personal' }, locale: 'fr-CA', text: 'où les pimps recrutent les jeunes filles' }),
    });
    await res.text();
  };
  return {
    store,
    operations: [
      ['outbox poll (nothing due)', () => outbox.drainOnce()],
      ['training list', () => service.upcoming()],
      ['roster (+ broadcast tally)', async () => [await coordination.roster(nathalie, 'current-0'), await broadcaster.status('current-0')]],
      ['open requests', () => consultations.listOpen(isabelle)],
      ['question turn (HTTP)', question],
      // Controls, not Balise operations: what the backend itself costs for a point read and for a
      // key-range query that finds nothing, in the trainings partition (small here, a year's
      // sessions, registrations and deliveries there).
      ['control: point read', () => store.get('trainings', 'control/absent')],
      ['control: empty range', () => store.list('trainings', { prefix: 'control/' })],
    ],
    async stop() {
      await bot.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Rows read by one run of each operation, and its median time; the two stores' runs alternate. */
async function measure(empty: Bench, year: Bench, repetitions: number): Promise<Array<{ name: string; rows: [number, number]; ms: [number, number] }>> {
  const out: Array<{ name: string; rows: [number, number]; ms: [number, number] }> = [];
  for (let op = 0; op < empty.operations.length; op++) {
    const benches = [empty, year];
    const rows = [0, 0];
    const times: number[][] = [[], []];
    for (const [b, bench] of benches.entries()) {
      const run = bench.operations[op]![1];
      await run(); // warm-up (builds the session index once on older data)
      bench.store.reset();
      await run();
      rows[b] = bench.store.rowsRead;
    }
    // Interleaved, so a burst of load on the shared machine hits both stores alike.
    for (let i = 0; i < repetitions; i++) {
      for (const [b, bench] of benches.entries()) {
        const t = performance.now();
        await bench.operations[op]![1]();
        times[b]!.push(performance.now() - t);
      }
    }
    out.push({ name: empty.operations[op]![0], rows: [rows[0]!, rows[1]!], ms: [median(times[0]!), median(times[1]!)] });
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
        const benches = [await startBench(empty, now, stub), await startBench(seeded, now, stub)] as const;
        try {
          print(`uptime: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (load averages 1, 5, 15 min)`);
          print('operation                  | rows empty  rows year | ms empty  ms year | year / empty');
          for (const { name, rows, ms } of await measure(benches[0], benches[1], repetitions)) {
            print(`${name.padEnd(26)} | ${String(rows[0]).padStart(10)} ${String(rows[1]).padStart(10)} | ${ms[0].toFixed(2).padStart(8)} ${ms[1].toFixed(2).padStart(8)} | ${(ms[0] > 0 ? ms[1] / ms[0] : 0).toFixed(2)}`);
          }
        } finally {
          for (const b of benches) await b.stop();
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
