/**
 * `npx tsx bot/cli/broadcast-bench.ts [--recipients 5000] [--rate 100]`: broadcasts one training
 * announcement to N people through the real outbox and the real Teams sender, against a local Bot
 * Connector stub (a real HTTP server on 127.0.0.1 that allows `rate` messages per second and
 * answers 429 + Retry-After beyond). Prints the total time against the theoretical minimum for that
 * limit, the duplicates and the losses (both must be 0).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { TurnContext } from 'botbuilder';
import { readConfig } from '../config.js';
import { createOutbox } from '../core/delivery/outbox.js';
import { createDirectory } from '../core/directory/directory.js';
import { createBroadcaster } from '../core/trainings/broadcast.js';
import { createCoordination } from '../core/trainings/coordination.js';
import { trainingsPartition } from '../core/trainings/session-types.js';
import { announcementJobId } from '../core/trainings/training-payloads.js';
import { createSqliteStore } from '../storage/sqlite-store.js';
import { saveReference } from '../teams/conversation-refs.js';
import { createAdapter } from '../teams/create-bot-app.js';
import { createTeamsSender, type PayloadRenderer } from '../teams/delivery/teams-sender.js';
import { announcementAudience } from '../teams/features/trainings/audience.js';
import { trainingPayloadRenderers } from '../teams/features/trainings/render-payload.js';
import { startConnectorStub } from './bench-connector-stub.js';

/** Options of the bench, each with its default. */
export interface BroadcastBenchOptions {
  /** People to announce to. Default: 5,000. */
  readonly recipients?: number;
  /** Messages per second the stub connector accepts (token bucket, burst of one second). Default: 100. */
  readonly ratePerSecond?: number;
  /** Where lines go. Default: standard output. */
  readonly print?: (line: string) => void;
}

/** What the bench measured. */
export interface BroadcastBenchResult {
  readonly recipients: number;
  readonly ratePerSecond: number;
  readonly totalMs: number;
  readonly enqueueMs: number;
  readonly theoreticalMinMs: number;
  readonly throttled: number;
  readonly duplicates: number;
  readonly losses: number;
}

/** A token bucket of `ratePerSecond` (a burst of one second): 0 when a message may pass now, else the ms to wait. */
function tokenBucket(ratePerSecond: number): () => number {
  let tokens = ratePerSecond;
  let last = Date.now();
  return () => {
    const now = Date.now();
    tokens = Math.min(ratePerSecond, tokens + ((now - last) * ratePerSecond) / 1000);
    last = now;
    if (tokens < 1) return Math.ceil(((1 - tokens) * 1000) / ratePerSecond);
    tokens -= 1;
    return 0;
  };
}

/** Runs the bench and prints its lines. */
export async function runBroadcastBench(options: BroadcastBenchOptions = {}): Promise<BroadcastBenchResult> {
  const recipients = options.recipients ?? 5_000;
  const ratePerSecond = options.ratePerSecond ?? 100;
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  // The local connector allows `ratePerSecond` messages and answers 429 with Retry-After beyond, as the real one does.
  const stub = await startConnectorStub({ record: false });
  const { serviceUrl } = stub;
  const take = tokenBucket(ratePerSecond);
  const received = new Map<string, number>();
  let throttled = 0;
  stub.intercept((conversationId) => {
    const waitMs = take();
    if (waitMs > 0) {
      throttled++;
      // Retry-After is in whole seconds, as the real connector sends it.
      return { status: 429, headers: { 'Retry-After': String(Math.max(1, Math.ceil(waitMs / 1000))) } };
    }
    received.set(conversationId, (received.get(conversationId) ?? 0) + 1);
    return undefined;
  });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'balise-bench-'));
  const store = createSqliteStore(dir);
  try {
    // Everyone "installed" Balise: their personal-chat references are stored, as a real turn does.
    for (let i = 0; i < recipients; i++) {
      const activity = { channelId: 'msteams', serviceUrl, conversation: { id: `a:bench-${i}`, conversationType: 'personal' }, from: { id: `29:bench-${i}`, name: `Personne ${i}` }, recipient: { id: 'bot' } };
      await saveReference(store, { activity } as unknown as TurnContext);
    }
    const renderers = new Map<string, PayloadRenderer>(trainingPayloadRenderers);
    const sender = createTeamsSender({ adapter: createAdapter({ config: readConfig({}) }), botAppId: '', store, renderers });
    const outbox = createOutbox({ store, sender, now: () => new Date(), partitions: [trainingsPartition], onError: (err) => print(`outbox error: ${err.message}`) }, { pollMs: 50, concurrency: 8 });
    const coordinator = { id: 'bench-coordinator', name: 'Coordination (banc d’essai)' };
    const directory = createDirectory({ organisations: [], tableCoordinators: [coordinator], channels: { announcements: [] } });
    const coordination = createCoordination({ store, directory, now: () => new Date() });
    const broadcaster = createBroadcaster({ store, outbox, audience: () => announcementAudience(store, directory) });

    const start = Date.now() + 30 * 86_400_000;
    const draft = { track: 'volet-2' as const, days: [{ start: new Date(start).toISOString(), end: new Date(start + 7 * 3_600_000).toISOString() }], place: 'Salle de démonstration (banc d’essai)', capacity: 30, deadline: new Date(start - 86_400_000).toISOString() };
    const began = Date.now();
    await coordination.publish(coordinator, 'bench', draft, 'fr');
    await broadcaster.run('bench');
    const enqueueMs = Date.now() - began;
    outbox.start();
    for (;;) {
      const tally = await outbox.tally(trainingsPartition, announcementJobId('bench'));
      if (tally.pending === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const totalMs = Date.now() - began;
    await outbox.stop();

    const counts = Array.from({ length: recipients }, (_, i) => received.get(`a:bench-${i}`) ?? 0);
    const result: BroadcastBenchResult = {
      recipients,
      ratePerSecond,
      totalMs,
      enqueueMs,
      // The bucket starts full (one second of burst), then refills at the rate.
      theoreticalMinMs: (Math.max(0, recipients - ratePerSecond) / ratePerSecond) * 1000,
      throttled,
      duplicates: counts.reduce((sum, n) => sum + Math.max(0, n - 1), 0),
      losses: counts.filter((n) => n === 0).length,
    };
    const tally = await outbox.tally(trainingsPartition, announcementJobId('bench'));
    print(`recipients: ${result.recipients}, connector limit: ${result.ratePerSecond} msg/s (burst ${result.ratePerSecond}), 429 answered: ${result.throttled}`);
    print(`enqueue (durable job, SQLite): ${(result.enqueueMs / 1000).toFixed(1)} s`);
    print(`total time: ${(result.totalMs / 1000).toFixed(1)} s; theoretical minimum: ${(result.theoreticalMinMs / 1000).toFixed(1)} s (${((result.totalMs / Math.max(1, result.theoreticalMinMs)) * 100).toFixed(0)} %)`);
    print(`outbox tally: ${tally.sent} sent, ${tally.failed} failed, ${tally.unreachable} unreachable, ${tally.pending} pending`);
    print(`duplicates: ${result.duplicates}; losses: ${result.losses}`);
    return result;
  } finally {
    await store.close();
    await stub.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { recipients: { type: 'string' }, rate: { type: 'string' } } });
  const result = await runBroadcastBench({ recipients: values.recipients ? Number(values.recipients) : undefined, ratePerSecond: values.rate ? Number(values.rate) : undefined });
  process.exit(result.duplicates === 0 && result.losses === 0 ? 0 : 1);
}
