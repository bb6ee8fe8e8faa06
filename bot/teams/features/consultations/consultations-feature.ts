/**
 * The consultations feature, mounted like any other: its routes (worker and coordinator), its payload
 * renderers in the Teams sender's map, and a settle listener on the outbox that notes alerts which
 * did not reach their recipient on the request (and logs it, with ids only).
 */
import type { Feature } from '../../create-bot-app.js';
import { registerCoordinatorRoutes } from './coordinator-routes.js';
import { routesContext, type ConsultationFeatureOptions } from './feature-context.js';
import { consultationRenderers } from './render-payload.js';
import { registerWorkerRoutes } from './worker-routes.js';

export type { ConsultationFeatureOptions } from './feature-context.js';

/** The feature; give it the composition root's service, or let it build one over the bot's dependencies. */
export function consultationsFeature(options: ConsultationFeatureOptions = {}): Feature {
  return (app, deps) => {
    const ctx = routesContext(deps, options);
    for (const [kind, render] of consultationRenderers(deps.now)) deps.renderers.set(kind, render);
    deps.outbox.onSettled(async (delivery, partition) => {
      const report = await ctx.consultations.recordDelivery(delivery, partition);
      if (report) deps.logger.warn({ ...report }, 'consultation alert did not reach its recipient');
    });
    registerWorkerRoutes(app, ctx);
    registerCoordinatorRoutes(app, ctx);
  };
}
