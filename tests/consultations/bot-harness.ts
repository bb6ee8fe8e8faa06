/**
 * Drives the consultations feature through the real teams-ai Application with botbuilder's
 * TestAdapter: messages, card submits and Action.Execute invokes from the demo people, a recording
 * sender behind a real outbox, a clock the test moves, and the log lines captured.
 */
import { Application } from '@microsoft/teams-ai';
import { MemoryStorage, TestAdapter, type Activity, type TurnContext } from 'botbuilder';
import { readConfig } from '../../bot/config.js';
import { createConsultations, type Consultations } from '../../bot/core/consultations/consultations.js';
import { consultationsPartition } from '../../bot/core/consultations/records.js';
import { createOutbox, type Outbox } from '../../bot/core/delivery/outbox.js';
import { loadKnowledge } from '../../bot/core/knowledge/load-knowledge.js';
import type { DangerSignal } from '../../bot/core/search/decision.js';
import { createLogger } from '../../bot/logger.js';
import { repoPath } from '../../bot/paths.js';
import { createMemoryStore } from '../../bot/storage/memory-store.js';
import type { CardAttachment } from '../../bot/teams/cards/render-card.js';
import type { BotDeps } from '../../bot/teams/deps.js';
import { checkFeatures, mountRoutes } from '../../bot/teams/feature.js';
import { consultationsFeature } from '../../bot/teams/features/consultations/consultations-feature.js';
import { messagesFor } from '../../bot/core/i18n/messages.js';
import { demoDirectory, manualClock, recordingSender } from './helpers.js';

/** Someone who writes to Balise. */
export interface Person {
  readonly id: string;
  readonly aadObjectId: string;
  readonly name: string;
}

/** A TestAdapter that remembers the activities the bot updated (cards replaced for everyone). */
class RecordingAdapter extends TestAdapter {
  readonly updated: Array<Partial<Activity>> = [];
  override async updateActivity(context: TurnContext, activity: Partial<Activity>): Promise<void> {
    this.updated.push(activity);
    await super.updateActivity(context, activity);
  }
}

const knowledge = (() => {
  const loaded = loadKnowledge(repoPath('knowledge'));
  if (!loaded.knowledge) throw new Error('test: knowledge base invalid');
  return loaded.knowledge;
})();

/** Danger in a test description: the word "danger" (the real screen belongs to the search core). */
export const testScreen = (text: string): DangerSignal => ({ safety: /danger/i.test(text) ? 'emergency' : 'none', immediate: /danger/i.test(text), lifeAtRisk: /suicid/i.test(text) });

/** A bot with the consultations feature, and what a test needs to drive and observe it. */
export function consultationBot(options: { realScreen?: boolean } = {}) {
  const store = createMemoryStore();
  const clock = manualClock();
  const recorder = recordingSender();
  const outbox: Outbox = createOutbox({ store, sender: recorder.sender, now: clock.now, partitions: [consultationsPartition] }, { random: () => 0 });
  const directory = demoDirectory();
  const consultations: Consultations = createConsultations({ store, outbox, directory, now: clock.now });
  const logLines: string[] = [];
  const logger = createLogger('info', { write: (line: string) => void logLines.push(line) });
  const deps: BotDeps = {
    config: readConfig({}),
    logger,
    store,
    knowledge,
    answerer: { decide: () => { throw new Error('test: the answerer is not used by consultations'); } },
    directory,
    now: clock.now,
    outbox,
  };
  const app = new Application({ storage: new MemoryStorage(), startTypingTimer: false });
  const feature = consultationsFeature(deps, { consultations, ...(options.realScreen ? {} : { screenDanger: testScreen }), deliverNow: false });
  const renderers = checkFeatures([feature]);
  mountRoutes(app, [feature]);
  const adapter = new RecordingAdapter();

  const base = (who: Person, conversationType = 'personal'): Partial<Activity> => ({
    channelId: 'msteams',
    from: { id: who.id, aadObjectId: who.aadObjectId, name: who.name },
    conversation: { id: `a:chat-${who.id}`, conversationType, isGroup: conversationType !== 'personal', name: '' },
    serviceUrl: 'https://smba.example/teams/',
  });

  /** Runs one activity and returns what the bot sent back in that turn (turns may run concurrently). */
  async function run(activity: Partial<Activity>): Promise<Array<Partial<Activity>>> {
    const replies: Array<Partial<Activity>> = [];
    await adapter.processActivity(activity, async (context) => {
      context.onSendActivities(async (_ctx, activities, next) => {
        replies.push(...activities);
        return next();
      });
      await app.run(context);
    });
    return replies;
  }

  return {
    store,
    clock,
    outbox,
    consultations,
    deps,
    adapter,
    logLines,
    sent: recorder.sent,
    say: (who: Person, text: string, conversationType?: string) => run({ ...base(who, conversationType), type: 'message', text }),
    submit: (who: Person, value: Record<string, unknown>, conversationType?: string) => run({ ...base(who, conversationType), type: 'message', value }),
    /** An Action.Execute click on a card (`replyToId` is the card's message). */
    execute: async (who: Person, verb: string, data: Record<string, unknown>, overrides: Partial<Activity> = {}) => {
      const replies = await run({ ...base(who), type: 'invoke', name: 'adaptiveCard/action', replyToId: 'card-1', value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' }, ...overrides });
      const responses = replies.filter((a) => a.type === 'invokeResponse');
      // An invoke gets exactly one answer.
      if (responses.length !== 1) throw new Error(`test: ${responses.length} invoke responses`);
      return responses[0]?.value as { status: number; body: { type: string; value: unknown } };
    },
    /** Renders what the outbox delivered, as the Teams sender would. */
    renderSent: (index: number): CardAttachment => {
      const message = recorder.sent[index];
      const render = message && renderers.get(message.payload.kind);
      if (!message || !render) throw new Error(`test: nothing rendered at ${index}`);
      return render(message.payload, messagesFor(message.payload.data.lang === 'en' ? 'en' : 'fr'));
    },
  };
}

/** The cards of a reply list. */
export function cardsOf(replies: ReadonlyArray<Partial<Activity>>): Array<Record<string, unknown>> {
  return replies.flatMap((a) => (a.attachments ?? []).map((x) => x.content as Record<string, unknown>));
}

/** Every node of a card (depth first) that satisfies `test`. */
export function findNodes(node: unknown, test: (n: Record<string, unknown>) => boolean): Array<Record<string, unknown>> {
  if (Array.isArray(node)) return node.flatMap((n) => findNodes(n, test));
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  return [...(test(record) ? [record] : []), ...Object.values(record).flatMap((v) => findNodes(v, test))];
}

/** All the text a card shows (TextBlocks and facts), joined. */
export function textOfCard(card: unknown): string {
  return findNodes(card, (n) => n.type === 'TextBlock' || (typeof n.title === 'string' && typeof n.value === 'string'))
    .map((n) => (n.type === 'TextBlock' ? String(n.text) : `${String(n.title)} ${String(n.value)}`))
    .join('\n')
    .replace(/[\u202f\u00a0]/g, ' '); // French spacing (no-break spaces) is tested in tests/i18n
}
