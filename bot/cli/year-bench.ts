/**
 * `npm run bench -- --only year [--scale 1] [--storage sqlite|azure-table|both]`: do costs stay flat
 * as history grows? Two stores hold the same « current » data (10 upcoming sessions, a 100-person
 * broadcast, 10 open consultation requests, the coordinators' references); one of them also holds
 * a year of history (at scale 1: 2,000 workers' references and turn state, 60,000 feedback records,
 * 3,000 closed requests with their audits and deliveries, 290 past sessions with 20,000
 * registrations, 200,000 settled deliveries). For each operation (outbox poll, training list, roster,
 * open requests, a question turn through HTTP) it prints the records read and the median time on
 * both, and seeded / empty. Figures only: nothing is asserted. The data is written by `year-bench-seed.ts`.
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
import { countReads } from '../dev/counting-store.js';
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

/** Runs each operation on `store`; returns rows read (one run) and the median ms. */
async function measure(inner: RecordStore, now: Date, stub: ConnectorStub, repetitions: number): Promise<Map<string, { rows: number; ms: number }>> {
  const store = countReads(inner);
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
      store.reset();
      await op();
      const rows = store.rowsRead;
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
