/**
 * Gallery samples of the two workflows: trainings (list, registration notices, "Mes inscriptions",
 * the announcement from form to broadcast, rosters) and consultations (form, personal-data check,
 * receipt, update, the coordinators' cards). Built from the demo sessions and the demo directory,
 * at a fixed time, so every run draws the same cards.
 */
import { updateDelivery, type UpdatePayloadData } from '../bot/core/consultations/payloads.js';
import { escalationDeadline } from '../bot/core/consultations/escalation.js';
import { fingerprintOf } from '../bot/core/consultations/draft.js';
import { applyAction, type ConsultationAction } from '../bot/core/consultations/lifecycle.js';
import type { ConsultationRequest } from '../bot/core/consultations/request.js';
import { registeredPerson, type Person } from '../bot/core/people/person.js';
import { viewOf } from '../bot/core/consultations/request-view.js';
import { loadDirectory, type Directory } from '../bot/core/directory/directory.js';
import { formatDay } from '../bot/core/trainings/local-time.js';
import { trackOf } from '../bot/core/trainings/tracks.js';
import { formatTraining, trainingMessagesFor } from '../bot/core/i18n/trainings-messages.js';
import type { Messages } from '../bot/core/i18n/messages.js';
import { findPersonalData } from '../bot/core/privacy/find-personal-data.js';
import type { Acknowledgement } from '../bot/core/trainings/coordination.js';
import { demoSessions } from '../bot/core/trainings/demo-seed.js';
import { addRegistrant, missingPrerequisite, statusOf } from '../bot/core/trainings/registration-rules.js';
import { validateSessionForm, type SessionForm } from '../bot/core/trainings/session-draft.js';
import { endOf, startOf, type MyRegistration, type Registrant, type TrainingSession } from '../bot/core/trainings/session-types.js';
import { reminderLeadMs, snapshotOf } from '../bot/core/trainings/training-payloads.js';
import { repoPath } from '../bot/paths.js';
import type { CardAttachment } from '../bot/teams/cards/render-card.js';
import { renderOpenRequests, renderRequestCard } from '../bot/teams/features/consultations/coordinator-cards.js';
import { renderConsultationCheck, renderConsultationForm, renderConsultationReceipt, renderConsultationUpdate, renderMyRequests, type FormValues } from '../bot/teams/features/consultations/worker-cards.js';
import {
  renderAnnounceFormCard,
  renderAnnouncementCard,
  renderMyRegistrationsCard,
  renderRosterCard,
  renderRosterListCard,
  renderSessionListCard,
  renderSessionNotice,
  type CalendarLink,
} from '../bot/teams/features/trainings/training-cards.js';

type Sample = [string, CardAttachment];

const minutes = (at: Date, n: number) => new Date(at.getTime() + n * 60_000);

/** The demo directory (demo/annuaire-demo.yaml): the organisations and people the samples name. */
function demoDirectory(): Directory {
  const { directory, problems } = loadDirectory(repoPath('demo', 'annuaire-demo.yaml'));
  if (!directory) throw new Error(`gallery: the demo directory has errors: ${problems.map((p) => p.message).join('; ')}`);
  return directory;
}

/** A person of the demo directory, by Teams id. */
function person(directory: Directory, id: string): Person {
  const { organisations, tableCoordinators } = directory.data;
  const everyone = [...organisations.flatMap((o) => [...o.coordinators, ...o.backupCoordinators, ...o.pivots, ...o.members]), ...tableCoordinators];
  const found = everyone.find((p) => p.id === id);
  if (!found) throw new Error(`gallery: nobody with id ${id} in the demo directory`);
  return { id: found.id, aadObjectId: found.aadObjectId, name: found.name };
}

const sessionOf = (sessions: readonly TrainingSession[], id: string): TrainingSession => {
  const s = sessions.find((x) => x.id === id);
  if (!s) throw new Error(`gallery: no session ${id}`);
  return s;
};

