import { afterEach, describe, expect, it, vi } from 'vitest';
import { startEscalationTimer } from '../../bot/core/consultations/escalation-timer.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('escalation timer', () => {
  it('runs at once, then every interval with the clock\'s time, and reports what it escalated', async () => {
    vi.useFakeTimers();
    const calls: string[] = [];
    const escalated: string[][] = [];
    let t = Date.parse('2026-11-30T16:00:00Z');
    const timer = startEscalationTimer(
      { escalateDue: async (now) => (calls.push(now.toISOString()), calls.length === 2 ? ['C-ABCDEF'] : []) },
      () => new Date(t),
      { intervalMs: 1_000, onEscalated: (ids) => escalated.push([...ids]) },
    );
    await vi.advanceTimersByTimeAsync(0);
    t += 1_000;
    await vi.advanceTimersByTimeAsync(1_000);
    await timer.stop();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(calls).toEqual(['2026-11-30T16:00:00.000Z', '2026-11-30T16:00:01.000Z']);
    expect(escalated).toEqual([['C-ABCDEF']]);
  });

  it('reports a failed run and keeps going', async () => {
    vi.useFakeTimers();
    const errors: string[] = [];
    let runs = 0;
    const timer = startEscalationTimer({ escalateDue: async () => (++runs === 1 ? Promise.reject(new Error('consultations: store down')) : []) }, () => new Date(), { intervalMs: 1_000, onError: (e) => errors.push(e.message) });
    await vi.advanceTimersByTimeAsync(1_000);
    await timer.stop();
    expect(errors).toEqual(['consultations: store down']);
    expect(runs).toBe(2);
  });
});
