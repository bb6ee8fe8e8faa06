/**
 * What intervenants do: "Formations" (the list), "S'inscrire", "Mes inscriptions", cancel, and
 * "Lu" on an announcement. Each handler reads the activity, calls the core and answers.
 */
import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { formatTraining, trainingMessagesFor } from '../../../core/i18n/trainings-messages.js';
import { formatDay } from '../../../core/trainings/local-time.js';
import { startOf, type CancelOutcome, type RegisterOutcome, type TrainingSession } from '../../../core/trainings/session-types.js';
import { reminderLeadMs, snapshotOf } from '../../../core/trainings/training-payloads.js';
import { trackOf } from '../../../core/trainings/tracks.js';
import type { CardAttachment } from '../../cards/render-card.js';
import type { BotDeps } from '../../deps.js';
import { isCommand, languageOf, messagesOf, sendCards, userOf, submitted } from '../../turn.js';
import { readSubmittedId } from '../../submitted-id.js';
import { verbs } from '../../verbs.js';
import { renderMyRegistrationsCard, renderSessionListCard, renderSessionNotice } from './training-cards.js';
import type { Trainings } from './trainings.js';

const listCommand = /^\s*(formations?|trainings?)\s*[!.?]*\s*$/i;
const mineCommand = /^\s*(mes inscriptions|my registrations)\s*[!.?]*\s*$/i;


/** The answer to a registration attempt: a card for a seat or a waitlist place, a sentence for a refusal. */
function answerRegistration(outcome: RegisterOutcome, context: TurnContext, deps: BotDeps, trainings: Trainings): CardAttachment | string {
  const lang = languageOf(context);
  const t = messagesOf(context);
  const tr = trainingMessagesFor(lang);
  switch (outcome.kind) {
    case 'registered': {
      const reminded = Date.parse(startOf(outcome.session)) - reminderLeadMs > deps.now().getTime();
      return renderSessionNotice(
        snapshotOf(outcome.session),
        t,
        { heading: tr.registeredTitle, body: reminded ? tr.registeredBody : tr.registeredBodyNoReminder, color: 'Good' },
        { calendarUrl: trainings.calendar(outcome.session.id), showCalendar: true, showCancel: true, showMine: true },
      );
    }
    case 'waitlisted':
      return renderSessionNotice(
        snapshotOf(outcome.session),
        t,
        { heading: tr.waitlistedTitle, body: formatTraining(lang, 'waitlistedBody', { n: outcome.position }) },
        { showCancel: true, showMine: true },
      );
    case 'already-registered':
      return outcome.status === 'confirmed' ? tr.alreadyRegistered : tr.alreadyWaitlisted;
    case 'prerequisite-missing':
      return formatTraining(lang, 'prerequisiteMissing', { track: trackOf(outcome.prerequisite).short[lang], next: outcome.firstTake ? formatDay(startOf(outcome.firstTake), lang) : 'none' });
    case 'track-taken':
      return formatTraining(lang, 'oneRegistrationPerTrack', { track: trackOf(outcome.other.track).short[lang], date: formatDay(startOf(outcome.other), lang) });
    case 'registration-closed':
      return formatTraining(lang, 'registrationClosed', { date: formatDay(outcome.session.deadline, lang) });
    case 'not-found':
      return tr.sessionNotFound;
  }
}

/** The values naming a session in a sentence: its track and first day (« la session « Volet 1 » du lundi 12 janvier 2027 »). */
function sessionName(session: TrainingSession, lang: 'fr' | 'en'): { track: string; date: string } {
  return { track: trackOf(session.track).short[lang], date: formatDay(startOf(session), lang) };
}

