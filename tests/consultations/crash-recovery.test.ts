import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Sender } from '../../bot/core/delivery/delivery-types.js';
import { createSqliteStore } from '../../bot/storage/sqlite-store.js';
import { consultationCore, manualClock, people, pivotsChannel, recordingSender, submission } from './helpers.js';

describe('a crash between saving a request and delivering its alerts', () => {
  it('still delivers each alert exactly once after a restart over the same SQLite file', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'balise-consult-'));
    const clock = manualClock();

    // Before the crash: the request is committed; the process dies before the outbox runs.
    const neverCalled: Sender = { send: () => Promise.reject(new Error('test: no delivery before the crash')) };
    const before = createSqliteStore(dir);
    const result = await consultationCore(before, neverCalled, clock.now).consultations.submit(submission(), people.sophie);
    expect(result.kind).toBe('submitted');
    await before.close();

    // After the restart: a new store, a new outbox, nothing but the file in common.
    const after = createSqliteStore(dir);
    const { sender, sent } = recordingSender();
    const { outbox, consultations } = consultationCore(after, sender, clock.now);
    await outbox.drainOnce();
    await outbox.drainOnce();
    expect(sent.map((s) => s.to).sort()).toEqual([people.isabelle.id, pivotsChannel].sort());
    if (result.kind === 'submitted') expect((await consultations.listOpen(people.isabelle)).map((r) => r.id)).toEqual([result.request.id]);
    await after.close();
  });
});
