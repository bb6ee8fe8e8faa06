/**
 * The coordinators' and pivots' side: the request card's actions (Action.Execute: claim, assign,
 * close) answer with the refreshed card, which replaces the one clicked and refreshes for everyone
 * else who may act (`refresh-request`); "Demandes ouvertes" lists what they may act on, and
 * `open-request` shows one request, in the clicker's 1:1 chat when clicked in a channel. Anyone else
 * is refused, and the refusal is logged with ids only.
 */
import type { AdaptiveCard, Application } from '@microsoft/teams-ai';
import { ActivityTypes, INVOKE_RESPONSE_KEY, type TurnContext } from 'botbuilder';
import type { ActionInput, ActResult } from '../../../core/consultations/act-on-request.js';
import { isReference } from '../../../core/consultations/reference.js';
import { formatConsultation } from '../../../core/i18n/consultations-messages.js';
import { formatSecurity, securityMessagesFor } from '../../../core/i18n/security-messages.js';
import { describeInvalid, idField } from '../../submitted-id.js';
import type { Messages } from '../../../core/i18n/messages.js';
import type { CardAttachment } from '../../cards/render-card.js';
import { isCommand, isPersonalChat, messagesOf, messagesOfData, sendCards, submitted, userOf } from '../../turn.js';
import { retiredVerbs, verbs } from '../../verbs.js';
import { consultationText } from './consultation-text.js';
import { renderOpenRequests, renderRequestCard } from './coordinator-cards.js';
import type { ConsultationRoutesContext } from './feature-context.js';

const openCommand = /^\s*(demandes ouvertes|open requests)\s*[!.?]*\s*$/i;

interface ActionData {
  readonly requestId?: unknown;
  readonly assignee?: unknown;
  readonly note?: unknown;
  readonly lang?: unknown;
}

const content = (card: CardAttachment) => card.content as unknown as AdaptiveCard;

/**
 * Answers a card refresh with the card for this viewer only. teams-ai, given a card that carries
 * `refresh`, would also replace the message for everyone: right after an action, wasted on a view.
 */
async function answerViewer(context: TurnContext, card: CardAttachment): Promise<AdaptiveCard> {
  const response = { type: ActivityTypes.InvokeResponse, value: { status: 200, body: { statusCode: 200, type: card.contentType, value: card.content } } };
  await context.sendActivity(response);
  // Marks the invoke as answered, so teams-ai does not answer it a second time.
  context.turnState.set(INVOKE_RESPONSE_KEY, response);
  return content(card);
}

