/**
 * One Balise process for the two-instance tests: the real composition root on the shared Azure
 * store, with a short outbox lease and poll so a killed instance's work is taken over within a test.
 * Prints `listening <port>` once ready. Run with `node --import tsx`.
 */
import { readConfig } from '../../bot/config.js';
import { createLogger } from '../../bot/logger.js';
import { startBot } from '../../bot/start-bot.js';

const config = readConfig(process.env);
const bot = await startBot(config, createLogger(process.env.LOG_LEVEL ?? 'silent'), {
  outboxOptions: { pollMs: Number(process.env.TEST_POLL_MS ?? 100), leaseMs: Number(process.env.TEST_LEASE_MS ?? 2_000) },
});
process.stdout.write(`listening ${bot.port}\n`);
process.on('SIGTERM', () => {
  void bot.stop().then(() => process.exit(0));
});
