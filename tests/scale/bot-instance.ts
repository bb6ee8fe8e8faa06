/**
 * One Balise process for the two-instance tests: the real composition root on the shared Azure
 * store, with a short outbox lease and poll so a killed instance's work is taken over within a test,
 * and one test feature that keeps turn state.
 * Prints `listening <port>` once ready. Run with `node --import tsx`.
 */
import { readConfig } from '../../bot/config.js';
import { createLogger } from '../../bot/logger.js';
import { startBot } from '../../bot/start-bot.js';
import type { Feature } from '../../bot/teams/feature.js';

/**
 * A feature that keeps turn state (Balise's own keep none): « compte » counts the messages of a
 * conversation in `state.conversation`, so the tests see whether both instances share it.
 */
const turnCounter: Feature = {
  name: 'test-turn-counter',
  turnState: true,
  routes: (app) =>
    app.message(/^compte$/, async (context, state) => {
      const conversation = state.conversation as { count?: number };
      conversation.count = (conversation.count ?? 0) + 1;
      await context.sendActivity(`compte ${conversation.count}`);
    }),
};

const config = readConfig(process.env);
const bot = await startBot(config, createLogger(process.env.LOG_LEVEL ?? 'silent'), {
  outboxOptions: { pollMs: Number(process.env.TEST_POLL_MS ?? 100), leaseMs: Number(process.env.TEST_LEASE_MS ?? 2_000) },
  features: [turnCounter],
});
process.stdout.write(`listening ${bot.port}\n`);
process.on('SIGTERM', () => {
  void bot.stop().then(() => process.exit(0));
});
