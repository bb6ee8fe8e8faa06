/**
 * The trainings feature as a unit: its services built from the bot's dependencies, its routes
 * (chat, calendar and roster files), its payload renderers for the outbox, the broadcast progress
 * watcher, and the start-up work (demo seed, broadcasts to resume).
 */
import { messagesFor } from '../../../core/i18n/messages.js';
import { trainingMessagesFor } from '../../../core/i18n/trainings-messages.js';
import { createBroadcaster, type Broadcaster } from '../../../core/trainings/broadcast.js';
import { createCoordination, type Coordination } from '../../../core/trainings/coordination.js';
import { seedDemoTrainings } from '../../../core/trainings/demo-seed.js';
import { createRosterLinks, type RosterLinks } from '../../../core/trainings/roster-link.js';
import { createTrainingService, type TrainingService } from '../../../core/trainings/training-service.js';
import { watchBroadcasts } from '../../../core/trainings/watch-broadcasts.js';
import type { BotDeps } from '../../deps.js';
import type { Feature } from '../../feature.js';
import { announcementAudience } from './audience.js';
import { registerCalendarRoute } from './calendar-route.js';
import { registerCoordinatorRoutes } from './coordinator-routes.js';
import { registerParticipantRoutes } from './participant-routes.js';
import { trainingPayloadRenderers } from './render-payload.js';
import { registerRosterRoute } from './roster-route.js';
import type { CalendarLink } from './training-cards.js';

/** Options of the trainings feature, each with its default. */
export interface TrainingsOptions {
  /** Public base URL of the bot, for the "Ajouter au calendrier" links. Default: `http://<HOST>:<PORT>` of the configuration. */
  readonly publicUrl?: string;
  /** Delay between a settled announcement and the progress check, in ms (0: at once). Default: 5,000. */
  readonly progressEveryMs?: number;
}

/** The services of the feature, shared by its routes. */
export interface Trainings {
  readonly service: TrainingService;
  readonly coordination: Coordination;
  readonly broadcaster: Broadcaster;
  readonly calendar: CalendarLink;
  /** Signs the short-lived roster file links (served by `roster-route.ts`). */
  readonly rosterLinks: RosterLinks;
  /** The full URL of a session's roster file, valid a few minutes. */
  rosterUrl(sessionId: string, lang: 'fr' | 'en'): string;
}

/** The public base URL the configuration implies. */
function defaultPublicUrl(deps: Pick<BotDeps, 'config'>): string {
  const host = deps.config.host === '0.0.0.0' || deps.config.host === '::' ? '127.0.0.1' : deps.config.host;
  return `http://${host}:${deps.config.port}`;
}

/** Builds the services of the feature. */
export function createTrainings(deps: Pick<BotDeps, 'config' | 'store' | 'outbox' | 'directory' | 'now'>, options: TrainingsOptions = {}): Trainings {
  const base = (options.publicUrl ?? defaultPublicUrl(deps)).replace(/\/+$/, '');
  const calendar: CalendarLink = (sessionId) => `${base}/calendar/${encodeURIComponent(sessionId)}.ics`;
  const rosterLinks = createRosterLinks();
  return {
    rosterLinks,
    rosterUrl: (sessionId, lang) => `${base}${rosterLinks.pathFor(sessionId, deps.now())}&lang=${lang}`,
    service: createTrainingService({ store: deps.store, outbox: deps.outbox, now: deps.now, calendarUrl: calendar }),
    coordination: createCoordination({ store: deps.store, directory: deps.directory, now: deps.now }),
    broadcaster: createBroadcaster({ store: deps.store, outbox: deps.outbox, audience: (session) => announcementAudience(deps.store, deps.directory, { allowedTenants: deps.config.allowedTenants, session }), calendarUrl: calendar }),
    calendar,
  };
}

/** The feature: chat routes, files by link, payload renderers, the broadcast watcher and the start-up work, over one set of services. */
export function trainingsFeature(deps: BotDeps, options: TrainingsOptions = {}): Feature {
  const trainings = createTrainings(deps, options);
  return {
    name: 'trainings',
    messages: [['main', messagesFor], ['trainings', trainingMessagesFor]],
    cards: ['training-list', 'training-my-registrations', 'training-announce-form', 'training-announcement', 'training-notice', 'training-roster-list', 'training-roster'],
    payloadRenderers: trainingPayloadRenderers,
    routes: (app) => {
      watchBroadcasts(deps.outbox, trainings.broadcaster, {
        everyMs: options.progressEveryMs,
        onError: (err) => deps.logger.error({ err: { name: err.name, message: err.message } }, 'broadcast report failed'),
      });
      registerParticipantRoutes(app, deps, trainings);
      registerCoordinatorRoutes(app, deps, trainings);
    },
    httpRoutes: (server) => {
      registerCalendarRoute(server, deps);
      registerRosterRoute(server, { ...deps, rosterLinks: trainings.rosterLinks });
    },
    start: () => startTrainings(deps, options, trainings),
  };
}

/** Start-up work: seeds the demo sessions (demo mode, first start only) and resumes unfinished broadcasts. */
export async function startTrainings(
  deps: Pick<BotDeps, 'config' | 'store' | 'outbox' | 'directory' | 'now' | 'logger'>,
  options: TrainingsOptions = {},
  trainings: Trainings = createTrainings(deps, options),
): Promise<void> {
  if (deps.config.demo && (await seedDemoTrainings(deps.store, deps.now()))) deps.logger.info('demo training sessions seeded');
  const resumed = await trainings.broadcaster.resume();
  if (resumed > 0) deps.logger.info({ resumed }, 'training broadcasts resumed');
}
