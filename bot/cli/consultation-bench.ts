/**
 * `npx tsx bot/cli/consultation-bench.ts [--requests 200] [--concurrency 4] [--failure-rate 0.3]`:
 * workers submit consultation requests through the real HTTP pipeline (POST /api/messages of a bot
 * started by `startBot`, memory storage) and the alerts travel through the real outbox and Teams
 * sender to a local Bot Connector stub (a real HTTP server on 127.0.0.1, the activities' serviceUrl).
 * Prints submit-to-alert latency (p50/p99) with a healthy connector, then the alerts lost and
 * duplicated when the connector fails a share of all calls (both must be 0: the exit code is 1 otherwise).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { readConfig } from '../config.js';
import { newReference } from '../core/consultations/reference.js';
import { consultationsPartition } from '../core/consultations/records.js';
import type { Delivery } from '../core/delivery/delivery-types.js';
import type { OutboxOptions } from '../core/delivery/outbox.js';
import { createLogger } from '../logger.js';
import { repoPath } from '../paths.js';
import { startBot } from '../start-bot.js';
import { createMemoryStore } from '../storage/memory-store.js';
import { verbs } from '../teams/verbs.js';

/** Options of the bench, each with its default. */
export interface ConsultationBenchOptions {
  /** Requests submitted per phase. Default: 200. */
  readonly requests?: number;
  /** Submissions in flight at once. Default: 4. */
  readonly concurrency?: number;
  /** Share of connector calls that fail (HTTP 503) in the second phase. Default: 0.3. */
  readonly failureRate?: number;
  /** Seed of the failure draw (which calls fail; the interleaving of calls still varies). Default: 7. */
  readonly seed?: number;
  /** Requests sent first, before failures start and outside the latency figures (JIT, caches). Default: 5. */
  readonly warmup?: number;
  /** Where lines go. Default: standard output. */
  readonly print?: (line: string) => void;
}

/** What one phase measured. */
export interface ConsultationBenchPhase {
  readonly failureRate: number;
  readonly submitted: number;
  readonly stored: number;
  /** Submit (POST sent) to the coordinator's alert received by the connector, in ms. */
  readonly coordinatorP50Ms: number;
  readonly coordinatorP99Ms: number;
  /** Submit to the last of the request's alerts (coordinator and Pivots channel), in ms. */
  readonly allAlertsP50Ms: number;
  readonly allAlertsP99Ms: number;
  readonly expectedAlerts: number;
  readonly lost: number;
  readonly duplicated: number;
  readonly failedCalls: number;
  readonly outboxFailed: number;
  /** Errors the bot's error handler logged ('turn failed'), proactive sends included. */
  readonly turnErrors: number;
}

/** What the bench measured. */
export interface ConsultationBenchResult {
  readonly clean: ConsultationBenchPhase;
  readonly failing: ConsultationBenchPhase;
}

const coordinatorChat = 'a:bench-chat-isabelle';
const pivotsChannel = '19:pivots-balise-demo@thread.tacv2';
const people = {
  sophie: { id: 'user-id-0', aadObjectId: '00000000-0000-4000-8000-000000000100', name: 'Sophie Tremblay' },
  isabelle: { id: 'user-id-2', aadObjectId: '00000000-0000-4000-8000-000000000102', name: 'Isabelle Roy' },
  marcAndre: { id: 'user-id-1', aadObjectId: '00000000-0000-4000-8000-000000000101', name: 'Marc-André Gagnon' },
};

