/**
 * The worker's side: "Demander une consultation" opens the form; submitting checks it (problems,
 * personal data, danger) and either asks the worker to review or stores the request and sends the
 * receipt; "Mes demandes" lists their requests. Only in a 1:1 chat, where the text stays private.
 */
import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { parseDraft, reviewDraft, type Draft } from '../../../core/consultations/draft.js';
import { isReference, newReference } from '../../../core/consultations/reference.js';
import { categories } from '../../../core/knowledge/types.js';
import { findPersonalData, maskPersonalData } from '../../../core/privacy/find-personal-data.js';
import { renderEmergencyCard } from '../../cards/answer-cards.js';
import type { CardAttachment } from '../../cards/render-card.js';
import { isCommand, isPersonalChat, languageOf, messagesOf, sendCards, submitted, userOf } from '../../turn.js';
import { verbs } from '../../verbs.js';
import { consultationText } from './consultation-text.js';
import type { ConsultationRoutesContext } from './feature-context.js';
import { formValuesOf, renderConsultationCheck, renderConsultationForm, renderConsultationReceipt, renderMyRequests, type FormValues } from './worker-cards.js';
import { safetyResources } from '../../../core/search/match-resources.js';

const formCommand = /^\s*(demander une consultation|demande de consultation|consultation|request a consultation|consultation request)\s*[!.?]*\s*$/i;
const mineCommand = /^\s*(mes demandes|my requests)\s*[!.?]*\s*$/i;

type CardData = Readonly<Record<string, unknown>>;

/** Registers the worker's routes. */
export function registerWorkerRoutes(app: Application, ctx: ConsultationRoutesContext): void {
  const { deps, consultations } = ctx;
  const organisations = () => deps.directory.data.organisations.map((o) => ({ id: o.id, name: o.name }));

  /** Refuses politely outside a 1:1 chat; true when the turn may go on. */
  const inPrivate = async (context: TurnContext) => {
    if (isPersonalChat(context)) return true;
    await context.sendActivity(consultationText(messagesOf(context)).consultPrivateOnly);
    return false;
  };

  const showForm = async (context: TurnContext) => {
    if (!(await inPrivate(context))) return;
    const { category } = submitted<{ category: string }>(context);
    const own = deps.directory.organisationOf(userOf(context))?.id ?? (organisations().length === 1 ? organisations()[0]?.id : undefined);
    const values: FormValues = {
      organisationId: own ?? '',
      category: category && (categories as readonly string[]).includes(category) ? category : '',
      urgency: '',
      description: '',
      contactMethod: 'teams',
      phone: '',
    };
    await sendCards(context, renderConsultationForm(messagesOf(context), { organisations: organisations(), values, reference: newReference() }));
  };

  /** Stores the request and answers with the receipt (after the emergency card, if any). */
  const store = async (context: TurnContext, draft: Draft, urgent: boolean, before: CardAttachment[]) => {
    const kept = [...new Set(findPersonalData(draft.description).map((f) => f.kind))];
    const result = await consultations.submit({ ...draft, urgent, lang: languageOf(context), acknowledgedPersonalData: kept }, userOf(context));
    const t = messagesOf(context);
    if (result.kind === 'unknown-organisation') {
      await showForm(context);
      return;
    }
    if (result.kind === 'submitted') {
      ctx.nudgeOutbox();
      deps.logger.info({ requestId: result.request.id, organisationId: result.request.organisationId, urgency: result.request.urgency, urgent, personalDataKept: kept }, 'consultation submitted');
    }
    const organisation = deps.directory.organisation(result.request.organisationId) ?? { name: result.request.organisationId };
    await sendCards(context, ...before, renderConsultationReceipt(t, result.request, organisation, result.kind === 'duplicate'));
  };

  /** Checks a submitted form; `confirming` is the worker's answer to the personal-data check. */
  const handleForm = async (context: TurnContext, confirming: boolean) => {
    if (!(await inPrivate(context))) return;
    const t = messagesOf(context);
    const data = submitted<CardData>(context) as CardData;
    const reference = isReference(data.reference) ? data.reference : newReference();
    const parsed = parseDraft({ ...data, reference }, deps.directory);
    if (!parsed.draft) {
      await sendCards(context, renderConsultationForm(t, { organisations: organisations(), values: formValuesOf(data), reference, problems: parsed.problems }));
      return;
    }
    let draft = parsed.draft;
    if (confirming && data.mask === true) draft = { ...draft, description: maskPersonalData(draft.description) };
    const review = reviewDraft(draft, ctx.screenDanger);
    const before: CardAttachment[] = [];
    let emergencyShown = data.emergencyShown === true;
    if (review.danger.immediate && !emergencyShown) {
      before.push(renderEmergencyCard(review.danger, safetyResources(deps.knowledge, review.danger), t));
      emergencyShown = true;
    }
    // A confirmation covers only the text the worker saw checked; an edited text is checked again.
    const confirmed = confirming && data.fingerprint === review.fingerprint;
    if (review.findings.length > 0 && !confirmed) {
      const values = { ...formValuesOf(data), description: draft.description };
      await sendCards(context, ...before, renderConsultationCheck(t, { values, reference, findings: review.findings, fingerprint: review.fingerprint, emergencyShown }));
      return;
    }
    await store(context, draft, review.urgent, before);
  };

  const showMine = async (context: TurnContext) => {
    if (!(await inPrivate(context))) return;
    const mine = await consultations.listMine(userOf(context));
    await sendCards(context, renderMyRequests(messagesOf(context), mine.map((r) => consultations.viewOf(r))));
  };

  app.message(isCommand(formCommand), showForm);
  app.adaptiveCards.actionSubmit(verbs.consultationForm, showForm);
  app.adaptiveCards.actionSubmit(verbs.consultationSubmit, (context) => handleForm(context, false));
  app.adaptiveCards.actionSubmit(verbs.consultationConfirm, (context) => handleForm(context, true));
  app.message(isCommand(mineCommand), showMine);
  app.adaptiveCards.actionSubmit(verbs.myRequests, showMine);
}
