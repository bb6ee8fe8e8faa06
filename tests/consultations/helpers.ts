/** Shared test fixtures of the consultation tests: the demo directory, a clock, a recording sender, a core over a store. */
import type { Directory } from '../../bot/core/directory/directory.js';
import { loadDirectory } from '../../bot/core/directory/directory.js';
import type { Payload, Recipient, SendOutcome, Sender } from '../../bot/core/delivery/delivery-types.js';
import { createOutbox, type Outbox } from '../../bot/core/delivery/outbox.js';
import { createConsultations, type ConsultationOptions, type Consultations } from '../../bot/core/consultations/consultations.js';
import { consultationsPartition } from '../../bot/core/consultations/records.js';
import type { Submission } from '../../bot/core/consultations/submit-request.js';
import type { RecordStore } from '../../bot/core/storage/record-store.js';
import { repoPath } from '../../bot/paths.js';
import { verbs } from '../../bot/teams/verbs.js';

/** The demo directory: ciusss-cn with Isabelle (coordinator), Julie (backup), Marc-André (pivot), Sophie (member). */
export function demoDirectory(): Directory {
  const { directory } = loadDirectory(repoPath('demo', 'annuaire-demo.yaml'));
  if (!directory) throw new Error('test: demo directory invalid');
  return directory;
}

/** The demo people by role. */
export const people = {
  sophie: { id: 'user-id-0', aadObjectId: '00000000-0000-4000-8000-000000000100', name: 'Sophie Tremblay' },
  marcAndre: { id: 'user-id-1', aadObjectId: '00000000-0000-4000-8000-000000000101', name: 'Marc-André Gagnon' },
  isabelle: { id: 'user-id-2', aadObjectId: '00000000-0000-4000-8000-000000000102', name: 'Isabelle Roy' },
  julie: { id: 'user-id-3', aadObjectId: '00000000-0000-4000-8000-000000000103', name: 'Julie Bouchard' },
  karine: { id: 'user-id-4', aadObjectId: '00000000-0000-4000-8000-000000000104', name: 'Karine Lavoie' },
  nathalie: { id: 'user-id-5', aadObjectId: '00000000-0000-4000-8000-000000000105', name: 'Nathalie Côté' },
  eric: { id: 'user-id-6', aadObjectId: '00000000-0000-4000-8000-000000000106', name: 'Éric Pelletier' },
} as const;

/** The Pivots channel of the demo. */
export const pivotsChannel = '19:pivots-balise-demo@thread.tacv2';

/** A clock tests move by hand. */
export function manualClock(start = '2026-11-30T14:00:00Z') {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms) };
}

/** One send the recording sender saw. */
export interface SentMessage {
  readonly to: string;
  readonly payload: Payload;
}

/** A sender that records what it delivers; `outcome` decides per recipient (default: delivered). */
export function recordingSender(outcome: (to: string) => SendOutcome = () => ({ ok: true })) {
  const sent: SentMessage[] = [];
  const sender: Sender = {
    async send(recipient: Recipient, payload: Payload) {
      const to = recipient.kind === 'user' ? recipient.userId : recipient.conversationId;
      const result = outcome(to);
      if (result.ok) sent.push({ to, payload });
      return result;
    },
  };
  return { sender, sent };
}

/** A consultation core and its outbox over `store`. */
export function consultationCore(store: RecordStore, sender: Sender, now: () => Date, options: ConsultationOptions = {}): { consultations: Consultations; outbox: Outbox } {
  const outbox = createOutbox({ store, sender, now, partitions: [consultationsPartition] }, { random: () => 0 });
  outbox.onSettled(async (d, p) => void (await consultations.recordDelivery(d, p)));
  const consultations = createConsultations({ store, outbox, directory: demoDirectory(), now }, options);
  return { consultations, outbox };
}

/** A confirmed submission to ciusss-cn without personal data. */
export function submission(extra: Partial<Submission> = {}): Submission {
  return {
    organisationId: 'ciusss-cn',
    category: 'intervenir',
    urgency: 'today',
    description: 'Adolescente de 15 ans, fugues répétées, nouveau copain plus âgé qui lui offre des cadeaux.',
    contact: { method: 'teams' },
    urgent: false,
    lang: 'fr',
    acknowledgedPersonalData: [],
    ...extra,
  };
}

/** The data the consultation form submits (reference C-7K4M2Q, Sophie's organisation, by Teams), with `extra` over it. */
export function consultationForm(extra: Record<string, unknown> = {}) {
  return {
    verb: verbs.consultationSubmit,
    reference: 'C-7K4M2Q',
    lang: 'fr',
    organisationId: 'ciusss-cn',
    category: 'intervenir',
    urgency: 'today',
    description: 'Adolescente de 15 ans, fugues répétées, nouveau copain plus âgé qui lui offre des cadeaux.',
    contactMethod: 'teams',
    phone: '',
    ...extra,
  };
}
