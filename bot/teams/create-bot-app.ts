/**
 * Builds the teams-ai Application: the adapter (authenticated when an App ID is configured,
 * local mode otherwise), turn state in Balise's store, each feature's routes in a visible order
 * with the question catch-all last, and the one error handler at the edge.
 */
import { Application, TeamsAdapter } from '@microsoft/teams-ai';
import { ConfigurationServiceClientCredentialFactory, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import { renderErrorCard } from './cards/basic-cards.js';
import type { BotDeps } from './deps.js';
import { registerAsk } from './features/ask.js';
import { registerMessageExtension } from './features/message-extension.js';
import { registerResources } from './features/resources.js';
import { registerWelcomeHelp } from './features/welcome-help.js';
import { createReferenceRecorder } from './conversation-refs.js';
import { recordTeamChannels } from './team-channels.js';
import { createTenantGate } from './tenant-gate.js';
import { createTurnStateStorage } from './turn-state-storage.js';
import { messagesOf, sendCards } from './turn.js';

/** A feature mounts its routes on the app. */
export type Feature = (app: Application, deps: BotDeps) => void;

/**
 * The Teams adapter with its authenticate-and-run step public, so that the HTTP edge answers
 * failures itself (`CloudAdapter.process` prints stacks and echoes error text to the caller).
 */
export class BaliseAdapter extends TeamsAdapter {
  /** Authenticates `activity` with `authorization` and runs `logic`; throws on a refused token. */
  authenticateAndRun(authorization: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authorization, activity, logic);
  }
}

/** Creates the Teams adapter from the configuration (no credentials: local mode). */
export function createAdapter(deps: Pick<BotDeps, 'config'>): BaliseAdapter {
  const bot = deps.config.bot;
  const credentials = {
    MicrosoftAppId: bot?.appId ?? '',
    MicrosoftAppPassword: bot?.appPassword ?? '',
    MicrosoftAppTenantId: bot?.tenantId ?? '',
    MicrosoftAppType: bot?.appType ?? 'MultiTenant',
  };
  return new BaliseAdapter({}, new ConfigurationServiceClientCredentialFactory(credentials));
}

/** Builds the application with the given features (default: all), the catch-all question route last. */
export function createBotApp(deps: BotDeps, adapter: TeamsAdapter = createAdapter(deps), features: readonly Feature[] = []): Application {
  const app = new Application({
    adapter,
    botAppId: deps.config.bot?.appId ?? '',
    storage: createTurnStateStorage(deps.store, deps.now),
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
  });

  // Another organisation's tenant is refused before anything is read or remembered of it.
  const allowedTenant = createTenantGate(deps);
  // Remember where each person and conversation can be reached, for proactive messages.
  const recordReference = createReferenceRecorder(deps.store, deps.now);
  app.turn('beforeTurn', async (context) => {
    if (!(await allowedTenant(context))) return false;
    await recordReference(context);
    // Installed in a team: learn its channels now, not when someone first writes in each.
    const channels = await recordTeamChannels(deps.store, context);
    if (channels.length > 0) deps.logger.info({ channels: channels.length }, 'team channels recorded');
    return true;
  });

  registerWelcomeHelp(app, deps);
  registerResources(app, deps);
  registerMessageExtension(app, deps);
  for (const feature of features) feature(app, deps);
  registerAsk(app, deps);

  app.error(async (context: TurnContext, error: Error) => {
    const correlationId = randomUUID();
    // Name and message only: activity text and card values never reach the log.
    deps.logger.error({ correlationId, err: { name: error.name, message: error.message, stack: error.stack } }, 'turn failed');
    try {
      await sendCards(context, renderErrorCard(messagesOf(context), correlationId));
    } catch (sendError) {
      deps.logger.error({ correlationId, err: { name: (sendError as Error).name, message: (sendError as Error).message } }, 'apology not delivered');
    }
  });
  return app;
}
