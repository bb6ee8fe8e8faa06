/**
 * Shared test rig of the trainings tests: a hand-moved clock, the demo directory, the real outbox
 * over a given store with a sender that renders every payload through the feature's renderers and
 * records it, and the real teams-ai Application driven by botbuilder's TestAdapter.
 */
import { Application } from '@microsoft/teams-ai';
import { TestAdapter, TurnContext, type Activity, type Attachment } from 'botbuilder';
import { readConfig } from '../../bot/config.js';
import type { Payload, Recipient, SendOutcome, Sender } from '../../bot/core/delivery/delivery-types.js';
import { createOutbox, type Outbox } from '../../bot/core/delivery/outbox.js';
import { loadDirectory, type Directory } from '../../bot/core/directory/directory.js';
import { messagesFor } from '../../bot/core/i18n/messages.js';
import type { RecordStore } from '../../bot/core/storage/record-store.js';
import { trainingsPartition } from '../../bot/core/trainings/session-types.js';
import { createLogger } from '../../bot/logger.js';
import { repoPath } from '../../bot/paths.js';
import { saveReference } from '../../bot/teams/conversation-refs.js';
import type { CardAttachment } from '../../bot/teams/cards/render-card.js';
import type { BotDeps } from '../../bot/teams/deps.js';
import type { PayloadRenderer } from '../../bot/teams/delivery/teams-sender.js';
import { checkFeatures, mountRoutes } from '../../bot/teams/feature.js';
import { trainingsFeature, type TrainingsOptions } from '../../bot/teams/features/trainings/trainings.js';
import { createTurnStateStorage } from '../../bot/teams/turn-state-storage.js';

/** A clock tests move by hand. */
export function manualClock(start = '2026-11-28T15:00:00Z') {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms: number) => (t += ms), set: (iso: string) => (t = Date.parse(iso)) };
}

/** The demo directory: user-id-0 Sophie (intervenante), user-id-2 Isabelle and user-id-5 Nathalie (coordinators). */
export function demoDirectory(): Directory {
  const { directory } = loadDirectory(repoPath('demo', 'annuaire-demo.yaml'));
  if (!directory) throw new Error('the demo directory does not load');
  return directory;
}

/** People of the demo directory. */
export const sophie = { id: 'user-id-0', aadObjectId: '00000000-0000-4000-8000-000000000100', name: 'Sophie Tremblay' };
export const marc = { id: 'user-id-1', aadObjectId: '00000000-0000-4000-8000-000000000101', name: 'Marc-André Gagnon' };
export const isabelle = { id: 'user-id-2', aadObjectId: '00000000-0000-4000-8000-000000000102', name: 'Isabelle Roy' };
export const nathalie = { id: 'user-id-5', aadObjectId: '00000000-0000-4000-8000-000000000105', name: 'Nathalie Côté' };
export const eric = { id: 'user-id-6', aadObjectId: '00000000-0000-4000-8000-000000000106', name: 'Éric Pelletier' };

/** One message the sender delivered. */
export interface SentMessage {
  readonly to: string;
  readonly kind: string;
  readonly card: CardAttachment;
}

const who = (r: Recipient) => (r.kind === 'user' ? r.userId : r.conversationId);

/** A sender that renders each payload with the registered renderers (as the Teams sender does) and records it. */
export function recordingSender(renderers: ReadonlyMap<string, PayloadRenderer>, outcome: (r: Recipient) => SendOutcome = () => ({ ok: true })) {
  const sent: SentMessage[] = [];
  const sender: Sender = {
    async send(recipient: Recipient, payload: Payload) {
      const render = renderers.get(payload.kind);
      if (!render) throw new Error(`no renderer for ${payload.kind}`);
      const card = render(payload, messagesFor(payload.data.lang === 'en' ? 'en' : 'fr'));
      const result = outcome(recipient);
      if (result.ok) sent.push({ to: who(recipient), kind: payload.kind, card });
      return result;
    },
  };
  return { sender, sent };
}

