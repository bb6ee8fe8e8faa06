/**
 * One phase of the consultation bench (`consultation-bench.ts`): a fresh bot (`startBot`, memory
 * storage) and a fresh connector stub; workers submit requests through POST /api/messages, the
 * alerts travel through the real outbox and Teams sender, and the phase measures submit-to-alert
 * latency, lost and duplicated alerts. With a failure rate, the stub refuses that share of calls
 * (503, drawn from a seeded sequence) once the warm-up is done.
 */
import { performance } from 'node:perf_hooks';
import { readConfig } from '../config.js';
import { newReference } from '../core/consultations/reference.js';
import { consultationsPartition } from '../core/consultations/records.js';
import type { Delivery } from '../core/delivery/delivery-types.js';
import type { OutboxOptions } from '../core/delivery/outbox.js';
import { createLogger } from '../logger.js';
import { repoPath } from '../paths.js';
import { startBot } from '../start-bot.js';
import { createMemoryStore } from '../storage/memory-store.js';
import { verbs } from '../teams/verbs.js';
import { startConnectorStub, type StubMessage } from './bench-connector-stub.js';
import { seededRandom } from './seeded-random.js';

/** How a phase runs (the bench's options with their defaults applied). */
export interface PhaseSettings {
  readonly requests: number;
  readonly concurrency: number;
  readonly seed: number;
  readonly warmup: number;
}

/** What one phase measured. */
export interface ConsultationBenchPhase {
  readonly failureRate: number;
  readonly submitted: number;
  readonly stored: number;
  /** Submit (POST sent) to the coordinator's alert received by the connector, in ms. */
  readonly coordinatorP50Ms: number;
  readonly coordinatorP99Ms: number;
  /** Submit to the last of the request's alerts (coordinator and Pivots channel), in ms. */
  readonly allAlertsP50Ms: number;
  readonly allAlertsP99Ms: number;
  readonly expectedAlerts: number;
  readonly lost: number;
  readonly duplicated: number;
  readonly failedCalls: number;
  readonly outboxFailed: number;
  /** Errors the bot's error handler logged ('turn failed'), proactive sends included. */
  readonly turnErrors: number;
}

const coordinatorChat = 'a:bench-chat-isabelle';
const pivotsChannel = '19:pivots-balise-demo@thread.tacv2';
const people = {
  sophie: { id: 'user-id-0', aadObjectId: '00000000-0000-4000-8000-000000000100', name: 'Sophie Tremblay' },
  isabelle: { id: 'user-id-2', aadObjectId: '00000000-0000-4000-8000-000000000102', name: 'Isabelle Roy' },
  marcAndre: { id: 'user-id-1', aadObjectId: '00000000-0000-4000-8000-000000000101', name: 'Marc-André Gagnon' },
};

/**
 * The consultation alerts the connector accepted, by conversation and request reference: how many
 * times each arrived and when first. The coordinator's alert says « Demande de consultation C-… »,
 * the Pivots channel's notice « Nouvelle demande de consultation C-… ».
 */
function alertsOf(messages: readonly StubMessage[]): Map<string, { count: number; firstAt: number }> {
  const alerts = new Map<string, { count: number; firstAt: number }>();
  for (const m of messages) {
    const ref = /[Dd]emande de consultation (C-[A-Z0-9]{6})/.exec(JSON.stringify(m.activity))?.[1];
    if (!ref) continue;
    const key = `${m.conversationId}|${ref}`;
    const seen = alerts.get(key);
    alerts.set(key, { count: (seen?.count ?? 0) + 1, firstAt: seen?.firstAt ?? m.at });
  }
  return alerts;
}

/** The value at quantile `q` of sorted numbers (nearest rank). */
function quantile(sorted: readonly number[], q: number): number {
  return sorted.length === 0 ? NaN : (sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN);
}

