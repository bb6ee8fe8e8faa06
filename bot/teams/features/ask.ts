/**
 * The catch-all: a question in French (or English) gets the emergency card first when a child is
 * in danger, then the answer, a "did you mean", an honest "je ne sais pas", or a polite out-of-scope.
 * Also the related-topic buttons (`ask` with an entry id) and the Utile / Pas utile feedback.
 */
import type { Application } from '@microsoft/teams-ai';
import { randomUUID } from 'node:crypto';
import { getOrAdd } from '../../core/get-or-add.js';
import { messagesFor, type Messages } from '../../core/i18n/messages.js';
import { formatSecurity, securityMessagesFor } from '../../core/i18n/security-messages.js';
import { findPersonalData, type PersonalDataKind } from '../../core/privacy/find-personal-data.js';
import { safeToStore } from '../../core/privacy/strict-check.js';
import { feedbackPartition } from '../../core/retention/retention.js';
import type { Decision } from '../../core/search/decision.js';
import {
  renderAnswerCard,
  renderClarifyCard,
  renderEmergencyCard,
  renderOutOfScopeCard,
  renderResourcesCard,
  renderSafetyBand,
  renderUnknownCard,
} from '../cards/answer-cards.js';
import type { CardAttachment } from '../cards/render-card.js';
import type { BotDeps } from '../deps.js';
import type { Feature } from '../feature.js';
import { messagesOf, sendCards, submitted, textOf } from '../turn.js';
import { verbs } from '../verbs.js';
import { consultationText, findingLabel } from './consultations/consultation-text.js';

/**
 * The cards that answer one decision, most urgent first: the emergency card (then the answer, if
 * the core kept one, without the numbers the emergency card already gave), or the safety band
 * above whatever else answers a message with danger words.
 */
export function cardsForDecision(decision: Decision, deps: BotDeps, t: Messages): CardAttachment[] {
  const best = decision.results[0];
  if (decision.kind === 'emergency') {
    const cards = [renderEmergencyCard(decision.danger, decision.safetyResources, t)];
    if (best) cards.push(renderAnswerCard(best.entry, deps.knowledge, t, decision.question, decision.safetyResources.map((r) => r.id)));
    return cards;
  }
  const cards: CardAttachment[] = decision.danger.safety === 'band' ? [renderSafetyBand(decision.danger, decision.safetyResources, t)] : [];
  if (decision.kind === 'clarify') return [...cards, renderClarifyCard(decision.results.map((r) => r.entry), t)];
  if (decision.kind === 'out-of-scope') return [...cards, renderOutOfScopeCard(t)];
  // A question asking for a number gets the matching resources first, then the answer or the honest "I don't know".
  if (decision.resources.length > 0) cards.push(renderResourcesCard(t.resourcesTitle, decision.resources.slice(0, 5), t));
  cards.push(decision.kind === 'answer' && best ? renderAnswerCard(best.entry, deps.knowledge, t, decision.question) : renderUnknownCard(t));
  return cards;
}

/** Freezes a card's content all the way down: a shared card that someone tried to change would throw. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * The cards of {@link cardsForDecision}, expanded once per decision and language: the answerer
 * gives the same decision object for the same text, and a card depends only on the decision, the
 * message table and the knowledge base. Forgotten with the decision (weak keys); each turn gets its
 * own attachment objects around the shared, frozen content.
 */
export function createCardCache(deps: BotDeps): (decision: Decision, t: Messages) => CardAttachment[] {
  const cache = new WeakMap<Decision, Map<Messages, readonly CardAttachment[]>>();
  return (decision, t) => {
    const byTable = getOrAdd(cache, decision, () => new Map<Messages, readonly CardAttachment[]>());
    return getOrAdd(byTable, t, () => deepFreeze(cardsForDecision(decision, deps, t))).map((card) => ({ ...card }));
  };
}

/** The chat's warning when a question seems to identify someone: which kinds, never the text itself. */
export function personalDataWarning(findings: ReadonlyArray<{ kind: PersonalDataKind }>, t: Messages): string {
  const c = consultationText(t);
  const kinds = [...new Set(findings.map((f) => findingLabel(f.kind, c).toLowerCase()))].join(', ');
  return formatSecurity(t.lang === 'en' ? 'en' : 'fr', 'chatWarning', { kinds });
}

/** Questions: the catch-all message route, so it comes last in the list of features. */
export function askFeature(deps: BotDeps): Feature {
  return {
    name: 'ask',
    messages: [['main', messagesFor], ['security', securityMessagesFor]],
    cards: ['answer', 'emergency', 'safety-band', 'clarify', 'unknown', 'out-of-scope', 'resources'],
    routes: (app) => registerAsk(app, deps),
  };
}

/** Registers the question routes; mounted last, after every command route. */
function registerAsk(app: Application, deps: BotDeps): void {
  const cardsFor = createCardCache(deps);
  app.adaptiveCards.actionSubmit(verbs.ask, async (context) => {
    const { entryId } = submitted<{ entryId: string }>(context);
    const entry = entryId ? deps.knowledge.entryById.get(entryId) : undefined;
    const t = messagesOf(context);
    await sendCards(context, entry ? renderAnswerCard(entry, deps.knowledge, t, '') : renderUnknownCard(t));
  });

  app.adaptiveCards.actionSubmit(verbs.feedback, async (context) => {
    const { entryId, useful, question } = submitted<{ entryId: string; useful: boolean; question: string }>(context);
    const t = messagesOf(context);
    if (typeof entryId !== 'string' || !deps.knowledge.entryById.has(entryId)) {
      await context.sendActivity(t.unknownAction);
      return;
    }
    // The question is kept only when the strict check finds nothing (no name, age, date, number or
    // unknown capitalised word); the log never sees it.
    const keepQuestion = typeof question === 'string' && question.length <= 500 && safeToStore(question);
    await deps.store.commit(feedbackPartition, [
      { kind: 'put', key: `${deps.now().toISOString()}-${randomUUID()}`, value: { entryId, useful: useful === true, question: keepQuestion ? question : undefined, at: deps.now().toISOString() } },
    ]);
    deps.logger.info({ entryId, useful: useful === true, questionKept: keepQuestion }, 'feedback recorded');
    await context.sendActivity(useful === true ? t.feedbackThanks : t.feedbackNotUseful);
  });

  app.activity('message', async (context) => {
    const t = messagesOf(context);
    const text = textOf(context);
    if (!text) {
      await context.sendActivity(context.activity.value ? t.unknownAction : t.emptyMessage);
      return;
    }
    // A text that seems to identify someone is answered without the decision cache, which would keep
    // it in memory: only texts the privacy check finds nothing in are remembered, so a text the
    // cache recalls needs no second check.
    const recalled = deps.answerer.recall?.(text);
    const findings = recalled ? [] : findPersonalData(text);
    const decision = recalled ?? deps.answerer.decide(text, findings.length === 0);
    deps.logger.info({ decision: decision.kind, top: decision.results[0]?.entry.id, confidence: decision.results[0]?.confidence, personalData: findings.length > 0 }, 'question answered');
    const cards = cardsFor(decision, t);
    if (findings.length > 0 && decision.kind !== 'emergency') await context.sendActivity(personalDataWarning(findings, t));
    await sendCards(context, ...cards);
    // Danger first: the warning comes after the emergency card, never before it.
    if (findings.length > 0 && decision.kind === 'emergency') await context.sendActivity(personalDataWarning(findings, t));
  });
}
