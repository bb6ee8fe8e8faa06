/**
 * `npm run bench -- --only pipeline [--seconds 5] [--storage sqlite|azure-table]`: the message
 * pipeline against the stack's ceiling. A bare teams-ai echo bot on restify and Balise (the real
 * composition root) each get HTTP POSTs of a real guide question on `/api/messages`, from
 * autocannon on loopback, at 1, 16 and 64 concurrent conversations (one per connection); each
 * request completes when the reply reached a local Bot Connector stub. Prints requests/s, p50 and
 * p99 for both, and Balise / echo. Figures only: nothing is asserted.
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
import { startConnectorStub } from './bench-connector-stub.js';

/** Options of the bench, each with its default. */
export interface PipelineBenchOptions {
  /** Seconds of load per bot and concurrency. Default: 5. */
  readonly seconds?: number;
  /** Concurrent conversations. Default: 1, 16, 64. */
  readonly concurrency?: readonly number[];
  /** Balise's store. Default: sqlite. */
  readonly storage?: 'sqlite' | 'azure-table';
  /** The question asked. Default: a guide question about recruitment places. */
  readonly question?: string;
  readonly print?: (line: string) => void;
}

/** One load run's figures. */
export interface LoadFigures {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
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
async function load(port: number, connections: number, seconds: number, serviceUrl: string, question: string, tag: string): Promise<LoadFigures> {
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
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/api/messages`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: bodyFor(0),
    connections,
    duration: seconds,
    setupClient: (client: { setBody(body: string): void }) => client.setBody(bodyFor(next++)),
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

/** Runs the echo bot and Balise side by side at each concurrency and prints the figures. */
export async function runPipelineBench(options: PipelineBenchOptions = {}): Promise<Array<{ connections: number; echo: LoadFigures; balise: LoadFigures }>> {
  const print = options.print ?? ((line: string) => console.log(line));
  const seconds = options.seconds ?? 5;
  const storage = options.storage ?? 'sqlite';
  const question = options.question ?? 'où les pimps recrutent les jeunes filles';
  const stub = await startConnectorStub({ record: false });
  const echo = await startEchoBot();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'balise-pipeline-'));
  let azurite: Azurite | undefined;
  if (storage === 'azure-table') azurite = await startAzurite({ inMemory: true });
  const config = readConfig({ PORT: '0', HOST: '127.0.0.1', BALISE_DATA_DIR: dataDir, BALISE_STORAGE: storage, AZURE_STORAGE_CONNECTION_STRING: azurite?.connectionString, LOG_LEVEL: 'silent' });
  const balise = await startBot(config, createLogger('silent'));
  const rows: Array<{ connections: number; echo: LoadFigures; balise: LoadFigures }> = [];
  try {
    print(`storage: ${storage}; ${seconds} s per run; question: « ${question} »; loopback, local connector stub`);
    // Warm-up: JIT, index, first connections.
    await load(echo.port, 4, 1, stub.serviceUrl, question, 'warm-echo');
    await load(balise.port, 4, 1, stub.serviceUrl, question, 'warm-balise');
    print('conversations | echo req/s  p50  p99 | Balise req/s  p50  p99 | ratio req/s | p99 Balise/echo');
    for (const connections of options.concurrency ?? [1, 16, 64]) {
      const e = await load(echo.port, connections, seconds, stub.serviceUrl, question, `echo-${connections}`);
      const b = await load(balise.port, connections, seconds, stub.serviceUrl, question, `balise-${connections}`);
      rows.push({ connections, echo: e, balise: b });
      const ratio = e.rps > 0 ? b.rps / e.rps : 0;
      print(
        `${String(connections).padStart(13)} | ${e.rps.toFixed(0).padStart(10)} ${String(e.p50).padStart(4)} ${String(e.p99).padStart(4)} | ${b.rps.toFixed(0).padStart(12)} ${String(b.p50).padStart(4)} ${String(b.p99).padStart(4)} | ${ratio.toFixed(2).padStart(11)} | ${(e.p99 > 0 ? b.p99 / e.p99 : 0).toFixed(2)}` +
          (e.errors + b.errors > 0 ? `  (errors: echo ${e.errors}, Balise ${b.errors})` : ''),
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
