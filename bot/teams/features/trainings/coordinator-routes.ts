/**
 * What coordinators do: "Annoncer une formation" (form → preview → publish and broadcast) and
 * "Inscriptions" (rosters with the waitlist, CSV export). The role is checked on every action, so a
 * forged submit from someone else gets the same polite refusal as the command.
 */
import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { randomBytes } from 'node:crypto';
import { securityMessagesFor } from '../../../core/i18n/security-messages.js';
import { formatTraining, trainingMessagesFor } from '../../../core/i18n/trainings-messages.js';
import { formatDay } from '../../../core/trainings/local-time.js';
import { readSessionForm, validateSessionForm } from '../../../core/trainings/session-draft.js';
import { startOf } from '../../../core/trainings/session-types.js';
import { snapshotOf } from '../../../core/trainings/training-payloads.js';
import { trackOf } from '../../../core/trainings/tracks.js';
import type { BotDeps } from '../../deps.js';
import { isCommand, isPersonalChat, languageOf, messagesOf, sendCards, submitted, userOf } from '../../turn.js';
import { idField, readSubmittedId } from '../../submitted-id.js';
import { verbs } from '../../verbs.js';
import { renderAnnounceFormCard, renderAnnouncementCard, renderRosterCard, renderRosterListCard, renderSessionNotice } from './training-cards.js';
import type { Trainings } from './trainings.js';

const announceCommand = /^\s*(annoncer( une)? formation|announce( a)? training)\s*[!.?]*\s*$/i;
const rosterCommand = /^\s*(inscriptions|registrations|rosters?)\s*[!.?]*\s*$/i;

/** How long the publish turn waits for the broadcast to be enqueued before answering anyway. */
const publishWaitMs = 5_000;

const objectOf = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {});

/** Registers the coordinator routes. */
export function registerCoordinatorRoutes(app: Application, deps: BotDeps, trainings: Trainings): void {
  const { coordination, broadcaster } = trainings;

  /** Answers the refusal and returns false for anyone who is not a coordinator. */
  const allowed = async (context: TurnContext): Promise<boolean> => {
    if (deps.directory.isCoordinator(userOf(context))) return true;
    deps.logger.info({ verb: idField(submitted<{ verb: unknown }>(context).verb, 40) ?? 'command', userId: idField(userOf(context).aadObjectId) }, 'coordinator action refused');
    await context.sendActivity(trainingMessagesFor(languageOf(context)).notACoordinator);
    return false;
  };

  const showForm = async (context: TurnContext) => {
    if (!(await allowed(context))) return;
    const previous = readSessionForm(objectOf(submitted<{ form: unknown }>(context).form));
    await sendCards(context, renderAnnounceFormCard(previous, [], messagesOf(context)));
  };
  app.message(isCommand(announceCommand), showForm);
  app.adaptiveCards.actionSubmit(verbs.announceForm, showForm);

  app.adaptiveCards.actionSubmit(verbs.announcePreview, async (context) => {
    if (!(await allowed(context))) return;
    const t = messagesOf(context);
    const form = readSessionForm(objectOf(context.activity.value));
    const checked = validateSessionForm(form, deps.now());
    if (!checked.ok) {
      await sendCards(context, renderAnnounceFormCard(form, checked.problems, t));
      return;
    }
    // The draft id becomes the session id: publishing the same preview twice creates one session.
    const draftId = `s-${randomBytes(6).toString('hex')}`;
    await sendCards(context, renderAnnouncementCard({ id: draftId, ...checked.draft }, t, { preview: { draftId, form } }));
  });

  app.adaptiveCards.actionSubmit(verbs.announcePublish, async (context) => {
    if (!(await allowed(context))) return;
    const t = messagesOf(context);
    const tr = trainingMessagesFor(languageOf(context));
    const draftId = await readSubmittedId(context, deps.logger, 'draftId', 40);
    if (!draftId) return;
    const { form: submittedForm } = submitted<{ form: unknown }>(context);
    // The card's values are checked again: the clock moved, and a card can be forged.
    const form = readSessionForm(objectOf(submittedForm));
    const checked = validateSessionForm(form, deps.now());
    if (!checked.ok) {
      await sendCards(context, renderAnnounceFormCard(form, checked.problems, t));
      return;
    }
    const outcome = await coordination.publish(userOf(context), draftId, checked.draft, languageOf(context));
    deps.logger.info({ sessionId: draftId, outcome: outcome.kind }, 'training publication');
    if (outcome.kind === 'not-a-coordinator') await context.sendActivity(tr.notACoordinator);
    else if (outcome.kind === 'already-published') await context.sendActivity(tr.alreadyPublished);
    else {
      // A large audience on a remote store takes longer than a turn should: the job is durable
      // (resumed at start-up if this process stops), so the answer does not wait for all of it.
      const run = broadcaster.run(outcome.session.id);
      run.catch((err: Error) => deps.logger.error({ sessionId: outcome.session.id, err: { name: err.name, message: err.message } }, 'broadcast enqueue failed'));
      let timer: NodeJS.Timeout | undefined;
      const waited = await Promise.race([run, new Promise<'later'>((resolve) => (timer = setTimeout(() => resolve('later'), publishWaitMs)))]).catch(() => 'later' as const);
      clearTimeout(timer);
      await context.sendActivity(waited === 'later' || !waited ? tr.publishedLater : formatTraining(languageOf(context), 'published', { n: waited.total }));
    }
  });

  const showRoster = async (context: TurnContext) => {
    if (!(await allowed(context))) return;
    const t = messagesOf(context);
    const lang = languageOf(context);
    const tr = trainingMessagesFor(lang);
    if (!isPersonalChat(context)) {
      await context.sendActivity(tr.personalOnly);
      return;
    }
    const { sessionId: rawId, format } = submitted<{ sessionId: unknown; format: unknown }>(context);
    if (rawId === undefined) {
      const sessions = await coordination.sessions(userOf(context));
      if (sessions === 'not-a-coordinator') await context.sendActivity(tr.notACoordinator);
      else await sendCards(context, renderRosterListCard(sessions, t));
      return;
    }
    const sessionId = await readSubmittedId(context, deps.logger, 'sessionId', 40);
    if (!sessionId) return;
    const outcome = await coordination.roster(userOf(context), sessionId);
    if (outcome.kind === 'not-a-coordinator') await context.sendActivity(tr.notACoordinator);
    else if (outcome.kind === 'not-found') await context.sendActivity(tr.sessionNotFound);
    else if (outcome.kind === 'not-in-scope') {
      deps.logger.info({ sessionId: outcome.sessionId, userId: userOf(context).id }, 'roster refused: another organisation');
      await context.sendActivity(securityMessagesFor(lang).rosterNotInScope);
    } else if (format === 'csv') {
      // A real file behind a short-lived signed link, named with the session and its date.
      const session = outcome.session;
      const body = formatTraining(lang, 'csvReady', {
        track: trackOf(session.track).short[lang],
        date: formatDay(startOf(session), lang),
        n: session.registered.length + session.waitlist.length,
        minutes: trainings.rosterLinks.validMinutes,
      });
      await sendCards(context, renderSessionNotice(snapshotOf(session), t, { heading: tr.rosterTitle, body }, { downloadUrl: trainings.rosterUrl(session.id, lang) }));
    } else {
      const status = await broadcaster.status(outcome.session.id);
      await sendCards(context, renderRosterCard(outcome.session, outcome.acknowledgements, status?.tally, t));
    }
  };
  app.message(isCommand(rosterCommand), showRoster);
  app.adaptiveCards.actionSubmit(verbs.roster, showRoster);
}
