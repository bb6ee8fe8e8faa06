/** "Ressources": pick a need (and a territory), get the matching resources with tap-to-call. */
import { messagesFor } from '../../core/i18n/messages.js';
import { resourceMessagesFor } from '../../core/i18n/resources-messages.js';
import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { needs, territories, type Need, type Territory } from '../../core/knowledge/types.js';
import { needChoices, resourcesTitle, territoryChoices } from '../../core/resources/need-labels.js';
import { findResources } from '../../core/resources/present-resources.js';
import { renderResourcesCard } from '../cards/answer-cards.js';
import { renderCard } from '../cards/render-card.js';
import type { BotDeps } from '../deps.js';
import type { Feature } from '../feature.js';
import { isCommand, languageOf, messagesOf, sendCards, submitted } from '../turn.js';
import { verbs } from '../verbs.js';

const command = /^\s*(ressources?|resources?|numéros?|numeros?)\s*[!.?]*\s*$/i;

/** The resource picker (`ressources`) and its result. */
export function resourcesFeature(deps: Pick<BotDeps, 'knowledge'>): Feature {
  return { name: 'resources', messages: [['main', messagesFor], ['resources', resourceMessagesFor]], cards: ['resource-picker', 'resources'], routes: (app) => registerResources(app, deps) };
}

/** Registers the resource picker and its result. */
function registerResources(app: Application, deps: Pick<BotDeps, 'knowledge'>): void {
  const showPicker = async (context: TurnContext) => {
    const lang = languageOf(context);
    await sendCards(context, renderCard('resource-picker', messagesOf(context), { needs: needChoices(lang), territories: territoryChoices(lang) }));
  };
  app.message(isCommand(command), showPicker);
  app.adaptiveCards.actionSubmit(verbs.resources, showPicker);

  app.adaptiveCards.actionSubmit(verbs.resourcesForNeed, async (context) => {
    const { need, territory } = submitted<{ need: string; territory: string }>(context);
    const t = messagesOf(context);
    if (!need || !(needs as readonly string[]).includes(need)) {
      await showPicker(context);
      return;
    }
    const where = territory && (territories as readonly string[]).includes(territory) ? (territory as Territory) : undefined;
    const found = findResources(deps.knowledge, need as Need, where);
    await sendCards(context, renderResourcesCard(resourcesTitle(need as Need, where, languageOf(context)), found, t));
  });
}
