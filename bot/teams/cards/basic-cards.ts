/** Typed render functions of the cards that need no feature data: welcome, help, error. */
import type { Messages } from '../../core/i18n/messages.js';
import { renderCard, type CardAttachment } from './render-card.js';

/** The card shown when Balise is installed or added to a conversation. */
export function renderWelcomeCard(t: Messages): CardAttachment {
  return renderCard('welcome', t);
}

/** What Balise can do; coordinators also see their own commands. */
export function renderHelpCard(t: Messages, isCoordinator: boolean): CardAttachment {
  return renderCard('help', t, { isCoordinator });
}

/** The apology after a fault, with the id that finds the fault in the logs. */
export function renderErrorCard(t: Messages, correlationId: string): CardAttachment {
  return renderCard('error', t, { correlationId });
}
