import { TestAdapter } from 'botbuilder';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../bot/config.js';
import { createOutbox } from '../../bot/core/delivery/outbox.js';
import { emptyDirectory } from '../../bot/core/directory/directory.js';
import { loadKnowledge } from '../../bot/core/knowledge/load-knowledge.js';
import { createLogger } from '../../bot/logger.js';
import { repoPath } from '../../bot/paths.js';
import { createMemoryStore } from '../../bot/storage/memory-store.js';
import { createAdapter, createBotApp } from '../../bot/teams/create-bot-app.js';
import type { Feature } from '../../bot/teams/feature.js';
import { askFeature } from '../../bot/teams/features/ask.js';
import type { BotDeps } from '../../bot/teams/deps.js';

describe('the error handler at the edge', () => {
  it('answers a fault with a French apology card and a correlation id, and logs no message content', async () => {
    const lines: string[] = [];
    const logger = createLogger('info', new Writable({ write: (c, _e, done) => (lines.push(c.toString()), done()) }));
    const store = createMemoryStore();
    const knowledge = loadKnowledge(repoPath('knowledge')).knowledge!;
    const deps: BotDeps = {
      config: readConfig({}),
      logger,
      store,
      knowledge,
      answerer: {
        decide: () => {
          throw new Error('search: index corrupted');
        },
      },
      directory: emptyDirectory(),
      now: () => new Date(),
      outbox: createOutbox({ store, sender: { send: async () => ({ ok: true }) }, now: () => new Date(), partitions: [] }),
    };
    const features: Feature[] = [askFeature(deps)];
    const teamsAdapter = createAdapter(deps);
    const app = createBotApp(deps, teamsAdapter, features);
    const adapter = new TestAdapter(async (context) => {
      await app.run(context);
    });
    // app.error() installs its handler as the Teams adapter's onTurnError: the test adapter uses the same one.
    adapter.onTurnError = teamsAdapter.onTurnError;
    const replies: Array<{ attachments?: Array<{ content: unknown }> }> = [];
    await adapter.send({ type: 'message', text: 'ma jeune Jessica a fugué', channelId: 'msteams', from: { id: 'user-id-0', name: 'Sophie' }, conversation: { id: 'c1', conversationType: 'personal' } as never });
    for (let a = adapter.activeQueue.shift(); a; a = adapter.activeQueue.shift()) replies.push(a as never);
    const card = JSON.stringify(replies.at(-1)?.attachments?.[0]?.content);
    expect(card).toContain('Désolé, un problème est survenu');
    const correlationId = /"text":"([0-9a-f-]{36})"/.exec(card)?.[1];
    expect(correlationId).toBeDefined();
    const logged = lines.join('');
    expect(logged).toContain(correlationId!);
    expect(logged).toContain('search: index corrupted');
    expect(logged).not.toContain('Jessica');
  });
});
