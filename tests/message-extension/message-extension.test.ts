/**
 * The « Rechercher dans le guide » message extension, driven through the real teams-ai Application
 * with botbuilder's TestAdapter: `composeExtension/query` and `composeExtension/selectItem`
 * invokes in, invoke responses out. The knowledge base and the answerer are the real ones; the
 * edge cases (emergency, English, paging, more than 8 results) use fixed decisions.
 */
import { safetyResources } from '../../bot/core/search/match-resources.js';
import { Application } from '@microsoft/teams-ai';
import { MemoryStorage, TestAdapter, type Activity, type MessagingExtensionResult } from 'botbuilder';
import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { messagesFor } from '../../bot/core/i18n/messages.js';
import { loadKnowledge } from '../../bot/core/knowledge/load-knowledge.js';
import type { GuideEntry, KnowledgeBase } from '../../bot/core/knowledge/types.js';
import { createAnswerer } from '../../bot/core/search/create-answerer.js';
import type { Decision, QuestionAnswerer } from '../../bot/core/search/decision.js';
import { createLogger, type Logger } from '../../bot/logger.js';
import { repoPath } from '../../bot/paths.js';
import { renderEmergencyCard } from '../../bot/teams/cards/answer-cards.js';
import { maxSearchItems, registerMessageExtension, searchGuideCommand } from '../../bot/teams/features/message-extension.js';

interface InvokeResponse {
  readonly status: number;
  readonly body: { composeExtension: MessagingExtensionResult };
}

/** An answerer that always returns `decision` (with the question asked). */
const fixed = (decision: Omit<Decision, 'question'>): QuestionAnswerer => ({ decide: (question) => ({ ...decision, question }) });
const noDanger = { safety: 'none', immediate: false, lifeAtRisk: false } as const;

let kb: KnowledgeBase;
let answerer: QuestionAnswerer;
let logLines: string[];
let logger: Logger;

beforeAll(() => {
  const loaded = loadKnowledge(repoPath('knowledge'));
  if (!loaded.knowledge) throw new Error('the knowledge base does not load: run npm run kb:check');
  kb = loaded.knowledge;
  answerer = createAnswerer(kb);
  logLines = [];
  logger = createLogger('info', new Writable({ write: (chunk: Buffer, _enc, done) => { logLines.push(chunk.toString()); done(); } }));
});

function appWith(withAnswerer: QuestionAnswerer): Application {
  const app = new Application({ storage: new MemoryStorage() });
  registerMessageExtension(app, { answerer: withAnswerer, knowledge: kb, logger });
  return app;
}

/** Sends one invoke from a group chat, as Teams does from the compose box, and returns the invoke response. */
async function invoke(app: Application, name: string, value: unknown): Promise<InvokeResponse> {
  const adapter = new TestAdapter(async (context) => {
    await app.run(context);
  });
  await adapter.processActivity({
    type: 'invoke',
    name,
    value,
    channelId: 'msteams',
    from: { id: 'user-1', name: 'Intervenante' },
    conversation: { id: 'group-chat-1', conversationType: 'groupChat', isGroup: true, name: 'Collègues' },
  } as Partial<Activity>);
  const response = adapter.activeQueue.find((a) => a.type === 'invokeResponse');
  if (!response) throw new Error(`no invoke response to ${name}`);
  return response.value as InvokeResponse;
}

const search = (app: Application, query: string, skip = 0) =>
  invoke(app, 'composeExtension/query', { commandId: searchGuideCommand, parameters: [{ name: 'query', value: query }], queryOptions: { skip, count: 25 } });
const entry = (id: string): GuideEntry => kb.entryById.get(id) ?? (() => { throw new Error(`no entry ${id}`); })();