/** A feature test rig: deps, the real outbox, the app, and a way to talk to it. */
export interface Rig {
  readonly deps: BotDeps;
  readonly outbox: Outbox;
  readonly sent: SentMessage[];
  readonly clock: ReturnType<typeof manualClock>;
  readonly adapter: TestAdapter;
  /** Sends an activity from `user` (personal chat unless `conversationType` says otherwise); resolves with the replies. */
  say(user: { id: string; aadObjectId?: string; name?: string }, activity: Partial<Activity>, conversationType?: string): Promise<Array<Partial<Activity>>>;
  /** Sends a card submit with `value`. */
  submit(user: { id: string; aadObjectId?: string; name?: string }, value: Record<string, unknown>, conversationType?: string): Promise<Array<Partial<Activity>>>;
  /** Records that `user` installed Balise (their personal-chat reference). */
  install(user: { id: string; aadObjectId?: string; name?: string }): Promise<void>;
  /** Drains the outbox until nothing is due. */
  drain(): Promise<void>;
}

/** Builds the real Application with the trainings feature on a TestAdapter. */
export function createRig(store: RecordStore, options: TrainingsOptions & { outcome?: (r: Recipient) => SendOutcome } = {}): Rig {
  const clock = manualClock();
  const renderers = new Map<string, PayloadRenderer>();
  const { sender, sent } = recordingSender(renderers, options.outcome);
  const outbox = createOutbox({ store, sender, now: clock.now, partitions: [trainingsPartition] }, { concurrency: 8 });
  const deps: BotDeps = {
    config: readConfig({ BALISE_STORAGE: 'memory', BALISE_DEMO: 'false', PORT: '3978' }),
    logger: createLogger('silent'),
    store,
    knowledge: undefined as never,
    answerer: undefined as never,
    directory: demoDirectory(),
    now: clock.now,
    outbox,
  };
  const app = new Application({ storage: createTurnStateStorage(store), startTypingTimer: false, longRunningMessages: false });
  const feature = trainingsFeature(deps, { publicUrl: 'https://balise.example', progressEveryMs: 0, ...options });
  for (const [kind, render] of checkFeatures([feature])) renderers.set(kind, render);
  mountRoutes(app, [feature]);
  const adapter = new TestAdapter(async (context) => {
    await app.run(context);
  });
  const conversationOf = (userId: string, conversationType: string) =>
    conversationType === 'personal'
      ? { id: `personal-${userId}`, conversationType, isGroup: false, name: '' }
      : { id: '19:channel@thread.tacv2', conversationType, isGroup: true, name: '' };
  const say: Rig['say'] = async (user, activity, conversationType = 'personal') => {
    adapter.activeQueue.splice(0);
    await adapter.processActivity({
      type: 'message',
      channelId: 'msteams',
      serviceUrl: 'https://smba.example/amer/',
      from: { id: user.id, aadObjectId: user.aadObjectId, name: user.name ?? '' },
      recipient: { id: 'bot', name: 'Balise' },
      conversation: conversationOf(user.id, conversationType),
      ...activity,
    } as Partial<Activity>);
    return adapter.activeQueue.splice(0);
  };
  return {
    deps,
    outbox,
    sent,
    clock,
    adapter,
    say,
    submit: (user, value, conversationType) => say(user, { value }, conversationType),
    async install(user) {
      const activity = {
        type: 'conversationUpdate',
        channelId: 'msteams',
        serviceUrl: 'https://smba.example/amer/',
        from: { id: user.id, aadObjectId: user.aadObjectId, name: user.name ?? '' },
        recipient: { id: 'bot', name: 'Balise' },
        conversation: conversationOf(user.id, 'personal'),
      } as Activity;
      await saveReference(store, new TurnContext(adapter, activity));
    },
    async drain() {
      for (let i = 0; i < 50 && (await outbox.drainOnce()) > 0; i++);
    },
  };
}

/** The Adaptive Card contents of replies. */
export function cardsOf(replies: ReadonlyArray<Partial<Activity>>): Array<Record<string, unknown>> {
  return replies.flatMap((r) => (r.attachments ?? []).map((a: Attachment) => a.content as Record<string, unknown>));
}

/** The plain texts of replies. */
export function textsOf(replies: ReadonlyArray<Partial<Activity>>): string[] {
  return replies.map((r) => r.text ?? '').filter((t) => t !== '');
}

/** Every Action.Submit data and Action.OpenUrl url of a card. */
export function actionsOf(card: unknown): { submits: Array<Record<string, unknown>>; urls: string[] } {
  const submits: Array<Record<string, unknown>> = [];
  const urls: string[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      if (o.type === 'Action.Submit') submits.push(o.data as Record<string, unknown>);
      if (o.type === 'Action.OpenUrl') urls.push(String(o.url));
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return { submits, urls };
}
