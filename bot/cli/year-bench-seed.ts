/**
 * The data of the one-year bench (`year-bench.ts`): what both stores hold (10 upcoming sessions
 * with their 300 seats' reminders waiting in the outbox, a 100-person broadcast, 10 open
 * consultation requests, the coordinators' references) and the year
 * of history only one of them holds. Closed requests are made by the real consultation core, so
 * their audits, alerts and indexes are the ones Balise writes.
 */
import { createConsultations } from '../core/consultations/consultations.js';
import { consultationsPartition } from '../core/consultations/records.js';
import type { Delivery, Recipient } from '../core/delivery/delivery-types.js';
import { createOutbox } from '../core/delivery/outbox.js';
import { loadDirectory } from '../core/directory/directory.js';
import { broadcastJobKey, type BroadcastJob } from '../core/trainings/broadcast.js';
import { trainingsPartition, type TrainingSession } from '../core/trainings/session-types.js';
import { announcementDelivery, announcementJobId, reminderDelivery } from '../core/trainings/training-payloads.js';
import { sessionIndexOp, sessionKey } from '../core/trainings/training-service.js';
import { repoPath } from '../paths.js';
import type { RecordStore } from '../core/storage/record-store.js';
import { outboxPartitions } from '../start-bot.js';
import { createMemoryStore } from '../storage/memory-store.js';
import { conversationRefsPartition } from '../teams/conversation-refs.js';
import type { ConnectorStub } from './bench-connector-stub.js';

/** The demo directory (its coordinators route and handle the requests). */
export const directory = () => {
  const { directory: d } = loadDirectory(repoPath('demo', 'annuaire-demo.yaml'));
  if (!d) throw new Error('year-bench: demo directory invalid');
  return d;
};
export const nathalie = { id: 'user-id-5', aadObjectId: '00000000-0000-4000-8000-000000000105', name: 'Nathalie Côté' };
export const isabelle = { id: 'user-id-2', aadObjectId: '00000000-0000-4000-8000-000000000102', name: 'Isabelle Roy' };
export const sophie = { id: 'user-id-0', aadObjectId: '00000000-0000-4000-8000-000000000100', name: 'Sophie Tremblay' };
const day = (now: Date, n: number) => new Date(now.getTime() + n * 86_400_000).toISOString();

/** Writes records in commits of 100 (one partition each), one after the other; a dropped connection is retried. */
async function writeAll(store: RecordStore, partition: string, records: Array<{ key: string; value: unknown }>): Promise<void> {
  for (let i = 0; i < records.length; i += 100) {
    const ops = records.slice(i, i + 100).map((r) => ({ kind: 'put' as const, key: r.key, value: r.value }));
    for (let attempt = 1; ; attempt++) {
      try {
        await store.commit(partition, ops);
        break;
      } catch (err) {
        // Azurite under load sometimes resets a connection; the puts are unconditional, so retrying is safe.
        if (attempt >= 5) throw err;
        await new Promise((r) => setTimeout(r, 200 * attempt));
      }
    }
  }
}

function session(now: Date, id: string, offsetDays: number, registrants: number): TrainingSession {
  return {
    id,
    track: 'volet-1',
    days: [{ start: day(now, offsetDays), end: day(now, offsetDays + 0.3) }],
    place: 'Salle',
    capacity: registrants + 5,
    deadline: day(now, offsetDays - 7),
    createdBy: { userId: nathalie.id, name: nathalie.name },
    createdAt: day(now, offsetDays - 30),
    registered: Array.from({ length: registrants }, (_, i) => ({ registrationId: `${id}-r${i}`, userId: `worker-${i}`, name: `Intervenant ${i}`, lang: 'fr' as const, registeredAt: day(now, offsetDays - 20) })),
    waitlist: [],
  };
}

const reference = (id: string, serviceUrl: string) => ({ reference: { channelId: 'msteams', serviceUrl, conversation: { id: `a:${id}`, conversationType: 'personal' }, user: { id }, bot: { id: 'balise' } }, userId: id });

/** The data both stores hold: what the measured operations are about. */
export async function seedCurrent(store: RecordStore, now: Date, stub: ConnectorStub): Promise<void> {
  await writeAll(store, conversationRefsPartition, [nathalie, isabelle, sophie].map((p) => ({ key: `user/${p.id}`, value: reference(p.id, stub.serviceUrl) })));
  const upcoming = Array.from({ length: 10 }, (_, i) => session(now, `current-${i}`, 10 + i * 7, 30));
  await writeAll(store, trainingsPartition, upcoming.flatMap((s) => [{ key: sessionKey(s.id), value: s }, { key: sessionIndexOp(s).key, value: { id: s.id } }]));
  // A finished 100-person broadcast for current-0 (the roster shows its tally).
  const job: BroadcastJob = { sessionId: 'current-0', by: { kind: 'user', userId: nathalie.id, name: nathalie.name }, lang: 'fr', startedAt: now.toISOString(), enqueued: true, total: 100, reported: ['final'] };
  await writeAll(store, trainingsPartition, [{ key: broadcastJobKey('current-0'), value: job }, ...settledAnnouncements(upcoming[0]!, 100, now)]);
  const outbox = createOutbox({ store, sender: { send: async () => ({ ok: true }) }, now: () => now, partitions: outboxPartitions });
  // Each seat of an upcoming session has its reminder waiting in the outbox, due before the session.
  const reminders = upcoming.flatMap((s) => s.registered.flatMap((r) => reminderDelivery(s, r, now) ?? []));
  await outbox.enqueue(trainingsPartition, reminders);
  const core = createConsultations({ store, outbox, directory: directory(), now: () => now });
  for (let i = 0; i < 10; i++) await core.submit({ organisationId: 'ciusss-cn', category: 'intervenir', urgency: 'week', description: 'Situation de test sans donnée personnelle.', contact: { method: 'teams' }, urgent: false, lang: 'fr', acknowledgedPersonalData: [] }, sophie);
  while ((await outbox.drainOnce()) > 0);
}

