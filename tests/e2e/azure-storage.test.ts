/**
 * The bot on Azure Table Storage (the real emulator, Azurite) instead of SQLite, through the real
 * local Teams client: what several instances sharing one store would run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoConversations } from '../../bot/dev/playground.js';
import { startAzurite, type Azurite } from '../support/azurite.js';
import { startEndToEnd, type EndToEnd } from '../support/e2e.js';
import { cardTexts, type PlaygroundClient } from '../support/playground-client.js';

let azurite: Azurite;
let run: EndToEnd;
let client: PlaygroundClient;
const chat = demoConversations.personalChat('intervenante');

beforeAll(async () => {
  azurite = await startAzurite();
  run = await startEndToEnd({ name: 'azure', env: { BALISE_STORAGE: 'azure-table', AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString } });
  [client] = run.clients as [PlaygroundClient];
});

afterAll(async () => {
  await run?.stop();
  await azurite?.stop();
});

describe('Balise on Azure Table Storage', () => {
  it('reports the Azure store as ready', async () => {
    const ready = await fetch(`${run.botUrl}/readyz`);
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
