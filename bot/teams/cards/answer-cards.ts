/** Typed render functions of the cards that answer a question. */
import type { DangerSignal } from '../../core/search/decision.js';
import type { Messages } from '../../core/i18n/messages.js';
import type { GuideEntry, KnowledgeBase, Resource } from '../../core/knowledge/types.js';
import { orderAnswerResources, presentResource, presentResources, resourcesByIds } from '../../core/resources/present-resources.js';
import { buttonLabel, describeSources } from './entry-labels.js';
import { renderCard, type CardAttachment } from './render-card.js';

const lang = (t: Messages) => (t.lang === 'en' ? 'en' : 'fr');

/** A paragraph right after a bullet list would be read as part of the last bullet: keep it apart. */
export function separateParagraphs(markdown: string): string {
  return markdown.trim().replace(/^(- .*)\n(?!- |\n)/gm, '$1\n\n');
}

/** The answer: the entry, its main sources by name and review date, resources, related topics, feedback. */
export function renderAnswerCard(entry: GuideEntry, kb: KnowledgeBase, t: Messages, question: string): CardAttachment {
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
    ...answerResources(entry, kb, t),
    related: entry.related
      .map((id) => kb.entryById.get(id))
      .filter((e): e is GuideEntry => e !== undefined)
      .slice(0, 3)
      .map((e) => ({ id: e.id, title: buttonLabel(e, lang(t)) })),
  });
}

/** The resources block of an answer card: what the text names and what answers now first; notes said once. */
function answerResources(entry: GuideEntry, kb: KnowledgeBase, t: Messages) {
  const { resources, hiddenNote, checkedNote } = presentResources(orderAnswerResources(kb, entry.resources, entry.answer), lang(t));
  return { resources, resourcesNote: [hiddenNote, checkedNote].filter(Boolean).join(' ') || null };
}

/** 911 and the DPJ reporting duty, with the numbers from the resources; the suicide line when a life is at risk. */
export function renderEmergencyCard(danger: DangerSignal, kb: KnowledgeBase, t: Messages): CardAttachment {
  const ids = ['urgence-911', 'dpj-capitale-nationale', ...(danger.lifeAtRisk ? ['prevention-suicide'] : [])];
  return renderCard('emergency', t, {
    lifeAtRisk: danger.lifeAtRisk,
    resources: resourcesByIds(kb, ids).map((r) => presentResource(r, lang(t))),
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