/** A small seeded generator (mulberry32): the same seed fails the same calls. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A Bot Connector stand-in: accepts every call, or fails a share of them; records each alert by conversation and request. */
function startConnectorStub(random: () => number) {
  const alerts = new Map<string, { count: number; firstAt: number }>();
  let failureRate = 0;
  let failedCalls = 0;
  let ids = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (failureRate > 0 && random() < failureRate) {
        // Refused before anything is recorded: the message was not delivered.
        failedCalls++;
        // Not chained: restify, loaded in the same process, patches writeHead to return nothing.
        res.writeHead(503, { 'Content-Type': 'application/json' });
        res.end('{}');
        return;
      }
      const conversation = /^\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '')?.[1];
      const ref = /Demande de consultation (C-[A-Z0-9]{6})/.exec(Buffer.concat(chunks).toString('utf8'))?.[1];
      if (req.method === 'POST' && conversation && ref) {
        const key = `${decodeURIComponent(conversation)}|${ref}`;
        const seen = alerts.get(key);
        alerts.set(key, { count: (seen?.count ?? 0) + 1, firstAt: seen?.firstAt ?? performance.now() });
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ id: `activity-${++ids}` }));
    });
  });
  return {
    alerts,
    failedCalls: () => failedCalls,
    fail: (rate: number) => void (failureRate = rate),
    listen: () => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The value at quantile `q` of sorted numbers (nearest rank). */
function quantile(sorted: readonly number[], q: number): number {
  return sorted.length === 0 ? NaN : (sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN);
}

/** One phase: a fresh bot and connector stub; failures start after the warm-up. */
async function runPhase(failureRate: number, options: Required<Omit<ConsultationBenchOptions, 'print'>>): Promise<ConsultationBenchPhase> {
  const stub = startConnectorStub(seeded(options.seed));
  const serviceUrl = `http://127.0.0.1:${await stub.listen()}/`;
  const config = readConfig({ PORT: '0', HOST: '127.0.0.1', BALISE_STORAGE: 'memory', BALISE_DEMO: 'false', BALISE_DIRECTORY_FILE: repoPath('demo', 'annuaire-demo.yaml'), LOG_LEVEL: 'silent' });
  const store = createMemoryStore();
  // A failing connector is retried quickly so the phase ends in seconds; a healthy one runs the defaults.
  const outboxOptions: OutboxOptions = failureRate > 0 ? { pollMs: 100, baseMs: 100, maxMs: 2_000 } : {};
  const logLines: string[] = [];
  const logger = createLogger('error', { write: (line: string) => void logLines.push(line) });
  const bot = await startBot(config, logger, { store, outboxOptions });
  const endpoint = `http://127.0.0.1:${bot.port}/api/messages`;
  let activityId = 0;
  const post = (activity: Record<string, unknown>) =>
    fetch(endpoint, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ channelId: 'msteams', serviceUrl, recipient: { id: 'bot' }, id: `bench-${++activityId}`, timestamp: new Date().toISOString(), ...activity }) });
  try {
    // Balise is installed: the coordinator talked to it once, and it is in the Pivots channel.
    await post({ type: 'message', text: 'aide', from: people.isabelle, conversation: { id: coordinatorChat, conversationType: 'personal' } });
    await post({ type: 'message', text: 'aide', from: people.marcAndre, conversation: { id: pivotsChannel, conversationType: 'channel', isGroup: true } });

    const started = new Map<string, number>();
    const submit = async (i: number, measured: boolean) => {
      const reference = newReference();
      if (measured) started.set(reference, performance.now());
      const value = {
        verb: verbs.consultationSubmit,
        reference,
        lang: 'fr',
        organisationId: 'ciusss-cn',
        category: 'intervenir',
        urgency: 'today',
        description: `Banc d’essai ${i} : adolescente de 15 ans, fugues répétées, nouveau copain plus âgé.`,
        contactMethod: 'teams',
        phone: '',
      };
      await post({ type: 'message', value, from: people.sophie, conversation: { id: 'a:bench-chat-sophie', conversationType: 'personal' } }).then((r) => r.arrayBuffer());
    };
    for (let i = 0; i < options.warmup; i++) await submit(i, false);
    stub.fail(failureRate);
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < options.requests; i = next++) await submit(i, true);
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));

    const stored = (await store.list(consultationsPartition, { prefix: 'request/' })).map((r) => r.key.slice('request/'.length));
    const expected = stored.flatMap((ref) => [`${coordinatorChat}|${ref}`, `${pivotsChannel}|${ref}`]);
    const deliveries = async () => (await store.list<Delivery>(consultationsPartition, { prefix: 'outbox/' })).map((r) => r.value);
    const deadline = performance.now() + 120_000;
    while (performance.now() < deadline) {
      // Done when the outbox has settled everything; whatever the stub has not received by then is lost.
      if ((await deliveries()).every((d) => d.state !== 'pending' && d.state !== 'sending')) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    const coordinator: number[] = [];
    const all: number[] = [];
    for (const ref of stored) {
      const t0 = started.get(ref);
      const first = stub.alerts.get(`${coordinatorChat}|${ref}`)?.firstAt;
      const channel = stub.alerts.get(`${pivotsChannel}|${ref}`)?.firstAt;
      if (t0 === undefined) continue;
      if (first !== undefined) coordinator.push(first - t0);
      if (first !== undefined && channel !== undefined) all.push(Math.max(first, channel) - t0);
    }
    coordinator.sort((a, b) => a - b);
    all.sort((a, b) => a - b);
    return {
      failureRate,
      submitted: options.requests + options.warmup,
      stored: stored.length,
      coordinatorP50Ms: quantile(coordinator, 0.5),
      coordinatorP99Ms: quantile(coordinator, 0.99),
      allAlertsP50Ms: quantile(all, 0.5),
      allAlertsP99Ms: quantile(all, 0.99),
      expectedAlerts: expected.length,
      lost: expected.filter((k) => !stub.alerts.has(k)).length,
      duplicated: [...stub.alerts.values()].reduce((sum, a) => sum + a.count - 1, 0),
      failedCalls: stub.failedCalls(),
      outboxFailed: (await deliveries()).filter((d) => d.state === 'failed' || d.state === 'unreachable').length,
      turnErrors: logLines.filter((l) => (JSON.parse(l) as { msg?: string }).msg === 'turn failed').length,
    };
  } finally {
    await bot.stop();
    await stub.close();
  }
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