/** One phase: a fresh bot and connector stub; failures start after the warm-up. */
export async function runPhase(failureRate: number, options: PhaseSettings): Promise<ConsultationBenchPhase> {
  const stub = await startConnectorStub({ now: () => performance.now() });
  const { serviceUrl } = stub;
  // Failures start after the warm-up: a share of the calls, drawn from a seeded sequence, is refused
  // with 503 before anything is recorded (the message was not delivered).
  const random = seededRandom(options.seed);
  let failing = 0;
  let failedCalls = 0;
  stub.intercept(() => {
    if (failing === 0 || random() >= failing) return undefined;
    failedCalls++;
    return { status: 503 };
  });
  const config = readConfig({ PORT: '0', HOST: '127.0.0.1', BALISE_STORAGE: 'memory', BALISE_DEMO: 'false', BALISE_DIRECTORY_FILE: repoPath('demo', 'annuaire-demo.yaml'), LOG_LEVEL: 'silent' });
  const store = createMemoryStore();
  // A failing connector is retried quickly so the phase ends in seconds; a healthy one runs the defaults.
  const outboxOptions: OutboxOptions = failureRate > 0 ? { pollMs: 100, baseMs: 100, maxMs: 2_000 } : {};
  const logLines: string[] = [];
  const logger = createLogger('error', { write: (line: string) => void logLines.push(line) });
  const bot = await startBot(config, logger, { store, outboxOptions });
  const endpoint = `http://127.0.0.1:${bot.port}/api/messages`;
  let activityId = 0;
  const post = (activity: Record<string, unknown>) =>
    fetch(endpoint, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ channelId: 'msteams', serviceUrl, recipient: { id: 'bot' }, id: `bench-${++activityId}`, timestamp: new Date().toISOString(), ...activity }) });
  try {
    // Balise is installed: the coordinator talked to it once, and it is in the Pivots channel.
    await post({ type: 'message', text: 'aide', from: people.isabelle, conversation: { id: coordinatorChat, conversationType: 'personal' } });
    await post({ type: 'message', text: 'aide', from: people.marcAndre, conversation: { id: pivotsChannel, conversationType: 'channel', isGroup: true } });

    const started = new Map<string, number>();
    const submit = async (i: number, measured: boolean) => {
      const reference = newReference();
      if (measured) started.set(reference, performance.now());
      const value = {
        verb: verbs.consultationSubmit,
        reference,
        lang: 'fr',
        organisationId: 'ciusss-cn',
        category: 'intervenir',
        urgency: 'today',
        description: `Banc d’essai ${i} : adolescente de 15 ans, fugues répétées, nouveau copain plus âgé.`,
        contactMethod: 'teams',
        phone: '',
      };
      await post({ type: 'message', value, from: people.sophie, conversation: { id: 'a:bench-chat-sophie', conversationType: 'personal' } }).then((r) => r.arrayBuffer());
    };
    for (let i = 0; i < options.warmup; i++) await submit(i, false);
    failing = failureRate;
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < options.requests; i = next++) await submit(i, true);
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));

    const stored = (await store.list(consultationsPartition, { prefix: 'request/' })).map((r) => r.key.slice('request/'.length));
    const expected = stored.flatMap((ref) => [`${coordinatorChat}|${ref}`, `${pivotsChannel}|${ref}`]);
    const deliveries = async () => (await store.list<Delivery>(consultationsPartition, { prefix: 'outbox/' })).map((r) => r.value);
    const deadline = performance.now() + 120_000;
    while (performance.now() < deadline) {
      // Done when the outbox has settled everything; whatever the stub has not received by then is lost.
      if ((await deliveries()).every((d) => d.state !== 'pending' && d.state !== 'sending')) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    const alerts = alertsOf(stub.messages);
    const coordinator: number[] = [];
    const all: number[] = [];
    for (const ref of stored) {
      const t0 = started.get(ref);
      const first = alerts.get(`${coordinatorChat}|${ref}`)?.firstAt;
      const channel = alerts.get(`${pivotsChannel}|${ref}`)?.firstAt;
      if (t0 === undefined) continue;
      if (first !== undefined) coordinator.push(first - t0);
      if (first !== undefined && channel !== undefined) all.push(Math.max(first, channel) - t0);
    }
    coordinator.sort((a, b) => a - b);
    all.sort((a, b) => a - b);
    return {
      failureRate,
      submitted: options.requests + options.warmup,
      stored: stored.length,
      coordinatorP50Ms: quantile(coordinator, 0.5),
      coordinatorP99Ms: quantile(coordinator, 0.99),
      allAlertsP50Ms: quantile(all, 0.5),
      allAlertsP99Ms: quantile(all, 0.99),
      expectedAlerts: expected.length,
      lost: expected.filter((k) => !alerts.has(k)).length,
      duplicated: [...alerts.values()].reduce((sum, a) => sum + a.count - 1, 0),
      failedCalls,
      outboxFailed: (await deliveries()).filter((d) => d.state === 'failed' || d.state === 'unreachable').length,
      turnErrors: logLines.filter((l) => (JSON.parse(l) as { msg?: string }).msg === 'turn failed').length,
    };
  } finally {
    await bot.stop();
    await stub.stop();
  }
}

