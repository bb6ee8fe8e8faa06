/**
 * How long a request may wait for someone to take it before it goes to the backup coordinators.
 * The deadline is stored on the request, so a restart does not reset the clock; `escalateDue`
 * (in the service) is run periodically and escalates whatever is due.
 */
import type { Urgency } from './request.js';

/** Minutes before escalation, per urgency, plus `urgent` for requests that signal danger. */
export type EscalationMinutes = Readonly<Record<Urgency | 'urgent', number>>;

/**
 * Defaults: 30 min when urgent or immediate, 2 h for "aujourd'hui", 1 day for "cette semaine",
 * 3 days for "pas urgent" (calendar time: Balise does not know office hours).
 */
export const defaultEscalationMinutes: EscalationMinutes = { urgent: 30, immediate: 30, today: 120, week: 24 * 60, none: 3 * 24 * 60 };

/** The time a request submitted at `at` is escalated if nobody takes it. */
export function escalationDeadline(at: Date, urgency: Urgency, urgent: boolean, minutes: EscalationMinutes = defaultEscalationMinutes): Date {
  const wait = urgent ? Math.min(minutes.urgent, minutes[urgency]) : minutes[urgency];
  return new Date(at.getTime() + wait * 60_000);
}