describe('the « Rechercher dans le guide » search', () => {
  it('lists guide entries as image-free previews whose tap selects the entry', async () => {
    const target = entry('obligation-signalement-dpj');
    const { status, body } = await search(appWith(answerer), target.title);
    expect(status).toBe(200);
    expect(body.composeExtension).toMatchObject({ type: 'result', attachmentLayout: 'list' });
    const items = body.composeExtension.attachments ?? [];
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(maxSearchItems);
    for (const item of items) {
      expect(item.preview?.contentType).toBe('application/vnd.microsoft.card.thumbnail');
      const content = item.preview?.content as { title: string; text: string; images?: unknown; tap: { type: string; value: { kind: string; entryId: string } } };
      expect(content.images).toBeUndefined();
      expect(content.tap.type).toBe('invoke');
      expect(content.tap.value.kind).toBe('entry');
      expect(content.title).toBe(entry(content.tap.value.entryId).title);
      expect(content.text.length).toBeLessThanOrEqual(141);
      expect(content.text).not.toContain('**');
    }
    expect(items.map((i) => (i.preview?.content as { title: string }).title)).toContain(target.title);
  });

  it('keeps in the decision cache only searches the privacy check finds nothing in', async () => {
    const own = createAnswerer(kb);
    const identifying = "recrutement Océane Tremblay née le 14 mars 2010";
    await search(appWith(own), identifying);
    await search(appWith(own), 'recrutement dans les écoles');
    expect(own.recall?.(identifying)).toBeUndefined();
    expect(own.recall?.('recrutement dans les écoles')).toBeDefined();
  });

  it('lists at most 8 entries', async () => {
    const results = kb.entries.slice(0, 12).map((e) => ({ entry: e, confidence: 0.4 }));
    const { body } = await search(appWith(fixed({ kind: 'clarify', results, resources: [], safetyResources: [], danger: noDanger })), 'recrutement');
    expect(body.composeExtension.attachments).toHaveLength(8);
  });

  it('shows English titles when the search is in English', async () => {
    const english = kb.entries.find((e) => e.en) ?? entry('age-consentement');
    const app = appWith(fixed({ kind: 'answer', results: [{ entry: english, confidence: 0.9 }], resources: [], safetyResources: [], danger: noDanger }));
    const { body } = await search(app, 'what is the age of consent in Canada');
    const preview = body.composeExtension.attachments?.[0]?.preview?.content as { title: string; tap: { value: { lang: string } } };
    expect(preview.title).toBe(english.en?.title);
    expect(preview.tap.value.lang).toBe('en');
  });

  it('puts the emergency card first when the search signals a child in danger', async () => {
    const danger = { safety: 'emergency', immediate: true, lifeAtRisk: true } as const;
    const app = appWith(fixed({ kind: 'emergency', results: [{ entry: entry('obligation-signalement-dpj'), confidence: 0.7 }], resources: [], safetyResources: [], danger }));
    const { body } = await search(app, 'une jeune est en danger maintenant chez son proxénète');
    const items = body.composeExtension.attachments ?? [];
    expect(items).toHaveLength(2);
    const first = items[0]?.preview?.content as { title: string; tap: { value: unknown } };
    expect(first.title).toBe(messagesFor('fr').emergencyTitle);

    const picked = await invoke(app, 'composeExtension/selectItem', first.tap.value);
    expect(picked.body.composeExtension.attachments?.[0]?.content).toEqual(renderEmergencyCard(danger, safetyResources(kb, danger), messagesFor('fr')).content);
  });

  it('screens the search for danger as the chat does', async () => {
    const { body } = await search(appWith(answerer), 'une jeune est en danger maintenant');
    expect((body.composeExtension.attachments?.[0]?.preview?.content as { title: string }).title).toBe(messagesFor('fr').emergencyTitle);
  });

  it('lists nothing for an empty search, an out-of-scope one, or a second page', async () => {
    const withResults = appWith(fixed({ kind: 'answer', results: [{ entry: kb.entries[0]!, confidence: 0.9 }], resources: [], safetyResources: [], danger: noDanger }));
    const outOfScope = appWith(fixed({ kind: 'out-of-scope', results: [{ entry: kb.entries[0]!, confidence: 0.1 }], resources: [], safetyResources: [], danger: noDanger }));
    expect((await search(withResults, '   ')).body.composeExtension.attachments).toEqual([]);
    expect((await search(withResults, 'signalement', 25)).body.composeExtension.attachments).toEqual([]);
    expect((await search(outOfScope, 'recette de tarte au sucre')).body.composeExtension.attachments).toEqual([]);
  });

  it('never writes the search text to the log', async () => {
    logLines.length = 0;
    await search(appWith(answerer), 'Mélanie 14 ans fugue recrutement');
    expect(logLines.join('')).toContain('guide searched from the compose box');
    expect(logLines.join('')).not.toContain('Mélanie');
  });
});

describe('inserting the picked entry', () => {
  it('returns the answer card of the entry, without the search text', async () => {
    const target = entry('obligation-signalement-dpj');
    const { status, body } = await invoke(appWith(answerer), 'composeExtension/selectItem', { kind: 'entry', entryId: target.id, lang: 'fr' });
    expect(status).toBe(200);
    expect(body.composeExtension).toMatchObject({ type: 'result', attachmentLayout: 'list' });
    const card = body.composeExtension.attachments?.[0];
    expect(card?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const content = card?.content as { body: { text?: string }[]; actions: { data: { entryId: string; question?: string } }[] };
    expect(content.body[0]?.text).toBe(target.title);
    expect(content.actions[0]?.data).toMatchObject({ entryId: target.id, question: '' });
  });

  it('says the action is no longer available when the entry is gone or the item is malformed', async () => {
    const app = appWith(answerer);
    for (const value of [{ kind: 'entry', entryId: 'retiree-du-guide', lang: 'fr' }, 'texte', null]) {
      const { body } = await invoke(app, 'composeExtension/selectItem', value);
      expect(body.composeExtension).toEqual({ type: 'message', text: messagesFor('fr').unknownAction });
    }
  });
});
