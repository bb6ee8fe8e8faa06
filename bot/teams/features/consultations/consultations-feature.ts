/**
 * The consultations feature, mounted like any other: its routes (worker and coordinator), its payload
 * renderers, a settle listener on the outbox that notes alerts which did not reach their recipient
 * on the request (and logs it, with ids only), and the escalation timer as start-up and stop work.
 */
import { messagesFor } from '../../../core/i18n/messages.js';
import { consultationMessagesFor } from '../../../core/i18n/consultations-messages.js';
import { securityMessagesFor } from '../../../core/i18n/security-messages.js';
import { startEscalationTimer } from '../../../core/consultations/escalation-timer.js';
import type { BotDeps } from '../../deps.js';
import type { Feature } from '../../feature.js';
import { registerCoordinatorRoutes } from './coordinator-routes.js';
import { routesContext, type ConsultationFeatureOptions } from './feature-context.js';
import { consultationRenderers } from './render-payload.js';
import { registerWorkerRoutes } from './worker-routes.js';

export type { ConsultationFeatureOptions } from './feature-context.js';

/** The feature; give it a service in `options`, or let it build one over the bot's dependencies. */
export function consultationsFeature(deps: BotDeps, options: ConsultationFeatureOptions = {}): Feature {
  const ctx = routesContext(deps, options);
  let escalation: { stop(): Promise<void> } | undefined;
  return {
    name: 'consultations',
    messages: [['main', messagesFor], ['consultations', consultationMessagesFor], ['security', securityMessagesFor]],
    cards: ['consultation-form', 'consultation-check', 'consultation-receipt', 'consultation-mine', 'consultation-open', 'consultation-request', 'consultation-notice', 'consultation-update'],
    payloadRenderers: consultationRenderers(deps.now),
    routes: (app) => {
      deps.outbox.onSettled(async (delivery, partition) => {
        const report = await ctx.consultations.recordDelivery(delivery, partition);
        if (report) deps.logger.warn({ ...report }, 'consultation alert did not reach its recipient');
      });
      registerWorkerRoutes(app, ctx);
      registerCoordinatorRoutes(app, ctx);
    },
    // Requests not claimed in time go to the backup coordinator; the deadlines are stored, so this survives restarts.
    start: async () => {
      escalation = startEscalationTimer(ctx.consultations, deps.now, {
        intervalMs: options.escalationEveryMs ?? 60_000,
        onEscalated: (requestIds) => deps.logger.info({ requestIds }, 'consultations escalated'),
        onError: (err) => deps.logger.error({ err: { name: err.name, message: err.message } }, 'consultation escalation failed'),
      });
    },
    stop: async () => {
      await escalation?.stop();
    },
  };
}
