/** Typed render functions of the cards that answer a question. */
import { randomUUID } from 'node:crypto';
import { getOrAdd } from '../../core/get-or-add.js';
import type { DangerSignal } from '../../core/search/decision.js';
import type { Messages } from '../../core/i18n/messages.js';
import type { GuideEntry, KnowledgeBase, Resource } from '../../core/knowledge/types.js';
import { orderAnswerResources, presentResource, presentResources } from '../../core/resources/present-resources.js';
import { buttonLabel, describeSources } from './entry-labels.js';
import { renderCard, type CardAttachment } from './render-card.js';

const lang = (t: Messages) => (t.lang === 'en' ? 'en' : 'fr');

/** A paragraph right after a bullet list would be read as part of the last bullet: keep it apart. */
export function separateParagraphs(markdown: string): string {
  return markdown.trim().replace(/^(- .*)\n(?!- |\n)/gm, '$1\n\n');
}

/**
 * The answer: the entry, its main sources by name and review date, resources, related topics, feedback.
 * `shownResourceIds`: resources already given by a card above it (the emergency card), left out.
 * The template is expanded once per knowledge base, entry, message table and left-out resources
 * ({@link answerCardTemplate}); each call gets its own copy carrying its question.
 */
export function renderAnswerCard(entry: GuideEntry, kb: KnowledgeBase, t: Messages, question: string, shownResourceIds: readonly string[] = []): CardAttachment {
  return { contentType: 'application/vnd.microsoft.card.adaptive', content: withQuestion(answerCardTemplate(entry, kb, t, shownResourceIds), question) };
}

/**
 * Stands for the asker's question in a remembered answer card. The question is a value of the card
 * data only (the feedback buttons), never part of a text, so putting it in later gives the card that
 * expanding it with the question would.
 */
const questionStandIn = `balise-question-${randomUUID()}`;
/** Expanded answer cards by knowledge base (a reloaded guide starts afresh), entry, table and left-out resources. */
const expandedAnswers = new WeakMap<KnowledgeBase, WeakMap<GuideEntry, Map<Messages, Map<string, Readonly<Record<string, unknown>>>>>>();

/** The answer card's content with {@link questionStandIn} for the question, expanded on first use. */
function answerCardTemplate(entry: GuideEntry, kb: KnowledgeBase, t: Messages, shownResourceIds: readonly string[]): Readonly<Record<string, unknown>> {
  const byEntry = getOrAdd(expandedAnswers, kb, () => new WeakMap());
  const byShown = getOrAdd(getOrAdd(byEntry, entry, () => new Map()), t, () => new Map());
  return getOrAdd(byShown, shownResourceIds.join('\n'), () => expandAnswerCard(entry, kb, t, questionStandIn, shownResourceIds).content);
}

/** A fresh copy of `node` with the question in place of {@link questionStandIn}. */
function withQuestion<T>(node: T, question: string): T {
  if (node === questionStandIn) return question as T;
  if (Array.isArray(node)) return node.map((child: unknown) => withQuestion(child, question)) as T;
  if (typeof node === 'object' && node !== null) {
    const copy: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(node)) copy[key] = withQuestion(child, question);
    return copy as T;
  }
  return node;
}

/** Expands the answer template for one question (what {@link renderAnswerCard} remembers, with a stand-in question). */
export function expandAnswerCard(entry: GuideEntry, kb: KnowledgeBase, t: Messages, question: string, shownResourceIds: readonly string[] = []): CardAttachment {
  const english = lang(t) === 'en' && entry.en;
  return renderCard('answer', t, {
    id: entry.id,
    title: english ? entry.en?.title : entry.title,
    answer: separateParagraphs((english ? entry.en?.answer : entry.answer) ?? ''),
    frenchOnly: lang(t) === 'en' && !entry.en,
    category: entry.category,
    sources: describeSources(entry, kb, lang(t)),
    reviewedOn: entry.reviewedOn,
    question,
    ...answerResources(entry, kb, t, shownResourceIds),
    related: entry.related
      .map((id) => kb.entryById.get(id))
      .filter((e): e is GuideEntry => e !== undefined)
      .slice(0, 3)
      .map((e) => ({ id: e.id, title: buttonLabel(e, lang(t)) })),
  });
}

/** The resources block of an answer card: what the text names and what answers now first; notes said once. */
function answerResources(entry: GuideEntry, kb: KnowledgeBase, t: Messages, shownResourceIds: readonly string[]) {
  const ids = entry.resources.filter((id) => !shownResourceIds.includes(id));
  const { resources, hiddenNote, checkedNote } = presentResources(orderAnswerResources(kb, ids, entry.answer), lang(t));
  return { resources, resourcesNote: [hiddenNote, checkedNote].filter(Boolean).join(' ') || null };
}

/**
 * The emergency card, in the order a person in that moment needs it: 911, then (a life at risk)
 * the suicide line, then the DPJ reporting duty and its number, then the other urgent resources.
 * `resources` are the decision's `safetyResources`, rendered as given; the notes said once, at the end.
 */
export function renderEmergencyCard(danger: DangerSignal, resources: readonly Resource[], t: Messages): CardAttachment {
  const { resources: views, hiddenNote, checkedNote } = presentResources(resources, lang(t));
  const shown = views.map((v, i) => ({ ...v, reporting: resources[i]?.needs.includes('signalement') ?? false }));
  const cut = shown.findIndex((r) => r.reporting);
  return renderCard('emergency', t, {
    lifeAtRisk: danger.lifeAtRisk,
    first: cut < 0 ? shown : shown.slice(0, cut),
    after: cut < 0 ? [] : shown.slice(cut),
    resourcesNote: [hiddenNote, checkedNote].filter(Boolean).join(' ') || null,
  });
}

/**
 * The safety band: a short strip above any reply to a message with danger words that are not
 * clearly current (911, the suicide line when a life may be at risk, the DPJ).
 */
export function renderSafetyBand(danger: DangerSignal, resources: readonly Resource[], t: Messages): CardAttachment {
  return renderCard('safety-band', t, {
    lifeAtRisk: danger.lifeAtRisk,
    resources: resources.map((r) => {
      const shown = presentResource(r, lang(t));
      return { name: shown.name, line: shown.lines[0]?.markdown ?? '' };
    }),
  });
}

/** "Did you mean": up to three choices as buttons. */
export function renderClarifyCard(choices: readonly GuideEntry[], t: Messages): CardAttachment {
  return renderCard('clarify', t, { choices: choices.slice(0, 3).map((e) => ({ id: e.id, title: buttonLabel(e, lang(t)) })) });
}

/** The honest "I don't know", with the consultation button. */
export function renderUnknownCard(t: Messages): CardAttachment {
  return renderCard('unknown', t);
}

/** A polite refusal for questions outside the domain. */
export function renderOutOfScopeCard(t: Messages): CardAttachment {
  return renderCard('out-of-scope', t);
}

/** A list of resources under a title; the hidden-contacts and check-date notes said once, at the end. */
export function renderResourcesCard(title: string, resources: readonly Resource[], t: Messages): CardAttachment {
  const { resources: views, hiddenNote, checkedNote } = presentResources(resources, lang(t));
  return renderCard('resources', t, { title, resources: views, resourcesNote: [hiddenNote, checkedNote].filter(Boolean).join(' ') || null });
}
