/**
 * Expands the Adaptive Card templates of `adaptive-cards/` with `adaptivecards-templating`.
 * Templates are read once; every expansion receives the verbs and the message table of the turn.
 */
import ACData from 'adaptivecards-templating';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Messages } from '../../core/i18n/messages.js';
import { repoPath } from '../../paths.js';
import { verbs } from '../verbs.js';
import { inertData } from './inert-markdown.js';

/** A Bot Framework attachment holding an Adaptive Card. */
export interface CardAttachment {
  readonly contentType: 'application/vnd.microsoft.card.adaptive';
  readonly content: Record<string, unknown>;
}

const templateDir = repoPath('adaptive-cards');
// A Template parses its JSON once and can expand many times (the library's documented use):
// building one per card costs tens of milliseconds.
const cache = new Map<string, ACData.Template>();

function template(name: string): ACData.Template {
  let parsed = cache.get(name);
  if (!parsed) {
    parsed = new ACData.Template(JSON.parse(readFileSync(path.join(templateDir, `${name}.json`), 'utf8')));
    cache.set(name, parsed);
  }
  return parsed;
}

/** Names of every template shipped (used by the gallery and the template tests). */
export function listCardTemplates(): string[] {
  return readdirSync(templateDir).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();
}

/**
 * Cards filled only from the knowledge base (and, in the answer card, the asker's own question):
 * their Markdown links are the guide's tap-to-call numbers and source links, and stay live.
 */
const knowledgeCards: ReadonlySet<string> = new Set(['answer', 'emergency', 'safety-band', 'resources', 'resource-picker', 'clarify']);

/**
 * Expands template `name` with `data` (plus `verbs` and `t`) into a card attachment. Every string
 * of `data` has its Markdown links made inert, since data carries what people typed, except in the
 * cards filled from the knowledge base alone ({@link knowledgeCards}).
 */
export function renderCard(name: string, t: Messages, data: Record<string, unknown> = {}): CardAttachment {
  const safe = knowledgeCards.has(name) ? data : inertData(data);
  const expanded = template(name).expand({ $root: { ...safe, verbs, t } }) as Record<string, unknown>;
  return { contentType: 'application/vnd.microsoft.card.adaptive', content: expanded };
}
