/**
 * Demo sessions, seeded once on the first start in demo mode: one upcoming session of each track,
 * dates computed from the day of seeding, fictional places and fictional participants, one
 * session already full, so a newcomer can try registration, the prerequisite and the waitlist at
 * once. Every demo session says it is fictional.
 */
import type { RecordStore, WriteOp } from '../storage/record-store.js';
import { localDateOf, localToInstant } from './local-time.js';
import { trainingsPartition as partition, type Registrant, type TrainingSession } from './session-types.js';
import { sessionIndexOp, sessionKey } from './training-service.js';
import type { TrackId } from './tracks.js';

/** The record that marks the demo as seeded (so a coordinator's deletions are not undone). */
export const demoSeedKey = 'seed:demo';

/** The note every demo session carries. */
export const demoNote = 'Session de démonstration : dates, lieu et participants fictifs. / Demo session: fictional dates, place and participants.';

interface DemoPlan {
  readonly id: string;
  readonly track: TrackId;
  readonly inDays: number;
  readonly days: 1 | 2;
  readonly place: string;
  readonly capacity: number;
  readonly taken: number;
  readonly waiting: number;
}

const plans: readonly DemoPlan[] = [
  { id: 'demo-volet-1-a', track: 'volet-1', inDays: 21, days: 2, place: 'Salle de démonstration A (lieu fictif)', capacity: 20, taken: 6, waiting: 0 },
  { id: 'demo-volet-1-b', track: 'volet-1', inDays: 35, days: 2, place: 'Salle de démonstration B (lieu fictif)', capacity: 4, taken: 4, waiting: 1 },
  { id: 'demo-volet-2', track: 'volet-2', inDays: 42, days: 1, place: 'En ligne (Teams) : session de démonstration, aucun vrai lien', capacity: 15, taken: 4, waiting: 0 },
  { id: 'demo-volet-3', track: 'volet-3', inDays: 56, days: 1, place: 'Salle de démonstration A (lieu fictif)', capacity: 12, taken: 3, waiting: 0 },
  { id: 'demo-formateurs', track: 'formateurs', inDays: 70, days: 2, place: 'Salle de démonstration C (lieu fictif)', capacity: 8, taken: 2, waiting: 0 },
];

/** The local date of the first Tuesday on or after `now + inDays` (so two-day sessions stay in the week). */
function tuesdayFrom(now: Date, inDays: number, extraDays = 0): string {
  const [y, m, d] = localDateOf(new Date(now.getTime() + inDays * 86_400_000)).split('-').map(Number) as [number, number, number];
  const base = Date.UTC(y, m - 1, d);
  const shift = (2 - new Date(base).getUTCDay() + 7) % 7;
  return new Date(base + (shift + extraDays) * 86_400_000).toISOString().slice(0, 10);
}

function fictional(n: number, now: Date): Registrant {
  return { registrationId: `demo-${n}`, userId: `demo-participant-${n}`, name: `Personne fictive ${n}`, lang: 'fr', registeredAt: now.toISOString() };
}

/** The demo sessions for a given seeding time. */
export function demoSessions(now: Date): TrainingSession[] {
  let n = 0;
  return plans.map((p) => {
    const dates = Array.from({ length: p.days }, (_, i) => tuesdayFrom(now, p.inDays, i));
    const start = (d: string) => localToInstant(d, '09:00') ?? now;
    // Registration closes a week before the first day (every plan starts at least three weeks out).
    const deadline = localToInstant(localDateOf(new Date(start(dates[0] ?? '').getTime() - 7 * 86_400_000)), '23:59') ?? now;
    return {
      id: p.id,
      track: p.track,
      days: dates.map((d) => ({ start: start(d).toISOString(), end: (localToInstant(d, '16:00') ?? now).toISOString() })),
      place: p.place,
      capacity: p.capacity,
      deadline: deadline.toISOString(),
      notes: demoNote,
      demo: true,
      createdBy: { userId: 'demo', name: 'Démonstration' },
      createdAt: now.toISOString(),
      registered: Array.from({ length: p.taken }, () => fictional(++n, now)),
      waitlist: Array.from({ length: p.waiting }, () => fictional(++n, now)),
    };
  });
}

/** Seeds the demo sessions unless already done; returns true when it seeded. One atomic commit. */
export async function seedDemoTrainings(store: RecordStore, now: Date): Promise<boolean> {
  const ops: WriteOp[] = [
    { kind: 'put', key: demoSeedKey, value: { seededAt: now.toISOString() }, ifAbsent: true },
    ...demoSessions(now).flatMap((s): WriteOp[] => [{ kind: 'put', key: sessionKey(s.id), value: s, ifAbsent: true }, sessionIndexOp(s)]),
  ];
  return (await store.commit(partition, ops)).ok;
}
