/**
 * A coordinator or pivot acts on a request: claim, assign, close. Only the people of the routed
 * organisation (and the Table's coordinators) may; closing or reassigning is for the holder and the
 * organisation's (backup) coordinators and the Table's only, not every pivot. The change, its audit entry and the messages it
 * triggers (to the worker, to an assigned pivot) commit together, under the request's ETag, so of
 * two simultaneous claims exactly one wins.
 */
import { personRecord, toRecipient, type Person } from '../people/person.js';
import { updateRecord } from '../storage/record-store.js';
import { appendAudit } from './audit.js';
import { applyAction, type ConsultationAction, type ConsultationEvent } from './lifecycle.js';
import { alertDeliveries, updateDelivery } from './payloads.js';
import { consultationsPartition, openIndexOp, requestKey, type ConsultationDeps } from './records.js';
import { isReference } from './reference.js';
import type { ConsultationRequest } from './request.js';
import { assigneesOf, handlersOf } from './routing.js';

/** An action as a card submits it (the assignee by id). */
export type ActionInput = { readonly kind: 'claim' } | { readonly kind: 'assign'; readonly assigneeId: string } | { readonly kind: 'close'; readonly note?: string };

/** Outcome of an action; only `not-allowed` is a refusal the caller must log. */
export type ActResult =
  | { readonly kind: 'done'; readonly event: ConsultationEvent; readonly request: ConsultationRequest }
  | { readonly kind: 'unchanged' | 'already-taken' | 'already-closed' | 'unknown-assignee'; readonly request: ConsultationRequest }
  | { readonly kind: 'not-allowed'; readonly organisationId: string }
  /** A pivot tried to close or reassign a request they do not hold. */
  | { readonly kind: 'not-holder'; readonly request: ConsultationRequest }
  | { readonly kind: 'not-found' };

/** True when `user` may close or reassign `request`: its holder, or a supervisor of its organisation. */
export function mayCloseOrReassign(deps: Pick<ConsultationDeps, 'directory'>, request: ConsultationRequest, user: Person): boolean {
  if (deps.directory.canSupervise(user, request.organisationId)) return true;
  return !!request.handler && request.state !== 'open' && deps.directory.isSamePerson(request.handler, user);
}

/** The directory's record of `user` among the handlers of an organisation (for a stable name). */
function personFor(deps: ConsultationDeps, user: Person, organisationId: string): Person {
  const known = handlersOf(deps.directory, organisationId).find((p) => p.id === user.id || (!!p.aadObjectId && p.aadObjectId === user.aadObjectId));
  return known ?? personRecord(user);
}

/** Reads a request and checks that `user` may act on it. */
export async function loadForHandler(
  deps: ConsultationDeps,
  requestId: string,
  user: Person,
): Promise<{ kind: 'ok'; request: ConsultationRequest } | { kind: 'not-found' } | { kind: 'not-allowed'; organisationId: string }> {
  if (!isReference(requestId)) return { kind: 'not-found' };
  const record = await deps.store.get<ConsultationRequest>(consultationsPartition, requestKey(requestId));
  if (!record) return { kind: 'not-found' };
  if (!deps.directory.canHandle(user, record.value.organisationId)) return { kind: 'not-allowed', organisationId: record.value.organisationId };
  return { kind: 'ok', request: record.value };
}

/** Applies `input` by `user` to request `requestId`. */
export async function actOnRequest(deps: ConsultationDeps, requestId: string, user: Person, input: ActionInput): Promise<ActResult> {
  const loaded = await loadForHandler(deps, requestId, user);
  if (loaded.kind !== 'ok') return loaded;
  const organisationId = loaded.request.organisationId;
  const actor = personFor(deps, user, organisationId);
  let action: ConsultationAction;
  if (input.kind === 'assign') {
    const assignee = assigneesOf(deps.directory, organisationId).find((p) => p.id === input.assigneeId);
    if (!assignee) return { kind: 'unknown-assignee', request: loaded.request };
    action = { kind: 'assign', assignee };
  } else {
    action = input;
  }

  return updateRecord<ConsultationRequest, ActResult>(deps.store, consultationsPartition, requestKey(requestId), (current) => {
    if (!current) return { result: { kind: 'not-found' } };
    // Checked on the current version: the holder may have changed since the card was shown.
    if (action.kind !== 'claim' && current.state !== 'closed' && !mayCloseOrReassign(deps, current, user)) return { result: { kind: 'not-holder', request: current } };
    const at = deps.now();
    const transition = applyAction(current, action, actor, at);
    if (!transition.ok) return { result: { kind: transition.reason, request: current } };
    const { request, op: auditOp } = appendAudit(transition.request, {
      at: at.toISOString(),
      action: transition.event,
      actor: actor.id,
      from: transition.from,
      to: transition.request.state,
      ...(action.kind === 'assign' ? { detail: { assignee: action.assignee.id } } : {}),
    });
    const seq = current.events;
    const deliveries = [updateDelivery(request, seq, transition.event)];
    if (action.kind === 'assign' && action.assignee.id !== actor.id && action.assignee.id !== request.requester.id) {
      // An assigned pivot who cannot be reached: the person who assigned hears of it instead.
      deliveries.push(...alertDeliveries(request, seq, [{ recipient: toRecipient(action.assignee), fallback: toRecipient(actor) }], 'assigned', deps.directory));
    }
    return {
      value: request,
      result: { kind: 'done', event: transition.event, request },
      extra: [openIndexOp(request), auditOp, ...deps.outbox.enqueueOps(deliveries)],
    };
  });
}
