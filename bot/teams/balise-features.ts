/**
 * The list of Balise's features, in the order their routes are tried: commands first, the
 * question catch-all last. Adding a feature means adding its factory here (see ARCHITECTURE.md).
 */
import type { BotDeps } from './deps.js';
import type { Feature } from './feature.js';
import { askFeature } from './features/ask.js';
import { consultationsFeature, type ConsultationFeatureOptions } from './features/consultations/consultations-feature.js';
import { messageExtensionFeature } from './features/message-extension.js';
import { resourcesFeature } from './features/resources.js';
import { trainingsFeature, type TrainingsOptions } from './features/trainings/trainings.js';
import { welcomeHelpFeature } from './features/welcome-help.js';

/** Options of the list, each with its default. */
export interface BaliseFeaturesOptions {
  /** Options of the trainings feature. Default: its own defaults. */
  readonly trainings?: TrainingsOptions;
  /** Options of the consultations feature. Default: its own defaults. */
  readonly consultations?: ConsultationFeatureOptions;
  /** Features mounted after the built-in commands and before the question catch-all. Default: none. */
  readonly extra?: readonly Feature[];
}

/** Every feature of Balise over `deps`, in mounting order. */
export function baliseFeatures(deps: BotDeps, options: BaliseFeaturesOptions = {}): Feature[] {
  return [
    welcomeHelpFeature(deps),
    resourcesFeature(deps),
    messageExtensionFeature(deps),
    trainingsFeature(deps, options.trainings),
    consultationsFeature(deps, options.consultations),
    ...(options.extra ?? []),
    // The catch-all: any message no command above took is a question.
    askFeature(deps),
  ];
}
