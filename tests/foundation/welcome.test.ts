import { TestAdapter } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../bot/config.js';
import { createOutbox } from '../../bot/core/delivery/outbox.js';
import { loadDirectory } from '../../bot/core/directory/directory.js';
import { loadKnowledge } from '../../bot/core/knowledge/load-knowledge.js';
import { createAnswerer } from '../../bot/core/search/create-answerer.js';
import { createLogger } from '../../bot/logger.js';
import { repoPath } from '../../bot/paths.js';
import { createMemoryStore } from '../../bot/storage/memory-store.js';
import { createBotApp } from '../../bot/teams/create-bot-app.js';
import type { BotDeps } from '../../bot/teams/deps.js';

function botWithDemoDirectory() {
  const store = createMemoryStore();
  const knowledge = loadKnowledge(repoPath('knowledge')).knowledge!;
  const deps: BotDeps = {
    config: readConfig({}),
    logger: createLogger('silent'),
    store,
    knowledge,
    answerer: createAnswerer(knowledge),
    directory: loadDirectory(repoPath('demo', 'annuaire-demo.yaml')).directory!,
    now: () => new Date(),
    outbox: createOutbox({ store, sender: { send: async () => ({ ok: true }) }, now: () => new Date(), partitions: [] }),
  };
  const app = createBotApp(deps);
  const adapter = new TestAdapter(async (context) => {
    await app.run(context);
  });
  const replies = () => {
    const out: string[] = [];
    for (let a = adapter.activeQueue.shift(); a; a = adapter.activeQueue.shift()) out.push(JSON.stringify(a.attachments ?? a.text));
    return out;
  };
  return { adapter, replies };
}

const bot = { id: 'balise-bot', name: 'Balise' };

describe('welcome and help', () => {
  it('welcomes once when Balise is installed in a team', async () => {
    const { adapter, replies } = botWithDemoDirectory();
    await adapter.send({ type: 'conversationUpdate', channelId: 'msteams', recipient: bot, from: { id: 'user-id-0', name: 'Sophie' }, membersAdded: [bot], conversation: { id: '19:team', conversationType: 'channel' } as never });
    const sent = replies();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('Bonjour, je suis Balise');
  });

  it('does not welcome the team when a colleague joins it', async () => {
    const { adapter, replies } = botWithDemoDirectory();
    await adapter.send({ type: 'conversationUpdate', channelId: 'msteams', recipient: bot, from: { id: 'user-id-0', name: 'Sophie' }, membersAdded: [{ id: 'user-id-9', name: 'Collègue' }], conversation: { id: '19:team', conversationType: 'channel' } as never });
    expect(replies()).toHaveLength(0);
  });

  it('shows the coordinator commands in the help of a coordinator only', async () => {
    const { adapter, replies } = botWithDemoDirectory();
    const ask = async (from: string, aadObjectId?: string) => {
      await adapter.send({ type: 'message', text: 'aide', channelId: 'msteams', recipient: bot, from: { id: from, name: from, aadObjectId }, conversation: { id: `a:${from}`, conversationType: 'personal' } as never });
      return replies().join('');
    };
    expect(await ask('user-id-2', '00000000-0000-4000-8000-000000000102')).toContain('Annoncer une formation');
    expect(await ask('user-id-0', '00000000-0000-4000-8000-000000000100')).not.toContain('Annoncer une formation');
    // The Teams user id alone proves nothing: the directory lists an AAD object id for Isabelle.
    expect(await ask('user-id-2')).not.toContain('Annoncer une formation');
  });

  it('answers "help" in English', async () => {
    const { adapter, replies } = botWithDemoDirectory();
    await adapter.send({ type: 'message', text: 'help', channelId: 'msteams', recipient: bot, from: { id: 'user-id-0', name: 'Sophie' }, conversation: { id: 'a:1', conversationType: 'personal' } as never });
    expect(replies().join('')).toContain('What Balise can do');
  });
});
