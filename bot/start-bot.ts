/**
 * The composition root, in this visible order: knowledge → storage → directory → adapter, Teams
 * sender and outbox → the features (`baliseFeatures`, one list) → Teams application → HTTP server
 * with the features' HTTP routes → the job-index backfill and the due-marker migration → the features' start-up work → listen → outbox worker and
 * retention purge. `main.ts` calls it with the configuration and logger; so do the end-to-end tests.
 */
import type { Server } from 'restify';
import type { Config } from './config.js';
import { emptyDirectory, loadDirectory, type Directory } from './core/directory/directory.js';
import { KnowledgeError, formatProblems, loadKnowledge } from './core/knowledge/load-knowledge.js';
import { createAnswerer } from './core/search/create-answerer.js';
import type { SearchOptionsInput } from './core/search/search-options.js';
import type { RecordStore } from './core/storage/record-store.js';
import { backfillJobIndex } from './core/delivery/job-index-backfill.js';
import { migrateDueMarkers } from './core/delivery/due-marker-migration.js';
import { createOutbox, type OutboxOptions } from './core/delivery/outbox.js';
import { createTeamsSender, type PayloadRenderer } from './teams/delivery/teams-sender.js';
import type { Logger } from './logger.js';
import { createServer, listen } from './server/create-server.js';
import { openStore } from './storage/open-store.js';
import { baliseFeatures } from './teams/balise-features.js';
import { createAdapter, createBotApp } from './teams/create-bot-app.js';
import { checkFeatures, mountHttpRoutes, startFeatures, type Feature } from './teams/feature.js';
import { createActivityProcessor, routeBotbuilderAuthNoise } from './teams/process-activity.js';
import type { BotDeps } from './teams/deps.js';
import { purgeClosedRequests } from './core/consultations/purge-closed.js';
import { purgeFeedback, startPurge, type PurgePlan } from './core/retention/retention.js';
import { purgeReferences } from './teams/conversation-refs.js';
import { purgeTurnState } from './teams/turn-state-storage.js';

/** A running bot. */
export interface RunningBot {
  readonly port: number;
  readonly deps: BotDeps;
  readonly server: Server;
  stop(): Promise<void>;
}

/** Thrown when the directory file is invalid. */
export class DirectoryError extends Error {
  constructor(message: string) {
    super(`directory: ${message}`);
    this.name = 'DirectoryError';
  }
}

function openDirectory(config: Config): Directory {
  if (!config.directoryFile) return emptyDirectory();
  const { directory, problems } = loadDirectory(config.directoryFile, config.directoryFile, { allowedTenants: config.allowedTenants });
  if (!directory) throw new DirectoryError(`annuaire invalide :\n${formatProblems(problems)}`);
  return directory;
}

/** Options for tests: an existing store, a clock, extra features. */
export interface StartOptions {
  readonly store?: RecordStore;
  readonly now?: () => Date;
  /** Mounted after the built-in commands, before the question catch-all. Default: none. */
  readonly features?: readonly Feature[];
  readonly outboxOptions?: OutboxOptions;
  /** Search options over the defaults (the pipeline bench turns the decision cache off). Default: none. */
  readonly searchOptions?: SearchOptionsInput;
}

/** Partitions whose records may carry outbox deliveries. */
export const outboxPartitions = ['trainings', 'consultations', 'notices'] as const;

/** What the scheduled purge deletes, with the configured periods. */
export function retentionPlan(store: RecordStore, config: Pick<Config, 'retention'>): PurgePlan {
  return [
    { name: 'closedRequests', days: config.retention.requestDays, step: async (before) => (await purgeClosedRequests(store, before)).length },
    { name: 'feedback', days: config.retention.feedbackDays, step: (before) => purgeFeedback(store, before) },
    { name: 'turnState', days: config.retention.conversationDays, step: (before) => purgeTurnState(store, before) },
    { name: 'references', days: config.retention.conversationDays, step: (before) => purgeReferences(store, before) },
  ];
}

/** Starts Balise; refuses to start (throws) on an invalid knowledge base or directory. */
export async function startBot(config: Config, logger: Logger, options: StartOptions = {}): Promise<RunningBot> {
  const loaded = loadKnowledge(config.knowledgeDir);
  if (!loaded.knowledge) throw new KnowledgeError(loaded.problems);
  const warnings = loaded.problems.length;
  if (warnings > 0) logger.warn({ warnings }, 'knowledge base loaded with warnings (npm run kb:check lists them)');
  const knowledge = loaded.knowledge;

  const store = options.store ?? (await openStore(config));
  const directory = openDirectory(config);
  const adapter = createAdapter({ config });
  // Filled once below from what the features declare, before the outbox starts delivering.
  const renderers = new Map<string, PayloadRenderer>();
  const sender = createTeamsSender({ adapter, botAppId: config.bot?.appId ?? '', store, renderers, tenantId: config.bot?.tenantId });
  const outbox = createOutbox(
    {
      store,
      sender,
      now: options.now ?? (() => new Date()),
      partitions: outboxPartitions,
      onError: (err) => logger.error({ err: { name: err.name, message: err.message } }, 'outbox drain failed'),
    },
    options.outboxOptions,
  );
  const deps: BotDeps = {
    config,
    logger,
    store,
    knowledge,
    answerer: createAnswerer(knowledge, options.searchOptions),
    directory,
    now: options.now ?? (() => new Date()),
    outbox,
  };

  const features = baliseFeatures(deps, { trainings: { publicUrl: config.publicUrl }, extra: options.features });
  for (const [kind, render] of checkFeatures(features)) renderers.set(kind, render);
  const app = createBotApp(deps, adapter, features);
  const restoreConsole = config.bot ? routeBotbuilderAuthNoise(logger) : () => undefined;
  const server = createServer({
    logger,
    maxBodyBytes: config.maxBodyBytes,
    processActivity: createActivityProcessor({ adapter, app, logger, localMode: !config.bot }),
    checkReady: async () => {
      await store.ping();
      return { knowledge: { entries: knowledge.entries.length, resources: knowledge.resources.length }, storage: config.storage };
    },
  });
  mountHttpRoutes(server, features);
  // Before anything tallies a job: deliveries older than the job index get their entry (once per store).
  const backfilled = await backfillJobIndex(store, outboxPartitions, deps.now);
  if (backfilled > 0) logger.info({ entries: backfilled }, 'job index backfilled');
  // Before the worker polls: due markers of older versions move to their time-ordered key.
  const movedMarkers = await migrateDueMarkers(store, outboxPartitions);
  if (movedMarkers > 0) logger.info({ markers: movedMarkers }, 'outbox due markers migrated');
  const stopFeatures = await startFeatures(features);
  const port = await listen(server, config.port, config.host);
  outbox.start();
  const purge = startPurge(retentionPlan(store, config), deps.now, {
    intervalMs: config.retention.purgeIntervalHours * 3_600_000,
    onPurged: (counts) => logger.info({ purged: counts }, 'retention purge done'),
    onError: (err) => logger.error({ err: { name: err.name, message: err.message } }, 'retention purge failed'),
  });
  logger.info({ host: config.host, port, storage: config.storage, demo: config.demo, localMode: !config.bot }, 'Balise is listening');
  return {
    port,
    deps,
    server,
    async stop() {
      await stopFeatures();
      await purge.stop();
      restoreConsole();
      await outbox.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (!options.store) await store.close();
    },
  };
}

