/** What the consultation routes share: the service, the danger screen, the outbox nudge. */
import { createConsultations, type ConsultationOptions, type Consultations } from '../../../core/consultations/consultations.js';
import { screenDanger } from '../../../core/search/danger-screen.js';
import type { DangerSignal } from '../../../core/search/decision.js';
import type { BotDeps } from '../../deps.js';

/** Options of {@link consultationsFeature}, each with its default. */
export interface ConsultationFeatureOptions {
  /** The service. Default: one built over the bot's store, outbox, directory and clock with `service` options. */
  readonly consultations?: Consultations;
  /** Options of the default service (escalation delays...). Default: the core's defaults. */
  readonly service?: ConsultationOptions;
  /** Screens a description for immediate danger. Default: the search core's `screenDanger`. */
  readonly screenDanger?: (text: string) => DangerSignal;
  /** Drain the outbox right after a change, so alerts leave now rather than at the next poll. Default: true. */
  readonly deliverNow?: boolean;
  /** Time between two escalation checks once the feature is started, in ms. Default: 60,000. */
  readonly escalationEveryMs?: number;
}

/** The resolved options and dependencies every route uses. */
export interface ConsultationRoutesContext {
  readonly deps: BotDeps;
  readonly consultations: Consultations;
  readonly screenDanger: (text: string) => DangerSignal;
  /** Starts delivering what was just committed (in the background; the outbox's own loop is the safety net). */
  readonly nudgeOutbox: () => void;
}

/** Resolves the options against the bot's dependencies. */
export function routesContext(deps: BotDeps, options: ConsultationFeatureOptions): ConsultationRoutesContext {
  return {
    deps,
    consultations: options.consultations ?? createConsultations({ store: deps.store, outbox: deps.outbox, directory: deps.directory, now: deps.now }, options.service),
    screenDanger: options.screenDanger ?? screenDanger,
    nudgeOutbox: () => {
      if (options.deliverNow === false) return;
      deps.outbox.drainOnce().catch((err: Error) => deps.logger.error({ err: { name: err.name, message: err.message } }, 'outbox drain failed'));
    },
  };
}
