/** The whole Balise Application on a TestAdapter, with a configuration of the test's choice and the log captured. */
import { TestAdapter, type Activity } from 'botbuilder';
import { readConfig } from '../../bot/config.js';
import { createOutbox } from '../../bot/core/delivery/outbox.js';
import { loadDirectory } from '../../bot/core/directory/directory.js';
import { loadKnowledge } from '../../bot/core/knowledge/load-knowledge.js';
import { createAnswerer } from '../../bot/core/search/create-answerer.js';
import type { RecordStore } from '../../bot/core/storage/record-store.js';
import { createLogger } from '../../bot/logger.js';
import { repoPath } from '../../bot/paths.js';
import { createMemoryStore } from '../../bot/storage/memory-store.js';
import { baliseFeatures } from '../../bot/teams/balise-features.js';
import { createBotApp } from '../../bot/teams/create-bot-app.js';
import type { BotDeps } from '../../bot/teams/deps.js';

export const tenant = '11111111-2222-4333-8444-555555555555';
export const otherTenant = '99999999-8888-4777-8666-555555555555';
const knowledge = loadKnowledge(repoPath('knowledge')).knowledge!;

/** A Balise with every feature; `env` adds to a configuration with credentials and one allowed tenant unless `local`. */
export function appRig(options: { local?: boolean; env?: Record<string, string>; store?: RecordStore } = {}) {
  const store = options.store ?? createMemoryStore();
  const config = readConfig(options.local ? { ...options.env } : { MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'secret', BALISE_ALLOWED_TENANTS: tenant, ...options.env });
  const logLines: string[] = [];
  const now = () => new Date('2026-11-30T14:00:00Z');
  const deps: BotDeps = {
    config,
    logger: createLogger('info', { write: (line: string) => void logLines.push(line) }),
    store,
    knowledge,
    answerer: createAnswerer(knowledge),
    directory: loadDirectory(repoPath('demo', 'annuaire-demo.yaml'), 'annuaire', { allowedTenants: config.allowedTenants }).directory!,
    now,
    outbox: createOutbox({ store, sender: { send: async () => ({ ok: true }) }, now, partitions: ['consultations', 'trainings'] }),
  };
  const app = createBotApp(deps, undefined, baliseFeatures(deps, { trainings: { publicUrl: 'https://balise.example' }, consultations: { deliverNow: false } }));
  const adapter = new TestAdapter(async (context) => {
    await app.run(context);
  });
  /** Sends one activity and returns what the bot answered. */
  const send = async (activity: Partial<Activity>): Promise<Array<Partial<Activity>>> => {
    adapter.activeQueue.splice(0);
    await adapter.processActivity({ channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/amer/', recipient: { id: 'bot', name: 'Balise' }, ...activity } as Partial<Activity>);
    return adapter.activeQueue.splice(0);
  };
  /** A message from a person of `tenantId` in their personal chat. */
  const say = (who: { id: string; aadObjectId?: string; name?: string }, text: string, tenantId = tenant, value?: unknown) =>
    send({
      type: 'message',
      text,
      ...(value ? { value } : {}),
      from: { id: who.id, aadObjectId: who.aadObjectId, name: who.name ?? '' },
      conversation: { id: `a:${who.id}`, conversationType: 'personal', tenantId, isGroup: false, name: '' },
      channelData: { tenant: { id: tenantId } },
    });
  return { store, deps, app, adapter, logLines, send, say };
}

/** Everything a reply list shows, as one string. */
export const shown = (replies: ReadonlyArray<Partial<Activity>>) => JSON.stringify(replies.map((r) => r.text ?? r.attachments));
