/**
 * `npm run bench -- --only pipeline [--seconds 2] [--rounds 8] [--question TEXT] [--storage sqlite|azure-table] [--decision-cache off]`: the message
 * pipeline against the stack's ceiling. A bare teams-ai echo bot on restify and Balise (the real
 * composition root) each get HTTP POSTs of a real guide question on `/api/messages`, from
 * autocannon on loopback, at 1, 16 and 64 concurrent conversations (one per connection); each
 * request completes when the reply reached a local Bot Connector stub. At each concurrency the two
 * bots run in interleaved rounds (echo then Balise, then Balise then echo, ...), so a change of
 * machine load hits both alike; prints each bot's median requests/s, p50 and p99 over the rounds,
 * the median of the rounds' Balise / echo ratios and their spread (min–max), and the CPU time the
 * process spent per reply while each bot was loaded (load tool and connector stub included, the
 * same for both; less swayed by other programs on the machine than requests/s).
 * Figures only: nothing is asserted.
 */
import autocannon from 'autocannon';
import { Application, TeamsAdapter } from '@microsoft/teams-ai';
import { ConfigurationServiceClientCredentialFactory, MemoryStorage } from 'botbuilder';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import restify from 'restify';
import { readConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { startBot } from '../start-bot.js';
import { startAzurite, type Azurite } from '../dev/azurite.js';
import { startConnectorStub, type ConnectorStub } from './bench-connector-stub.js';

/** Options of the bench, each with its default. */
export interface PipelineBenchOptions {
  /**
   * Seconds of load per bot, round and concurrency. Default: 2. Many short rounds rather than a few
   * long ones: on a shared machine, a slow spell then hits a round of each bot alike.
   */
  readonly seconds?: number;
  /** Rounds per concurrency, the two bots alternating which runs first. Default: 8. */
  readonly rounds?: number;
  /** Concurrent conversations. Default: 1, 16, 64. */
  readonly concurrency?: readonly number[];
  /** Balise's store. Default: sqlite. */
  readonly storage?: 'sqlite' | 'azure-table';
  /** The question asked. Default: a guide question about recruitment places. */
  readonly question?: string;
  /**
   * Balise's decision cache (a question asked again costs no search). Default: on. Off, every
   * request pays the search and the card building, as a question never asked before does.
   */
  readonly decisionCache?: boolean;
  readonly print?: (line: string) => void;
}

/** One load run's figures. */
export interface LoadFigures {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
  /** Process CPU time (user + system) per reply the stub received during the run, in µs. */
  readonly cpuPerReply: number;
}

/** One concurrency's figures: each bot's medians over the rounds and the rounds' ratios. */
export interface PipelineRow {
  readonly connections: number;
  readonly echo: LoadFigures;
  readonly balise: LoadFigures;
  /** Balise / echo requests/s, one per round. */
  readonly ratios: readonly number[];
  /** Balise / echo p99, one per round. */
  readonly p99Ratios: readonly number[];
  /** Balise / echo CPU per reply, one per round. */
  readonly cpuRatios: readonly number[];
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

/** The median of each figure over the rounds (errors summed). */
function medianFigures(runs: readonly LoadFigures[]): LoadFigures {
  return { rps: median(runs.map((r) => r.rps)), p50: median(runs.map((r) => r.p50)), p99: median(runs.map((r) => r.p99)), errors: runs.reduce((n, r) => n + r.errors, 0), cpuPerReply: median(runs.map((r) => r.cpuPerReply)) };
}

/** The echo bot: teams-ai's Application on restify, memory turn state, one `message` route. */
async function startEchoBot(): Promise<{ port: number; stop(): Promise<void> }> {
  const adapter = new TeamsAdapter({}, new ConfigurationServiceClientCredentialFactory({ MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant' }));
  const app = new Application({ adapter, storage: new MemoryStorage() });
  app.message(/.*/, async (context) => {
    await context.sendActivity(`echo: ${context.activity.text}`);
  });
  const server = restify.createServer({ name: 'echo' });
  server.use(restify.plugins.bodyParser({ mapParams: false }));
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, async (context) => {
      await app.run(context);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Loads `port` with `connections` conversations for `seconds`. */
async function load(port: number, connections: number, seconds: number, stub: ConnectorStub, question: string, tag: string): Promise<LoadFigures> {
  const serviceUrl = stub.serviceUrl;
  let next = 0;
  const bodyFor = (conversation: number) =>
    JSON.stringify({
      type: 'message',
      id: `${tag}-${conversation}`,
      channelId: 'msteams',
      serviceUrl,
      from: { id: `bench-user-${tag}-${conversation}`, name: 'Bench' },
      recipient: { id: 'balise', name: 'Balise' },
      conversation: { id: `a:bench-${tag}-${conversation}`, conversationType: 'personal', tenantId: 'bench-tenant' },
      channelData: { tenant: { id: 'bench-tenant' } },
      locale: 'fr-CA',
      text: question,
    });
  const repliesBefore = stub.accepted();
  const cpuBefore = process.cpuUsage();
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/api/messages`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: bodyFor(0),
    connections,
    duration: seconds,
    setupClient: (client: { setBody(body: string): void }) => client.setBody(bodyFor(next++)),
  });
  const cpu = process.cpuUsage(cpuBefore);
  const replies = stub.accepted() - repliesBefore;
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx, cpuPerReply: replies > 0 ? (cpu.user + cpu.system) / replies : 0 };
}

/** Runs the echo bot and Balise in interleaved rounds at each concurrency and prints the figures. */
export async function runPipelineBench(options: PipelineBenchOptions = {}): Promise<PipelineRow[]> {
  const print = options.print ?? ((line: string) => console.log(line));
  const seconds = options.seconds ?? 2;
  const rounds = options.rounds ?? 8;
  const storage = options.storage ?? 'sqlite';
  const question = options.question ?? 'où les pimps recrutent les jeunes filles';
  const stub = await startConnectorStub({ record: false });
  const echo = await startEchoBot();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'balise-pipeline-'));
  let azurite: Azurite | undefined;
  if (storage === 'azure-table') azurite = await startAzurite({ inMemory: true });
  const config = readConfig({ PORT: '0', HOST: '127.0.0.1', BALISE_DATA_DIR: dataDir, BALISE_STORAGE: storage, AZURE_STORAGE_CONNECTION_STRING: azurite?.connectionString, LOG_LEVEL: 'silent' });
  const decisionCache = options.decisionCache ?? true;
  const balise = await startBot(config, createLogger('silent'), decisionCache ? {} : { searchOptions: { decisionCacheSize: 0 } });
  const rows: PipelineRow[] = [];
  const fmt = (f: LoadFigures) => `${f.rps.toFixed(0).padStart(6)} ${String(f.p50).padStart(4)} ${String(f.p99).padStart(5)}`;
  try {
    print(
      `storage: ${storage}; ${rounds} interleaved rounds of ${seconds} s per bot and concurrency; question: « ${question} »; decision cache ${decisionCache ? 'on (the same question is answered from it)' : 'off (every request searches)'}; loopback, local connector stub`,
    );
    // Warm-up: JIT, index, first connections.
    await load(echo.port, 4, 1, stub, question, 'warm-echo');
    await load(balise.port, 4, 1, stub, question, 'warm-balise');
    print('conversations | echo req/s  p50   p99 | Balise req/s  p50   p99 | ratio req/s median (min–max) | p99 Balise/echo median (min–max) | CPU µs/reply echo, Balise, ratio median (min–max)');
    for (const connections of options.concurrency ?? [1, 16, 64]) {
      const echoRuns: LoadFigures[] = [];
      const baliseRuns: LoadFigures[] = [];
      for (let round = 0; round < rounds; round++) {
        const runEcho = () => load(echo.port, connections, seconds, stub, question, `echo-${connections}-${round}`);
        const runBalise = () => load(balise.port, connections, seconds, stub, question, `balise-${connections}-${round}`);
        if (round % 2 === 0) {
          echoRuns.push(await runEcho());
          baliseRuns.push(await runBalise());
        } else {
          baliseRuns.push(await runBalise());
          echoRuns.push(await runEcho());
        }
      }
      const ratios = echoRuns.map((e, i) => (e.rps > 0 ? (baliseRuns[i]?.rps ?? 0) / e.rps : 0));
      const p99Ratios = echoRuns.map((e, i) => (e.p99 > 0 ? (baliseRuns[i]?.p99 ?? 0) / e.p99 : 0));
      const cpuRatios = echoRuns.map((e, i) => (e.cpuPerReply > 0 ? (baliseRuns[i]?.cpuPerReply ?? 0) / e.cpuPerReply : 0));
      const row: PipelineRow = { connections, echo: medianFigures(echoRuns), balise: medianFigures(baliseRuns), ratios, p99Ratios, cpuRatios };
      rows.push(row);
      const spread = (values: readonly number[]) => `${median(values).toFixed(2)} (${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)})`;
      print(
        `${String(connections).padStart(13)} | ${fmt(row.echo).padStart(20)} | ${fmt(row.balise).padStart(22)} | ${spread(ratios).padStart(28)} | ${spread(p99Ratios).padStart(32)} | ${row.echo.cpuPerReply.toFixed(0)}, ${row.balise.cpuPerReply.toFixed(0)}, ${spread(cpuRatios)}` +
          (row.echo.errors + row.balise.errors > 0 ? `  (errors: echo ${row.echo.errors}, Balise ${row.balise.errors})` : ''),
      );
    }
    print(`replies received by the connector stub: ${stub.accepted()}`);
  } finally {
    await balise.stop();
    await echo.stop();
    await stub.stop();
    await azurite?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return rows;
}
