/**
 * The bot on Azure Table Storage (the real emulator, Azurite) instead of SQLite, through the real
 * local Teams client: what several instances sharing one store would run.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../bot/config.js';
import { demoConversations, startPlayground, waitForHttp, writePlaygroundConfig } from '../../bot/dev/playground.js';
import { createLogger } from '../../bot/logger.js';
import { startBot, type RunningBot } from '../../bot/start-bot.js';
import { freePort, startAzurite, type Azurite } from '../support/azurite.js';
import { cardTexts, connectPlayground, type PlaygroundClient } from '../support/playground-client.js';

let azurite: Azurite;
let bot: RunningBot;
let playground: ChildProcess;
let client: PlaygroundClient;
const chat = demoConversations.personalChat('intervenante');

beforeAll(async () => {
  azurite = await startAzurite();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'balise-e2e-azure-'));
  const config = readConfig({ PORT: '0', BALISE_STORAGE: 'azure-table', AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString, LOG_LEVEL: 'silent', BALISE_DEMO: 'true' });
  bot = await startBot(config, createLogger('silent'));
  const port = await freePort();
  writePlaygroundConfig(path.join(dataDir, 'pg'), 'intervenante');
  playground = startPlayground({ port, botEndpoint: `http://127.0.0.1:${bot.port}/api/messages`, configDir: path.join(dataDir, 'pg'), stdio: 'ignore' });
  await waitForHttp(`http://127.0.0.1:${port}/`);
  client = await connectPlayground(`http://127.0.0.1:${port}`);
});

afterAll(async () => {
  client?.close();
  playground?.kill('SIGTERM');
  await bot?.stop();
  await azurite?.stop();
});

describe('Balise on Azure Table Storage', () => {
  it('reports the Azure store as ready', async () => {
    const ready = await fetch(`http://127.0.0.1:${bot.port}/readyz`);
    expect(await ready.json()).toMatchObject({ status: 'ready', storage: 'azure-table' });
  });

  it('serves the demo training sessions it seeded into Azure, and registers', async () => {
    const [list] = await client.say(chat, 'formations');
    const texts = cardTexts(list).join('\n');
    expect(texts).toMatch(/Volet 1/);
    const register = (list?.attachments.flatMap((a) => JSON.stringify(a.content).match(/\{"verb":"register"[^}]*\}/g) ?? []) ?? [])[0];
    expect(register).toBeDefined();
    const [confirmation] = await client.submit(chat, list!.messageId, JSON.parse(register!) as Record<string, unknown>);
    expect(cardTexts(confirmation)).toContain('Inscription confirmée');
    const [mine] = await client.say(chat, 'mes inscriptions');
    expect(cardTexts(mine).join('\n')).toMatch(/Volet 1/);
  });
});
