/**
 * What every end-to-end test starts: the real bot (HTTP server, demo data, silent logs, SQLite in a
 * temporary folder unless the environment says otherwise) and one local Teams client (Microsoft 365
 * Agents Playground) per demo role, each on a free loopback port; and how they stop.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readConfig } from '../../bot/config.js';
import { freePort } from '../../bot/dev/azurite.js';
import { startPlayground, waitForHttp, writePlaygroundConfig } from '../../bot/dev/playground.js';
import { createLogger } from '../../bot/logger.js';
import { startBot, type RunningBot, type StartOptions } from '../../bot/start-bot.js';
import { connectPlayground, type PlaygroundClient } from './playground-client.js';

/** Options of {@link startEndToEnd}. */
export interface EndToEndOptions {
  /** Names the temporary folder (`balise-e2e-<name>-…`). */
  readonly name: string;
  /** Variables over the defaults (PORT 0, BALISE_DATA_DIR the temporary folder, LOG_LEVEL silent, BALISE_DEMO true). */
  readonly env?: Readonly<Record<string, string>>;
  /** The demo roles whose clients to start, in order (each client's current user is that person). Default: intervenante. */
  readonly roles?: readonly string[];
  /** Passed to `startBot`. Default: none. */
  readonly start?: StartOptions;
}

/** A running bot and its clients. */
export interface EndToEnd {
  readonly bot: RunningBot;
  /** `http://127.0.0.1:<port>` of the bot. */
  readonly botUrl: string;
  /** One client per role, in the order of the roles. */
  readonly clients: readonly PlaygroundClient[];
  /** The URL of each client, in the same order. */
  readonly clientUrls: readonly string[];
  /** Closes the clients, stops their playgrounds, then the bot. */
  stop(): Promise<void>;
}

/** Starts the bot, then a playground and a client for each role. */
export async function startEndToEnd(options: EndToEndOptions): Promise<EndToEnd> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `balise-e2e-${options.name}-`));
  const config = readConfig({ PORT: '0', BALISE_DATA_DIR: dataDir, LOG_LEVEL: 'silent', BALISE_DEMO: 'true', ...options.env });
  const bot = await startBot(config, createLogger('silent'), options.start);
  const botUrl = `http://127.0.0.1:${bot.port}`;
  const playgrounds: ChildProcess[] = [];
  const clients: PlaygroundClient[] = [];
  const clientUrls: string[] = [];
  const stop = async () => {
    for (const c of clients) c.close();
    for (const p of playgrounds) p.kill('SIGTERM');
    await bot.stop();
  };
  try {
    for (const role of options.roles ?? ['intervenante']) {
      const port = await freePort();
      const configDir = path.join(dataDir, 'playground', role);
      writePlaygroundConfig(configDir, role);
      playgrounds.push(startPlayground({ port, botEndpoint: `${botUrl}/api/messages`, configDir, stdio: 'ignore' }));
      const url = `http://127.0.0.1:${port}`;
      await waitForHttp(`${url}/`);
      clients.push(await connectPlayground(url));
      clientUrls.push(url);
    }
  } catch (err) {
    await stop();
    throw err;
  }
  return { bot, botUrl, clients, clientUrls, stop };
}
