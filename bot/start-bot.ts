/**
 * The composition root: configuration → logger → knowledge → storage → directory → core services
 * → Teams application → HTTP server, in that visible order. `main.ts` calls it; so do the
 * end-to-end tests, with their own configuration.
 */
import type { Server } from 'restify';
import type { Config } from './config.js';
import { emptyDirectory, loadDirectory, type Directory } from './core/directory/directory.js';
import { KnowledgeError, formatProblems, loadKnowledge } from './core/knowledge/load-knowledge.js';
import { createAnswerer } from './core/search/create-answerer.js';
import type { RecordStore } from './core/storage/record-store.js';
import { backfillJobIndex } from './core/delivery/job-index-backfill.js';
import { createOutbox, type OutboxOptions } from './core/delivery/outbox.js';
import { createTeamsSender, type PayloadRenderer } from './teams/delivery/teams-sender.js';
import type { Logger } from './logger.js';
import { createServer, listen } from './server/create-server.js';
import { openStore } from './storage/open-store.js';
import { createAdapter, createBotApp, type Feature } from './teams/create-bot-app.js';
import { createActivityProcessor, routeBotbuilderAuthNoise } from './teams/process-activity.js';
import type { BotDeps } from './teams/deps.js';
import { registerCalendarRoute } from './teams/features/trainings/calendar-route.js';
import { registerRosterRoute } from './teams/features/trainings/roster-route.js';
import { createTrainings, createTrainingsFeature, startTrainings } from './teams/features/trainings/trainings.js';
import { createConsultations } from './core/consultations/consultations.js';
import { startEscalationTimer } from './core/consultations/escalation-timer.js';
import { consultationsFeature } from './teams/features/consultations/consultations-feature.js';
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
  readonly features?: readonly Feature[];
  readonly outboxOptions?: OutboxOptions;
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
  const renderers = new Map<string, PayloadRenderer>();
  // The map is live: features add their payload renderers when they register.
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
    answerer: createAnswerer(knowledge),
    directory,
    now: options.now ?? (() => new Date()),
    outbox,
    renderers,
  };

  const trainingsOptions = { publicUrl: config.publicUrl };
  const consultations = createConsultations({ store, outbox, directory, now: deps.now });
  // One instance of each feature's services, shared by its routes and its start-up work.
  const trainings = createTrainings(deps, trainingsOptions);
  const app = createBotApp(deps, adapter, [createTrainingsFeature(trainingsOptions, trainings), consultationsFeature({ consultations }), ...(options.features ?? [])]);
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
  registerCalendarRoute(server, deps);
  registerRosterRoute(server, { ...deps, rosterLinks: trainings.rosterLinks });
  // Before anything tallies a job: deliveries older than the job index get their entry (once per store).
  const backfilled = await backfillJobIndex(store, outboxPartitions, deps.now);
  if (backfilled > 0) logger.info({ entries: backfilled }, 'job index backfilled');
  await startTrainings(deps, trainingsOptions, trainings);
  const port = await listen(server, config.port, config.host);
  outbox.start();
  const escalation = startEscalationTimer(consultations, deps.now, {
    intervalMs: 60_000,
    onEscalated: (requestIds) => logger.info({ requestIds }, 'consultations escalated'),
    onError: (err) => logger.error({ err: { name: err.name, message: err.message } }, 'consultation escalation failed'),
  });
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
      await escalation.stop();
      await purge.stop();
      restoreConsole();
      await outbox.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (!options.store) await store.close();
    },
  };
}

