/** Welcome card on install, and `aide` / `help`. */
import { messagesFor } from '../../core/i18n/messages.js';
import type { Application } from '@microsoft/teams-ai';
import { renderHelpCard, renderWelcomeCard } from '../cards/basic-cards.js';
import type { BotDeps } from '../deps.js';
import type { Feature } from '../feature.js';
import { isCommand, messagesOf, sendCards, userOf } from '../turn.js';
import { verbs } from '../verbs.js';

const helpCommand = /^\s*(aide|help|\?|menu|bonjour|allo|allô|salut|hello|hi)\s*[!.?]*\s*$/i;

/** Welcome and help: the first feature of the list, so `aide` is never taken for a question. */
export function welcomeHelpFeature(deps: Pick<BotDeps, 'directory'>): Feature {
  return { name: 'welcome-help', messages: [['main', messagesFor]], cards: ['welcome', 'help'], routes: (app) => registerWelcomeHelp(app, deps) };
}

/** Registers the welcome and help routes. */
function registerWelcomeHelp(app: Application, deps: Pick<BotDeps, 'directory'>): void {
  app.conversationUpdate('membersAdded', async (context) => {
    const botId = context.activity.recipient.id;
    const added = context.activity.membersAdded ?? [];
    // Welcome once: when the bot itself is added (install), or a person joins a personal chat.
    if (added.some((m) => m.id === botId) || context.activity.conversation.conversationType === 'personal') {
      await sendCards(context, renderWelcomeCard(messagesOf(context)));
    }
  });

  const sendHelp = async (context: Parameters<Parameters<Application['message']>[1]>[0]) => {
    await sendCards(context, renderHelpCard(messagesOf(context), deps.directory.isCoordinator(userOf(context))));
  };
  app.message(isCommand(helpCommand), sendHelp);
  app.adaptiveCards.actionSubmit(verbs.help, sendHelp);
}