/** The trainings cards: an intervenante's sitting, then a coordinator's announcement and rosters. */
export function trainingSamples(t: Messages, now: Date): Sample[] {
  const directory = demoDirectory();
  const tr = trainingMessagesFor('fr');
  const calendar: CalendarLink = (id) => `http://127.0.0.1:3978/calendar/${encodeURIComponent(id)}.ics`;
  const sophie = person(directory, 'user-id-0');
  const nathalie = person(directory, 'user-id-5');
  const registrant = (p: Person, n: number): Registrant => ({ registrationId: `gallery-${n}`, ...registeredPerson(p), lang: 'fr', registeredAt: minutes(now, n).toISOString() });

  // Sophie, in one sitting: the full Volet 1 session (waitlist), Volet 2 (refused: no Volet 1 seat yet),
  // the other Volet 1 session (a seat), then Volet 2 again (a seat).
  let sessions = demoSessions(now);
  const seatsOfSophie = () => sessions.filter((s) => s.registered.some((r) => r.userId === sophie.id)).map((s) => ({ track: s.track, end: endOf(s) }));
  const register = (id: string, n: number) => {
    const target = sessionOf(sessions, id);
    if (missingPrerequisite(target, seatsOfSophie(), [])) throw new Error(`gallery: ${id} needs a prerequisite`);
    const added = addRegistrant(target, registrant(sophie, n));
    sessions = sessions.map((s) => (s.id === id ? added.session : s));
    return added;
  };
  const waitlisted = register('demo-volet-1-b', 1);
  const volet2 = sessionOf(sessions, 'demo-volet-2');
  const refusedFor = missingPrerequisite(volet2, seatsOfSophie(), []);
  if (!refusedFor) throw new Error('gallery: Volet 2 should still need Volet 1');
  const seated = register('demo-volet-1-a', 2);
  // As the registration route words it: the reminder promise only when the reminder can still come.
  const reminded = Date.parse(startOf(seated.session)) - reminderLeadMs > now.getTime();
  register('demo-volet-2', 3);
  const mine = [...sessions]
    .sort((a, b) => startOf(a).localeCompare(startOf(b)))
    .flatMap((session): MyRegistration[] => {
      const status = statusOf(session, sophie.id);
      if (!status) return [];
      return [status.status === 'waitlisted' ? { session, status: 'waitlisted', position: status.position } : { session, status: 'confirmed' }];
    });

  // Nathalie announces a Volet 3 session online: first a form with mistakes, then the preview, then the broadcast.
  const mistaken: SessionForm = { track: 'volet-1', day1: '2027-03-16', startTime: '09:00', endTime: '16:00', place: 'CIUSSS de la Capitale-Nationale, salle de formation 2', capacity: '', deadline: '2027-03-20' };
  const mistakes = validateSessionForm(mistaken, now);
  if (mistakes.ok) throw new Error('gallery: the mistaken form should have problems');
  const form: SessionForm = {
    track: 'volet-3',
    day1: '2027-02-16',
    startTime: '09:00',
    endTime: '16:00',
    meetingUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_volet3-fevrier%40thread.v2/0',
    capacity: '30',
    deadline: '2027-02-09',
    notes: 'Animée par deux formatrices de la Table. Caméra et micro recommandés; le lien de la réunion est aussi dans le fichier de calendrier.',
  };
  const checked = validateSessionForm(form, now);
  if (!checked.ok) throw new Error(`gallery: the announcement form has problems: ${checked.problems.map((p) => p.code).join(', ')}`);
  const draftId = 's-4c1e9a27b3d5';
  const published: TrainingSession = {
    id: draftId,
    ...checked.draft,
    createdBy: { userId: nathalie.id, name: nathalie.name },
    createdAt: now.toISOString(),
    registered: ['user-id-0', 'user-id-1', 'user-id-3', 'user-id-4'].map((id, i) => registrant(person(directory, id), 60 + i * 45)),
    waitlist: [],
  };
  const acknowledgements: Acknowledgement[] = ['user-id-0', 'user-id-1', 'user-id-3', 'user-id-2', 'user-id-4'].map((id, i) => {
    const p = person(directory, id);
    return { userId: p.id, name: p.name, at: minutes(now, 20 + i * 30).toISOString() };
  });
  const all = [...sessions, published].sort((a, b) => startOf(a).localeCompare(startOf(b)));

  return [
    ['training-list', renderSessionListCard(all, now, t, calendar)],
    ['training-waitlisted', renderSessionNotice(snapshotOf(waitlisted.session), t, { heading: tr.waitlistedTitle, body: formatTraining('fr', 'waitlistedBody', { n: waitlisted.status === 'waitlisted' ? waitlisted.position : 0 }) }, { showCancel: true, showMine: true })],
    ['training-registered', renderSessionNotice(snapshotOf(seated.session), t, { heading: tr.registeredTitle, body: reminded ? tr.registeredBody : tr.registeredBodyNoReminder, color: 'Good' }, { calendarUrl: calendar(seated.session.id), showCalendar: true, showCancel: true, showMine: true })],
    ['training-my-registrations', renderMyRegistrationsCard(mine, t, calendar)],
    ['training-announce-form', renderAnnounceFormCard({}, [], t)],
    ['training-announce-form-problems', renderAnnounceFormCard(mistaken, mistakes.problems, t)],
    ['training-announcement-preview', renderAnnouncementCard({ id: draftId, ...checked.draft }, t, { preview: { draftId, form } })],
    ['training-announcement', renderAnnouncementCard(snapshotOf(published), t, { calendarUrl: calendar(published.id) })],
    ['training-roster-list', renderRosterListCard(all, t)],
    ['training-roster', renderRosterCard(published, acknowledgements, { total: 7, sent: 6, failed: 0, unreachable: 1, pending: 0 }, t)],
    ['training-cancel-confirm', renderSessionNotice(snapshotOf(seated.session), t, { heading: tr.cancelConfirmTitle, body: tr.cancelConfirmBody }, { confirmCancel: true })],
    [
      'training-roster-file',
      renderSessionNotice(
        snapshotOf(published),
        t,
        { heading: tr.rosterTitle, body: formatTraining('fr', 'csvReady', { track: trackOf(published.track).short.fr, date: formatDay(startOf(published), 'fr'), n: published.registered.length, minutes: 10 }) },
        { downloadUrl: `https://balise.example/roster/${published.id}.csv?expires=0&signature=exemple` },
      ),
    ],
  ];
}