/** The sentence answering a cancellation; it names the session. */
function answerCancellation(outcome: CancelOutcome, lang: 'fr' | 'en'): string {
  switch (outcome.kind) {
    case 'cancelled':
      return formatTraining(lang, outcome.wasWaitlisted ? 'cancelledWaitlist' : outcome.promoted ? 'cancelledPromoted' : 'cancelled', sessionName(outcome.session, lang));
    case 'not-registered':
      return formatTraining(lang, 'notRegistered', sessionName(outcome.session, lang));
    case 'session-started':
      return formatTraining(lang, 'sessionStarted', sessionName(outcome.session, lang));
    case 'not-found':
      return trainingMessagesFor(lang).sessionNotFound;
  }
}

/** Registers the intervenant routes. */
export function registerParticipantRoutes(app: Application, deps: BotDeps, trainings: Trainings): void {
  const { service } = trainings;

  const showList = async (context: TurnContext) => {
    await sendCards(context, renderSessionListCard(await service.upcoming(), deps.now(), messagesOf(context), trainings.calendar));
  };
  app.message(isCommand(listCommand), showList);
  app.adaptiveCards.actionSubmit(verbs.trainings, showList);

  const showMine = async (context: TurnContext) => {
    await sendCards(context, renderMyRegistrationsCard(await service.registrationsOf(userOf(context)), messagesOf(context), trainings.calendar));
  };
  app.message(isCommand(mineCommand), showMine);
  app.adaptiveCards.actionSubmit(verbs.myRegistrations, showMine);

  app.adaptiveCards.actionSubmit(verbs.register, async (context) => {
    const sessionId = await readSubmittedId(context, deps.logger, 'sessionId', 40);
    if (!sessionId) return;
    const outcome = await service.register(userOf(context), sessionId, languageOf(context));
    deps.logger.info({ sessionId, outcome: outcome.kind }, 'training registration');
    const answer = answerRegistration(outcome, context, deps, trainings);
    await (typeof answer === 'string' ? context.sendActivity(answer) : sendCards(context, answer));
  });

  app.adaptiveCards.actionSubmit(verbs.cancelRegistration, async (context) => {
    const sessionId = await readSubmittedId(context, deps.logger, 'sessionId', 40);
    if (!sessionId) return;
    const { confirmed, from } = submitted<{ confirmed: boolean; from: string }>(context);
    const lang = languageOf(context);
    if (confirmed !== true) {
      // A cancel without the card's confirmation (an older card): ask first, never cancel in one tap.
      const session = await service.get(sessionId);
      if (!session) await context.sendActivity(trainingMessagesFor(lang).sessionNotFound);
      else await sendCards(context, renderSessionNotice(snapshotOf(session), messagesOf(context), { heading: trainingMessagesFor(lang).cancelConfirmTitle, body: trainingMessagesFor(lang).cancelConfirmBody }, { confirmCancel: true }));
      return;
    }
    const outcome = await service.cancel(userOf(context), sessionId);
    deps.logger.info({ sessionId, outcome: outcome.kind, promoted: outcome.kind === 'cancelled' && outcome.promoted }, 'training cancellation');
    await context.sendActivity(answerCancellation(outcome, lang));
    // The « Mes inscriptions » card the cancel came from is replaced by its new state.
    const replyToId = context.activity.replyToId;
    if (from === 'mine' && replyToId && outcome.kind === 'cancelled') {
      const card = renderMyRegistrationsCard(await service.registrationsOf(userOf(context)), messagesOf(context), trainings.calendar);
      await context.updateActivity({ type: 'message', id: replyToId, attachments: [card] }).catch((err: Error) => deps.logger.warn({ err: { name: err.name, message: err.message } }, 'registrations card not refreshed'));
    }
  });

  app.adaptiveCards.actionSubmit(verbs.acknowledge, async (context) => {
    const sessionId = await readSubmittedId(context, deps.logger, 'sessionId', 40);
    if (!sessionId) return;
    const tr = trainingMessagesFor(languageOf(context));
    const result = await service.acknowledge(userOf(context), sessionId);
    await context.sendActivity(result === 'acknowledged' ? tr.acknowledged : result === 'already-acknowledged' ? tr.alreadyAcknowledged : tr.sessionNotFound);
  });
}