/** Registers the coordinators' routes. */
export function registerCoordinatorRoutes(app: Application, ctx: ConsultationRoutesContext): void {
  const { deps, consultations } = ctx;

  const refuse = (context: TurnContext, requestId: unknown, action: string, organisationId: string) => {
    const user = userOf(context);
    // Ids only: never the description, the note or the person's name.
    deps.logger.warn({ requestId: isReference(requestId) ? requestId : 'invalid', userId: user.id, aadObjectId: user.aadObjectId, action, organisationId }, 'consultation action refused');
  };

  const invalid = (context: TurnContext, field: string, value: unknown) => {
    deps.logger.warn({ field, ...describeInvalid(value), userId: idField(userOf(context).id) ?? 'invalid' }, 'consultation action refused: invalid input');
  };

  /** Sends the request card to a handler's private chat (the channel notice's button). */
  const sendPrivately = async (context: TurnContext): Promise<'sent' | 'not-allowed' | 'nothing'> => {
    const requestId = idField(submitted<{ requestId: unknown }>(context).requestId, 32);
    const user = userOf(context);
    if (!requestId) return 'nothing';
    const found = await consultations.view(requestId, user);
    if (found.kind !== 'ok') {
      if (found.kind === 'not-allowed') refuse(context, requestId, 'view', found.organisationId);
      return found.kind === 'not-allowed' ? 'not-allowed' : 'nothing';
    }
    const queued = await consultations.sendTo(found.request, user);
    if (!queued) return 'not-allowed';
    ctx.nudgeOutbox();
    const lang = messagesOf(context).lang === 'en' ? 'en' : 'fr';
    await context.sendActivity(formatSecurity(lang, 'sentPrivately', { ref: requestId }));
    return 'sent';
  };

  const card = (t: Messages, result: Extract<ActResult, { request: unknown }>, notice = '') =>
    renderRequestCard(t, consultations.viewOf(result.request), { now: deps.now(), notice });

  const showOpen = async (context: TurnContext) => {
    const t = messagesOf(context);
    const c = consultationText(t);
    if (!isPersonalChat(context)) {
      // The Pivots channel notice's button: the details go to the clicker's private chat, never here.
      const sent = await sendPrivately(context);
      if (sent !== 'sent') await context.sendActivity(sent === 'not-allowed' ? c.consultNotAllowed : c.consultPrivateOnly);
      return;
    }
    const user = userOf(context);
    const { requestId: rawId } = submitted<{ requestId: unknown }>(context);
    if (rawId !== undefined) {
      const requestId = idField(rawId, 32);
      if (!requestId) {
        invalid(context, 'requestId', rawId);
        await context.sendActivity(securityMessagesFor(t.lang === 'en' ? 'en' : 'fr').invalidInput);
        return;
      }
      const found = await consultations.view(requestId, user);
      if (found.kind === 'not-allowed') refuse(context, requestId, 'view', found.organisationId);
      if (found.kind !== 'ok') {
        await context.sendActivity(found.kind === 'not-allowed' ? c.consultNotAllowed : c.consultNotFound);
        return;
      }
      await sendCards(context, renderRequestCard(t, consultations.viewOf(found.request), { now: deps.now() }));
      return;
    }
    if (!deps.directory.data.organisations.some((o) => deps.directory.canHandle(user, o.id))) {
      await context.sendActivity(c.consultOpenNotAllowed);
      return;
    }
    const open = await consultations.listOpen(user);
    await sendCards(context, renderOpenRequests(t, open.map((r) => consultations.viewOf(r)), deps.now()));
  };
  app.message(isCommand(openCommand), showOpen);
  // Cards posted before the verbs were split still carry the retired verb, for both meanings.
  app.adaptiveCards.actionSubmit([verbs.openRequest, retiredVerbs.openRequests], showOpen);

  // The card's refresh: the current state, for someone who may act on it.
  app.adaptiveCards.actionExecute<ActionData>([verbs.refreshRequest, retiredVerbs.openRequests], async (context, _state, data) => {
    const c = consultationText(messagesOfData(data));
    const requestId = idField(data.requestId, 32);
    if (!requestId) {
      invalid(context, 'requestId', data.requestId);
      return securityMessagesFor(c.lang === 'en' ? 'en' : 'fr').invalidInput;
    }
    const found = await consultations.view(requestId, userOf(context));
    if (found.kind === 'not-allowed') refuse(context, data.requestId, 'view', found.organisationId);
    if (found.kind !== 'ok') return found.kind === 'not-allowed' ? c.consultNotAllowed : c.consultNotFound;
    return answerViewer(context, renderRequestCard(messagesOfData(data), consultations.viewOf(found.request), { now: deps.now() }));
  });

  app.adaptiveCards.actionExecute<ActionData>([verbs.claim, verbs.assign, verbs.close], async (context, _state, data) => {
    const verb = (context.activity.value as { action?: { verb?: string } }).action?.verb;
    const t = messagesOfData(data);
    const c = consultationText(t);
    const s = securityMessagesFor(t.lang === 'en' ? 'en' : 'fr');
    // Everything is checked before anything is committed: a malformed invoke changes nothing.
    const requestId = idField(data.requestId, 32);
    const assigneeId = verb === verbs.assign ? idField(data.assignee) : undefined;
    const problem = !requestId
      ? (['requestId', data.requestId] as const)
      : verb === verbs.assign && !assigneeId
        ? (['assignee', data.assignee] as const)
        : data.note !== undefined && (typeof data.note !== 'string' || data.note.length > 2000)
          ? (['note', data.note] as const)
          : idField(context.activity.replyToId, 256) === undefined
            ? (['replyToId', context.activity.replyToId] as const)
            : undefined;
    if (problem || !requestId) {
      invalid(context, problem?.[0] ?? 'requestId', problem?.[1]);
      return s.invalidInput;
    }
    const input: ActionInput =
      verb === verbs.claim ? { kind: 'claim' } : verb === verbs.assign ? { kind: 'assign', assigneeId: assigneeId ?? '' } : { kind: 'close', ...(typeof data.note === 'string' ? { note: data.note } : {}) };
    const result = await consultations.act(requestId, userOf(context), input);
    switch (result.kind) {
      case 'not-holder':
        refuse(context, requestId, input.kind, result.request.organisationId);
        return content(card(t, result, s.closeNotHolder));
      case 'not-allowed':
        refuse(context, data.requestId, input.kind, result.organisationId);
        return c.consultNotAllowed;
      case 'not-found':
        return c.consultNotFound;
      case 'done':
        ctx.nudgeOutbox();
        deps.logger.info({ requestId: result.request.id, action: input.kind, userId: userOf(context).id, state: result.request.state }, 'consultation updated');
        return content(card(t, result));
      case 'already-taken':
        return content(card(t, result, formatConsultation(c.lang === 'en' ? 'en' : 'fr', 'consultAlreadyTaken', { name: consultations.viewOf(result.request).handlerName })));
      case 'already-closed':
        return content(card(t, result, c.consultAlreadyClosed));
      case 'unknown-assignee':
        return content(card(t, result, c.consultUnknownAssignee));
      case 'unchanged':
        return content(card(t, result));
    }
  });
}
