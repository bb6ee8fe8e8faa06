/**
 * Who hears about a request: its organisation's coordinators in a 1:1 chat (each with the first
 * backup coordinator as fallback when they cannot be reached) and the Pivots channel if one is
 * configured; on escalation the backup coordinators (the Table's coordinators as fallback, or as
 * recipients when the organisation has no backup).
 */
import type { Directory } from '../directory/directory.js';
import type { Recipient } from '../delivery/delivery-types.js';
import { personRecord, toRecipient, type Person } from '../people/person.js';

/** One alert to send: a recipient and who gets it instead if they cannot be reached. */
export interface Route {
  readonly recipient: Recipient;
  readonly fallback?: Recipient;
}

/** A stable key of a recipient: its user or conversation id. */
export function recipientKey(r: Recipient): string {
  return r.kind === 'user' ? r.userId : r.conversationId;
}

function uniqueById(people: readonly Person[]): Person[] {
  const seen = new Set<string>();
  return people.filter((p) => !seen.has(p.id) && seen.add(p.id)).map(personRecord);
}

/** The first alerts of a new request; empty for an unknown organisation. */
export function routeConsultation(directory: Directory, organisationId: string): Route[] {
  const org = directory.organisation(organisationId);
  if (!org) return [];
  const backup = org.backupCoordinators[0];
  const routes: Route[] = uniqueById(org.coordinators).map((c) => ({
    recipient: toRecipient(c),
    ...(backup && backup.id !== c.id ? { fallback: toRecipient(backup) } : {}),
  }));
  const channel = org.pivotsChannel ?? directory.data.channels.pivots;
  // The channel is a second path, not the only one: it gets no fallback (the coordinators already have it).
  if (channel) routes.push({ recipient: { kind: 'conversation', conversationId: channel.conversationId, name: channel.name } });
  return routes;
}

/** The alerts of an escalation: backup coordinators, else the Table's coordinators. */
export function escalationRoutes(directory: Directory, organisationId: string): Route[] {
  const org = directory.organisation(organisationId);
  const table = uniqueById(directory.data.tableCoordinators);
  const backups = uniqueById(org?.backupCoordinators ?? []);
  if (backups.length === 0) return table.map((t) => ({ recipient: toRecipient(t) }));
  const fallback = table.find((t) => !backups.some((b) => b.id === t.id));
  return backups.map((b) => ({ recipient: toRecipient(b), ...(fallback ? { fallback: toRecipient(fallback) } : {}) }));
}

/** People a request of `organisationId` may be assigned to: its pivots, then its coordinators and backups. */
export function assigneesOf(directory: Directory, organisationId: string): Person[] {
  const org = directory.organisation(organisationId);
  return org ? uniqueById([...org.pivots, ...org.coordinators, ...org.backupCoordinators]) : [];
}

/** Everyone who may act on a request of `organisationId` (whose cards refresh for them). */
export function handlersOf(directory: Directory, organisationId: string): Person[] {
  const org = directory.organisation(organisationId);
  return uniqueById([...(org ? [...org.coordinators, ...org.backupCoordinators, ...org.pivots] : []), ...directory.data.tableCoordinators]);
}
