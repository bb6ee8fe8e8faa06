/**
 * Escalation, run periodically: every request nobody took before its stored deadline goes to the
 * backup coordinators (alerts committed with the change). Reads only the open index, so it stays
 * cheap, and re-checks each request under its ETag, so running it twice escalates once.
 */
import { updateRecord } from '../storage/record-store.js';
import { appendAudit } from './audit.js';
import { isEscalationDue } from './lifecycle.js';
import { alertDeliveries } from './payloads.js';
import { consultationsPartition, openIndexOp, openPrefix, requestKey, type ConsultationDeps, type OpenIndexEntry } from './records.js';
import type { ConsultationRequest } from './request.js';
import { escalationRoutes, recipientKey } from './routing.js';

/** Escalates every request due at `now`; returns their ids. */
export async function escalateDue(deps: ConsultationDeps, now: Date): Promise<string[]> {
  const open = await deps.store.list<OpenIndexEntry>(consultationsPartition, { prefix: openPrefix });
  const due = open.filter((r) => r.value.due !== undefined && Date.parse(r.value.due) <= now.getTime()).map((r) => r.key.slice(openPrefix.length));
  const escalated: string[] = [];
  for (const id of due) {
    const done = await updateRecord<ConsultationRequest, boolean>(deps.store, consultationsPartition, requestKey(id), (current) => {
      if (!current || !isEscalationDue(current, now)) return { result: false };
      const routes = escalationRoutes(deps.directory, current.organisationId);
      const { request, op: auditOp } = appendAudit(
        { ...current, escalatedAt: now.toISOString(), updatedAt: now.toISOString() },
        { at: now.toISOString(), action: 'escalated', from: 'open', to: 'open', detail: { recipients: routes.map((r) => recipientKey(r.recipient)) } },
      );
      return {
        value: request,
        result: true,
        extra: [openIndexOp(request), auditOp, ...deps.outbox.enqueueOps(alertDeliveries(request, current.events, routes, 'escalated', deps.directory))],
      };
    });
    if (done) escalated.push(id);
  }
  return escalated;
}
