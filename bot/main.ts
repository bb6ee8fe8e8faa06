/**
 * `npm run start:bot`: starts the bot alone (what production runs). Reads `.env` if present,
 * validates the configuration, and stops cleanly on Ctrl-C / SIGTERM.
 */
import 'dotenv/config';
import { ConfigError, readConfig } from './config.js';
import { KnowledgeError } from './core/knowledge/load-knowledge.js';
import { createLogger } from './logger.js';
import { DirectoryError, startBot } from './start-bot.js';

async function main(): Promise<void> {
  let config;
  try {
    config = readConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  try {
    const bot = await startBot(config, logger);
    const stop = async (signal: string) => {
      logger.info({ signal }, 'stopping');
      await bot.stop();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
  } catch (err) {
    if (err instanceof KnowledgeError || err instanceof DirectoryError) {
      // Content problems go to stderr whole, so an editor sees every line to fix.
      process.stderr.write(`${err.message}\n`);
      logger.fatal({ err: { name: err.name } }, 'refusing to start: invalid content');
      process.exit(3);
    }
    logger.fatal({ err: { name: (err as Error).name, message: (err as Error).message } }, 'failed to start');
    process.exit(1);
  }
}

void main();