/** Runs both phases and prints their lines. */
export async function runConsultationBench(options: ConsultationBenchOptions = {}): Promise<ConsultationBenchResult> {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const settings = { requests: options.requests ?? 200, concurrency: options.concurrency ?? 4, failureRate: options.failureRate ?? 0.3, seed: options.seed ?? 7, warmup: options.warmup ?? 5 };
  print(`consultation bench: ${settings.requests} measured requests per phase (after ${settings.warmup} warm-up), ${settings.concurrency} at a time, POST /api/messages (startBot, memory storage) → outbox → Teams sender → connector stub on 127.0.0.1`);
  const clean = await runPhase(0, settings);
  print(`healthy connector: stored ${clean.stored}/${clean.submitted}; submit → coordinator alert p50 ${ms(clean.coordinatorP50Ms)}, p99 ${ms(clean.coordinatorP99Ms)}; submit → every alert (coordinator + Pivots channel) p50 ${ms(clean.allAlertsP50Ms)}, p99 ${ms(clean.allAlertsP99Ms)}`);
  print(`healthy connector: alerts expected ${clean.expectedAlerts}, lost ${clean.lost}, duplicated ${clean.duplicated}`);
  const failing = await runPhase(settings.failureRate, settings);
  print(`connector failing ${Math.round(settings.failureRate * 100)} % of calls (seed ${settings.seed}): ${failing.failedCalls} calls answered 503; stored ${failing.stored}/${failing.submitted}; submit → coordinator alert p50 ${ms(failing.coordinatorP50Ms)}, p99 ${ms(failing.coordinatorP99Ms)}`);
  print(`connector failing: alerts expected ${failing.expectedAlerts}, lost ${failing.lost}, duplicated ${failing.duplicated} (outbox deliveries given up: ${failing.outboxFailed}; errors logged by the bot's turn-error handler: ${failing.turnErrors})`);
  return { clean, failing };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { requests: { type: 'string' }, concurrency: { type: 'string' }, 'failure-rate': { type: 'string' }, seed: { type: 'string' }, warmup: { type: 'string' } } });
  const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
  const result = await runConsultationBench({ requests: num(values.requests), concurrency: num(values.concurrency), failureRate: num(values['failure-rate']), seed: num(values.seed), warmup: num(values.warmup) });
  const ok = [result.clean, result.failing].every((p) => p.lost === 0 && p.duplicated === 0 && p.stored === p.submitted);
  process.exit(ok ? 0 : 1);
}
