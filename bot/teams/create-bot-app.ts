/**
 * Builds the teams-ai Application: the adapter (authenticated when an App ID is configured,
 * local mode otherwise), turn state in Balise's store when a feature keeps some, the tenant gate and reference recorder
 * before every turn, the features' routes in list order (`balise-features.ts`: the question
 * catch-all last), and the one error handler at the edge.
 */
import { Application, TeamsAdapter } from '@microsoft/teams-ai';
import { ConfigurationServiceClientCredentialFactory, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import { renderErrorCard } from './cards/basic-cards.js';
import { baliseFeatures } from './balise-features.js';
import type { BotDeps } from './deps.js';
import { checkFeatures, mountRoutes, type Feature } from './feature.js';
import { createReferenceRecorder } from './conversation-refs.js';
import { recordTeamChannels } from './team-channels.js';
import { createTenantGate } from './tenant-gate.js';
import { createTurnStateStorage } from './turn-state-storage.js';
import { messagesOf, sendCards } from './turn.js';

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

/**
 * Builds the application and mounts the routes of `features` in their order. Default: every
 * feature of Balise (`baliseFeatures(deps)`). Throws `FeatureMountError` on an inconsistent list.
 */
export function createBotApp(deps: BotDeps, adapter: TeamsAdapter = createAdapter(deps), features: readonly Feature[] = baliseFeatures(deps)): Application {
  checkFeatures(features);
  const app = new Application({
    adapter,
    botAppId: deps.config.bot?.appId ?? '',
    // Turn state only when a feature keeps some: otherwise every message would read two records
    // (a round trip on Azure) that nothing uses.
    storage: features.some((f) => f.turnState) ? createTurnStateStorage(deps.store, deps.now) : undefined,
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

  mountRoutes(app, features);

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