/** Settled announcement deliveries of `s` to `n` workers, with their job index entries. */
function settledAnnouncements(s: TrainingSession, n: number, now: Date): Array<{ key: string; value: unknown }> {
  return Array.from({ length: n }, (_, i) => {
    const recipient: Recipient = { kind: 'user', userId: `worker-${i}` };
    const d = announcementDelivery(s, recipient);
    const delivery: Delivery = { id: d.id, jobId: d.jobId, recipient, payload: d.payload, state: 'sent', attempts: 1, notBefore: now.toISOString() };
    return [
      { key: `outbox/${d.id}`, value: delivery },
      { key: `outbox-job/${announcementJobId(s.id)}/${d.id}`, value: { state: 'sent' } },
    ];
  }).flat();
}

/** A year of history, at `scale`. */
export async function seedYear(store: RecordStore, now: Date, scale: number, stub: ConnectorStub): Promise<void> {
  const n = (x: number) => Math.max(1, Math.round(x * scale));
  const workers = n(2_000);
  await writeAll(store, conversationRefsPartition, Array.from({ length: workers }, (_, i) => ({ key: `user/worker-${i}`, value: reference(`worker-${i}`, stub.serviceUrl) })));
  await writeAll(store, 'turn-state', Array.from({ length: workers }, (_, i) => [
    { key: `msteams/balise/conversations/a:worker-${i}`, value: { history: [], lastQuestionAt: day(now, -1) } },
    { key: `msteams/balise/users/worker-${i}`, value: { lang: 'fr' } },
  ]).flat());
  await writeAll(store, 'feedback', Array.from({ length: n(60_000) }, (_, i) => ({ key: `${day(now, -365 + (i * 365) / n(60_000))}-${i}`, value: { entryId: 'lieux-recrutement', useful: i % 3 !== 0, at: day(now, -1) } })));
  // Past sessions: 20,000 registrations and 200,000 settled announcements over the year.
  const past = Array.from({ length: n(290) }, (_, i) => session(now, `past-${i}`, -365 + i, Math.round(n(20_000) / n(290))));
  await writeAll(store, trainingsPartition, past.flatMap((s) => [{ key: sessionKey(s.id), value: s }, { key: sessionIndexOp(s).key, value: { id: s.id } }]));
  const perSession = Math.round(n(200_000) / past.length);
  for (const s of past) {
    const job: BroadcastJob = { sessionId: s.id, by: { kind: 'user', userId: nathalie.id }, lang: 'fr', startedAt: s.createdAt, enqueued: true, total: perSession, reported: ['q1', 'q2', 'q3', 'final'] };
    await writeAll(store, trainingsPartition, [{ key: broadcastJobKey(s.id), value: job }, ...settledAnnouncements(s, perSession, now)]);
  }
  // 3,000 closed requests made by the real core (audits, alerts, updates), settled, then copied.
  const scratch = createMemoryStore();
  let clock = Date.parse(day(now, -365));
  const outbox = createOutbox({ store: scratch, sender: { send: async () => ({ ok: true }) }, now: () => new Date(clock), partitions: [consultationsPartition] });
  const core = createConsultations({ store: scratch, outbox, directory: directory(), now: () => new Date(clock) });
  for (let i = 0; i < n(3_000); i++) {
    clock += 10_000_000;
    const made = await core.submit({ organisationId: 'ciusss-cn', category: 'intervenir', urgency: 'week', description: 'Situation passée sans donnée personnelle.', contact: { method: 'teams' }, urgent: false, lang: 'fr', acknowledgedPersonalData: [] }, { id: `worker-${i % workers}`, name: `Intervenant ${i}` });
    if (made.kind !== 'submitted') continue;
    await core.act(made.request.id, isabelle, { kind: 'claim' });
    await core.act(made.request.id, isabelle, { kind: 'close', note: 'Terminé.' });
    if (i % 100 === 99) while ((await outbox.drainOnce()) > 0);
  }
  while ((await outbox.drainOnce()) > 0);
  await writeAll(store, consultationsPartition, (await scratch.list(consultationsPartition)).map((r) => ({ key: r.key, value: r.value })));
}