/** The consultation cards: Sophie's request from the form to its follow-up, and the coordinators' side. */
export function consultationSamples(t: Messages, now: Date): Sample[] {
  const directory = demoDirectory();
  const sophie = person(directory, 'user-id-0');
  const marcAndre = person(directory, 'user-id-1');
  const isabelle = person(directory, 'user-id-2');
  const karine = person(directory, 'user-id-4');
  const organisations = directory.data.organisations.map((o) => ({ id: o.id, name: o.name }));
  const reference = 'C-R8MZ3K';

  // The form as "Demander une consultation" opens it for a member of the CIUSSS.
  const empty: FormValues = { organisationId: 'ciusss-cn', category: '', urgency: '', description: '', contactMethod: 'teams', phone: '' };
  // What she typed first: the check finds the youth's name and date of birth (that is what it is for).
  const typed: FormValues = {
    organisationId: 'ciusss-cn',
    category: 'intervenir',
    urgency: 'today',
    description:
      "Adolescente de 15 ans suivie en centre jeunesse, fugues répétées depuis septembre. Elle s'appelle Jessica Tremblay, née le 3 mars 2010. Un nouveau « copain » de 23 ans vient la chercher en voiture et lui offre un cellulaire et des vêtements. Comment aborder la situation avec elle sans briser le lien?",
    contactMethod: 'phone',
    phone: '418 555-0142',
  };
  const findings = findPersonalData(typed.description);
  if (findings.length === 0) throw new Error('gallery: the check sample should find personal data');
  // What she sent after removing them.
  const description =
    'Adolescente de 15 ans suivie en centre jeunesse, fugues répétées depuis septembre. Un nouveau « copain » d’environ 23 ans vient la chercher en voiture et lui offre un cellulaire et des vêtements. Comment aborder la situation avec elle sans briser le lien?';
  if (findPersonalData(description).length > 0) throw new Error('gallery: the sent description should be anonymous');

  const request = (id: string, requester: Person, at: Date, extra: Partial<ConsultationRequest>): ConsultationRequest => {
    const base: ConsultationRequest = {
      id,
      organisationId: 'ciusss-cn',
      category: 'intervenir',
      urgency: 'today',
      urgent: false,
      description,
      contact: { method: 'teams' },
      requester,
      lang: 'fr',
      state: 'open',
      createdAt: at.toISOString(),
      updatedAt: at.toISOString(),
      escalateAt: '',
      acknowledgedPersonalData: [],
      unreachable: [],
      events: 1,
      ...extra,
    };
    return { ...base, escalateAt: escalationDeadline(at, base.urgency, base.urgent).toISOString() };
  };
  const act = (r: ConsultationRequest, action: ConsultationAction, actor: Person, at: Date) => {
    const done = applyAction(r, action, actor, at);
    if (!done.ok) throw new Error(`gallery: ${action.kind} refused on ${r.id}: ${done.reason}`);
    return { ...done.request, events: r.events + 1 };
  };

  const sent = request(reference, sophie, now, { contact: { method: 'phone', phone: typed.phone } });
  const claimedAt = minutes(now, 25);
  const claimed = act(sent, { kind: 'claim' }, marcAndre, claimedAt);
  const update = updateDelivery(claimed, claimed.events, 'claimed').payload.data as unknown as UpdatePayloadData;

  // Sophie's earlier request, closed with a note; and two others waiting for the CIUSSS coordinators.
  const earlier = act(
    request('C-5WQ2HN', sophie, minutes(now, -6 * 24 * 60), {
      category: 'cyber',
      urgency: 'week',
      description: 'Garçon de 14 ans qui reçoit des demandes de photos sur un jeu en ligne en échange de crédits. Quelles ressources proposer aux parents?',
    }),
    { kind: 'close', note: 'Appel fait avec vous et la mère. Références transmises : Cyberaide.ca et l’agente sociocommunautaire du secteur; on se reparle dans deux semaines.' },
    isabelle,
    minutes(now, -5 * 24 * 60),
  );
  const urgent = request('C-9PXT4D', karine, minutes(now, 40), {
    category: 'signaler',
    urgency: 'immediate',
    urgent: true,
    description: 'Jeune de 16 ans repérée ce soir dans un motel avec deux adultes; elle dit être « correcte ». Signalement DPJ en cours : besoin d’un pivot pour coordonner avec l’équipe jeunesse.',
    contact: { method: 'phone', phone: '418 555-0187' },
  });
  // A worker of a school board, not in the directory (a requester is named by Teams, not by the directory).
  const eric: Person = { id: 'user-id-6', aadObjectId: '00000000-0000-4000-8000-000000000106', name: 'Éric Pelletier' };
  const escalated: ConsultationRequest = {
    ...request('C-3KFM7A', eric, minutes(now, -3 * 60), {
      category: 'detecter',
      urgency: 'today',
      description: 'Plusieurs élèves de 3e secondaire parlent d’un « agent » qui recrute sur Snapchat pour des soirées payées. Quels signes surveiller et qui aviser?',
    }),
    escalatedAt: minutes(now, -60).toISOString(),
  };
  const later = minutes(now, 55);

  return [
    ['consultation-form', renderConsultationForm(t, { organisations, values: empty, reference })],
    ['consultation-check', renderConsultationCheck(t, { values: typed, reference, findings, fingerprint: fingerprintOf(typed.description), emergencyShown: false })],
    ['consultation-receipt', renderConsultationReceipt(t, sent, directory.organisation(sent.organisationId) ?? { name: sent.organisationId }, false)],
    ['consultation-update-claimed', renderConsultationUpdate(t, update)],
    ['consultation-my-requests', renderMyRequests(t, [claimed, earlier].map((r) => viewOf(r, directory)))],
    ['consultation-request-open', renderRequestCard(t, viewOf(sent, directory), { now: minutes(now, 12), reason: 'new' })],
    ['consultation-request-claimed', renderRequestCard(t, viewOf(claimed, directory), { now: claimedAt })],
    ['consultation-open-requests', renderOpenRequests(t, [urgent, escalated, claimed].map((r) => viewOf(r, directory)), later)],
  ];
}
