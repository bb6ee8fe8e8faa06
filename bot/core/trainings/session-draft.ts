/**
 * Validates what a coordinator typed in the "Annoncer une formation" form into a session draft.
 * Every problem is collected and returned at once (a code and the field it concerns), so the form
 * comes back with the whole list instead of one complaint at a time.
 */
import { isTrackId, trackOf } from './tracks.js';
import { localToInstant } from './local-time.js';
import type { SessionDay, TrainingSession } from './session-types.js';

/** The form as submitted: every field is a string (Adaptive Card inputs), possibly missing. */
export interface SessionForm {
  readonly track?: string;
  readonly day1?: string;
  readonly day2?: string;
  readonly startTime?: string;
  readonly endTime?: string;
  readonly place?: string;
  readonly meetingUrl?: string;
  readonly capacity?: string;
  readonly deadline?: string;
  readonly notes?: string;
  /** "true" when the coordinator allows a second registration in the same track (Input.Toggle). */
  readonly allowRepeat?: string;
}

/** The fields of the form, to keep a submitted form from carrying anything else. */
export const sessionFormFields = ['track', 'day1', 'day2', 'startTime', 'endTime', 'place', 'meetingUrl', 'capacity', 'deadline', 'notes', 'allowRepeat'] as const;

/** A validated session, before it is published: the session's own fields, no list yet. */
export type SessionDraft = Pick<TrainingSession, 'track' | 'days' | 'place' | 'meetingUrl' | 'capacity' | 'deadline' | 'notes' | 'allowRepeat'>;

/** Why a form is refused. */
export type DraftProblemCode =
  | 'track'
  | 'day1'
  | 'day1-past'
  | 'day2-missing'
  | 'day2-not-allowed'
  | 'day2-order'
  | 'time'
  | 'time-order'
  | 'place'
  | 'too-long'
  | 'meeting-url'
  | 'capacity'
  | 'deadline'
  | 'deadline-after-start'
  | 'deadline-past';

/** One problem of a form. */
export interface DraftProblem {
  readonly code: DraftProblemCode;
  readonly field: (typeof sessionFormFields)[number];
}

/** Limits of the form. Defaults are in {@link defaultDraftLimits}. */
export interface DraftLimits {
  /** Largest capacity. Default: 500. */
  readonly maxCapacity: number;
  /** Longest place. Default: 200 characters. */
  readonly maxPlaceLength: number;
  /** Longest notes. Default: 1,000 characters. */
  readonly maxNotesLength: number;
}

/** The default limits. */
export const defaultDraftLimits: DraftLimits = { maxCapacity: 500, maxPlaceLength: 200, maxNotesLength: 1000 };

/** Keeps only the known fields of a submitted value, as trimmed strings. */
export function readSessionForm(value: Readonly<Record<string, unknown>>): SessionForm {
  const form: Record<string, string> = {};
  for (const field of sessionFormFields) {
    const v = value[field];
    if (typeof v === 'string' || typeof v === 'number') form[field] = String(v).trim();
  }
  return form;
}

/** Validates a form; returns the draft, or every problem found. */
export function validateSessionForm(
  form: SessionForm,
  now: Date,
  limits: DraftLimits = defaultDraftLimits,
): { ok: true; draft: SessionDraft } | { ok: false; problems: DraftProblem[] } {
  const problems: DraftProblem[] = [];
  const add = (code: DraftProblemCode, field: DraftProblem['field']) => problems.push({ code, field });

  const track = isTrackId(form.track) ? form.track : undefined;
  if (!track) add('track', 'track');
  const startTime = form.startTime ?? '';
  const endTime = form.endTime ?? '';
  const timesOk = localToInstant('2000-01-01', startTime) !== undefined && localToInstant('2000-01-01', endTime) !== undefined;
  if (!timesOk) add('time', 'startTime');
  else if (endTime <= startTime) add('time-order', 'endTime');

  const dates = [form.day1 ?? '', form.day2 ?? ''].filter((d, i) => i === 0 || d !== '');
  const days: SessionDay[] = [];
  for (const date of dates) {
    const start = localToInstant(date, timesOk ? startTime : '00:00');
    const end = localToInstant(date, timesOk ? endTime : '00:00');
    if (start && end) days.push({ start: start.toISOString(), end: end.toISOString() });
  }
  if (!localToInstant(form.day1 ?? '', '00:00')) add('day1', 'day1');
  else if (days[0] && Date.parse(days[0].start) <= now.getTime()) add('day1-past', 'day1');
  if (form.day2 && !localToInstant(form.day2, '00:00')) add('day1', 'day2');
  if (track) {
    const { minDays, maxDays } = trackOf(track);
    if (dates.length < minDays) add('day2-missing', 'day2');
    if (dates.length > maxDays) add('day2-not-allowed', 'day2');
  }
  if (dates.length === 2 && (form.day2 ?? '') <= (form.day1 ?? '')) add('day2-order', 'day2');

  const place = form.place ?? '';
  const meetingUrl = form.meetingUrl ?? '';
  if (!place && !meetingUrl) add('place', 'place');
  if (place.length > limits.maxPlaceLength) add('too-long', 'place');
  if (meetingUrl && !/^https:\/\/[^\s]+$/.test(meetingUrl)) add('meeting-url', 'meetingUrl');

  const capacity = Number(form.capacity);
  if (!/^\d+$/.test(form.capacity ?? '') || capacity < 1 || capacity > limits.maxCapacity) add('capacity', 'capacity');

  // Registration closes at the end of the deadline day, local time.
  const deadline = localToInstant(form.deadline ?? '', '23:59');
  if (!deadline) add('deadline', 'deadline');
  else if (deadline.getTime() <= now.getTime()) add('deadline-past', 'deadline');
  else if (days[0] && deadline.getTime() > Date.parse(days[0].start)) add('deadline-after-start', 'deadline');

  const notes = form.notes ?? '';
  if (notes.length > limits.maxNotesLength) add('too-long', 'notes');

  if (problems.length > 0 || !track || !deadline) return { ok: false, problems };
  return {
    ok: true,
    draft: { track, days, place, meetingUrl: meetingUrl || undefined, capacity, deadline: deadline.toISOString(), notes: notes || undefined, ...(form.allowRepeat === 'true' ? { allowRepeat: true } : {}) },
  };
}
