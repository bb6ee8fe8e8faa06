/**
 * « Rechercher dans le guide »: the search message extension of the compose box. A query lists
 * the matching guide entries (title and a short excerpt, no thumbnail); the entry picked is
 * inserted as the answer card into the conversation with colleagues. When the query signals a
 * child in danger, the emergency card comes first, as it does in the chat.
 */
import { safetyResources } from '../../core/search/match-resources.js';
import type { Application } from '@microsoft/teams-ai';
import type { Attachment, MessagingExtensionAttachment, MessagingExtensionResult } from 'botbuilder';
import { detectLanguage, type Language } from '../../core/i18n/detect-language.js';
import { messagesFor } from '../../core/i18n/messages.js';
import type { GuideEntry } from '../../core/knowledge/types.js';
import { findPersonalData } from '../../core/privacy/find-personal-data.js';
import { renderAnswerCard, renderEmergencyCard } from '../cards/answer-cards.js';
import type { BotDeps } from '../deps.js';
import type { Feature } from '../feature.js';

/** The command's id, as in `composeExtensions[0].commands[0].id` of the manifest. */
export const searchGuideCommand = 'rechercherGuide';
/** The most items a search lists. */
export const maxSearchItems = 8;
/** Length of the answer excerpt under each title, in characters. */
const excerptLength = 140;

/** What a listed item sends back to `selectItem`. It returns from the client, so it is checked there. */
type PickedItem = { readonly kind: 'entry'; readonly entryId: string; readonly lang: Language } | { readonly kind: 'emergency'; readonly lifeAtRisk: boolean; readonly lang: Language };

/** Markdown to one plain line, cut at a word boundary. */
function excerptOf(markdown: string, length = excerptLength): string {
  const plain = markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>]+/g, '')
    .replace(/^\s*[-•]\s+/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (plain.length <= length) return plain;
  const cut = plain.slice(0, length);
  return `${cut.slice(0, cut.lastIndexOf(' ') > length / 2 ? cut.lastIndexOf(' ') : length)}…`;
}

/** A list item: a thumbnail card without image, whose tap asks `selectItem` for the real card. */
function listItem(title: string, text: string, picked: PickedItem): MessagingExtensionAttachment {
  const preview: Attachment = { contentType: 'application/vnd.microsoft.card.thumbnail', content: { title, text, tap: { type: 'invoke', value: picked } } };
  return { contentType: preview.contentType, content: { title, text }, preview };
}

function entryItem(entry: GuideEntry, lang: Language): MessagingExtensionAttachment {
  const english = lang === 'en' ? entry.en : undefined;
  return listItem(english?.title ?? entry.title, excerptOf(english?.answer ?? entry.answer), { kind: 'entry', entryId: entry.id, lang });
}

const list = (attachments: MessagingExtensionAttachment[]): MessagingExtensionResult => ({ type: 'result', attachmentLayout: 'list', attachments });

function readPicked(value: unknown): PickedItem | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const lang: Language = v.lang === 'en' ? 'en' : 'fr';
  if (v.kind === 'entry' && typeof v.entryId === 'string') return { kind: 'entry', entryId: v.entryId, lang };
  if (v.kind === 'emergency') return { kind: 'emergency', lifeAtRisk: v.lifeAtRisk === true, lang };
  return undefined;
}

/** « Rechercher dans le guide » from the compose box. */
export function messageExtensionFeature(deps: Pick<BotDeps, 'answerer' | 'knowledge' | 'logger'>): Feature {
  return { name: 'message-extension', messages: [['main', messagesFor]], cards: ['answer', 'emergency'], routes: (app) => registerMessageExtension(app, deps) };
}

/** Registers the search (`composeExtension/query`) and the insertion of the picked item (`composeExtension/selectItem`). */
export function registerMessageExtension(app: Application, deps: Pick<BotDeps, 'answerer' | 'knowledge' | 'logger'>): void {
  app.messageExtensions.query(searchGuideCommand, async (_context, _state, query) => {
    const raw: unknown = query.parameters.query;
    const text = typeof raw === 'string' ? raw.trim() : '';
    // Every result fits on the first page; Teams asks for more (skip > 0) when the list is scrolled.
    if (!text || query.skip > 0) return list([]);
    const lang = detectLanguage(text);
    // Remembered only when the privacy check finds nothing, as in the chat: the decision cache keeps
    // no text that seems to identify someone.
    const decision = deps.answerer.decide(text, findPersonalData(text).length === 0);
    // The query itself is never logged: it may describe a young person.
    deps.logger.info({ decision: decision.kind, results: decision.results.length }, 'guide searched from the compose box');
    const items = decision.kind === 'out-of-scope' ? [] : decision.results.map((r) => entryItem(r.entry, lang));
    // Any danger word puts the numbers to call first, even when nothing else matched.
    if (decision.danger.safety !== 'none') {
      const t = messagesFor(lang);
      items.unshift(listItem(t.emergencyTitle, excerptOf(t.emergencyCall911), { kind: 'emergency', lifeAtRisk: decision.danger.lifeAtRisk, lang }));
    }
    return list(items.slice(0, maxSearchItems));
  });

  app.messageExtensions.selectItem(async (_context, _state, value: unknown) => {
    const picked = readPicked(value);
    const t = messagesFor(picked?.lang ?? 'fr');
    if (picked?.kind === 'emergency') {
      const danger = { safety: 'emergency', immediate: true, lifeAtRisk: picked.lifeAtRisk } as const;
      return list([renderEmergencyCard(danger, safetyResources(deps.knowledge, danger), t)]);
    }
    const entry = picked ? deps.knowledge.entryById.get(picked.entryId) : undefined;
    // An entry removed since the search (the guide was reloaded): say so instead of inserting nothing.
    if (!entry) return { type: 'message', text: t.unknownAction };
    // No question in the card: what was typed in the search box is not shared with the conversation.
    return list([renderAnswerCard(entry, deps.knowledge, t, '')]);
  });
}
