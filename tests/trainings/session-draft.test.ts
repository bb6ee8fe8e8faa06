/** The coordinator's form: local Québec times become instants, and every problem is reported at once. */
import { describe, expect, it } from 'vitest';
import { localToInstant } from '../../bot/core/trainings/local-time.js';
import { readSessionForm, validateSessionForm, type SessionForm } from '../../bot/core/trainings/session-draft.js';

const now = new Date('2026-11-28T15:00:00Z');
const volet1: SessionForm = {
  track: 'volet-1',
  day1: '2027-03-09',
  day2: '2027-03-10',
  startTime: '09:00',
  endTime: '16:00',
  place: 'Salle 101',
  capacity: '20',
  deadline: '2027-03-01',
};

const codes = (form: SessionForm) => {
  const r = validateSessionForm(form, now);
  return r.ok ? [] : r.problems.map((p) => `${p.field}:${p.code}`);
};

describe('local time', () => {
  it('converts Québec local time to UTC in winter (UTC-5) and in summer (UTC-4)', () => {
    expect(localToInstant('2027-01-12', '09:00')?.toISOString()).toBe('2027-01-12T14:00:00.000Z');
    expect(localToInstant('2027-07-13', '09:00')?.toISOString()).toBe('2027-07-13T13:00:00.000Z');
    expect(localToInstant('2027-02-30', '09:00')).toBeUndefined();
  });
});

describe('validateSessionForm', () => {
  it('turns a valid two-day Volet 1 form into a draft; registration closes at the end of the deadline day', () => {
    // Daylight saving time starts on 2027-03-14: the two days have different UTC offsets.
    const r = validateSessionForm({ ...volet1, day1: '2027-03-12', day2: '2027-03-15' }, now);
    expect(r.ok && r.draft.days).toEqual([
      { start: '2027-03-12T14:00:00.000Z', end: '2027-03-12T21:00:00.000Z' },
      { start: '2027-03-15T13:00:00.000Z', end: '2027-03-15T20:00:00.000Z' },
    ]);
    expect(r.ok && r.draft.capacity).toBe(20);
    expect(r.ok && r.draft.deadline).toBe('2027-03-02T04:59:00.000Z');
  });

  it('collects every problem of a form at once', () => {
    expect(codes({ track: 'volet-9', day1: '2026-01-01', startTime: '16:00', endTime: '09:00', capacity: '0', deadline: '' })).toEqual([
      'track:track',
      'endTime:time-order',
      'day1:day1-past',
      'place:place',
      'capacity:capacity',
      'deadline:deadline',
    ]);
  });

  it('requires the second day of Volet 1 and refuses one for Volet 2', () => {
    expect(codes({ ...volet1, day2: '' })).toEqual(['day2:day2-missing']);
    expect(codes({ ...volet1, track: 'volet-2' })).toEqual(['day2:day2-not-allowed']);
    expect(codes({ ...volet1, track: 'volet-2', day2: '' })).toEqual([]);
    expect(codes({ ...volet1, day2: '2027-03-08' })).toEqual(['day2:day2-order']);
  });

  it('accepts an online session with a Teams link instead of a place, and refuses a link that is not https', () => {
    expect(codes({ ...volet1, place: '', meetingUrl: 'https://teams.microsoft.com/l/meetup-join/abc' })).toEqual([]);
    expect(codes({ ...volet1, place: '', meetingUrl: 'javascript:alert(1)' })).toEqual(['meetingUrl:meeting-url']);
  });

  it('refuses a deadline after the first day or already past', () => {
    expect(codes({ ...volet1, deadline: '2027-03-09' })).toEqual(['deadline:deadline-after-start']);
    expect(codes({ ...volet1, deadline: '2026-11-27' })).toEqual(['deadline:deadline-past']);
  });

  it('lets the coordinator allow a second registration in the track, off by default', () => {
    const draft = (form: SessionForm) => {
      const r = validateSessionForm(form, now);
      return r.ok ? r.draft : undefined;
    };
    expect(draft({ ...volet1, allowRepeat: 'true' })?.allowRepeat).toBe(true);
    expect(draft({ ...volet1, allowRepeat: 'false' })).not.toHaveProperty('allowRepeat');
    expect(draft(volet1)).not.toHaveProperty('allowRepeat');
  });

  it('keeps only the known fields of a submitted card value', () => {
    expect(readSessionForm({ verb: 'announce-preview', track: ' volet-1 ', capacity: 12, evil: 'x' })).toEqual({ track: 'volet-1', capacity: '12' });
  });
});
