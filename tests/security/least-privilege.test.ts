/**
 * Least privilege, one test per refusal: closing or reassigning a request is for its holder, the
 * organisation's (backup) coordinators and the Table's; an organisation's coordinator sees and
 * announces for their organisation only. Driven through the real teams-ai Application.
 */
import { describe, expect, it } from 'vitest';
import type { ConsultationRequest } from '../../bot/core/consultations/request.js';
import { consultationsPartition } from '../../bot/core/consultations/records.js';
import { verbs } from '../../bot/teams/verbs.js';
import { consultationBot } from '../consultations/bot-harness.js';
import { people, submission } from '../consultations/helpers.js';

async function openRequest() {
  const bot = consultationBot();
  const submitted = await bot.consultations.submit(submission({ reference: 'C-7K4M2Q' }), people.sophie);
  if (submitted.kind !== 'submitted') throw new Error('test: not submitted');
  const stored = async () => (await bot.store.get<ConsultationRequest>(consultationsPartition, 'request/C-7K4M2Q'))?.value;
  const textOf = (r: { body: { value: unknown } }) => JSON.stringify(r.body.value);
  return { bot, stored, textOf };
}

describe('closing and reassigning a request', () => {
  it('refuses a pivot closing a request someone else holds, and logs the refusal', async () => {
    const { bot, stored, textOf } = await openRequest();
    await bot.execute(people.isabelle, verbs.claim, { requestId: 'C-7K4M2Q' });
    const answer = await bot.execute(people.marcAndre, verbs.close, { requestId: 'C-7K4M2Q', note: 'fini' });
    expect(textOf(answer)).toContain('prise en charge par une autre personne');
    expect((await stored())?.state).toBe('claimed');
    expect(bot.logLines.some((l) => l.includes('consultation action refused') && l.includes('"action":"close"'))).toBe(true);
  });

  it('refuses a pivot reassigning a request someone else holds', async () => {
    const { bot, stored } = await openRequest();
    await bot.execute(people.isabelle, verbs.claim, { requestId: 'C-7K4M2Q' });
    await bot.execute(people.marcAndre, verbs.assign, { requestId: 'C-7K4M2Q', assignee: people.marcAndre.id });
    expect((await stored())?.handler?.id).toBe(people.isabelle.id);
  });

  it('refuses a pivot closing a request nobody holds yet (claiming it is the pivot’s move)', async () => {
    const { bot, stored } = await openRequest();
    await bot.execute(people.marcAndre, verbs.close, { requestId: 'C-7K4M2Q' });
    expect((await stored())?.state).toBe('open');
    await bot.execute(people.marcAndre, verbs.claim, { requestId: 'C-7K4M2Q' });
    expect((await stored())?.handler?.id).toBe(people.marcAndre.id);
  });

  it('lets the holder close it, and the backup coordinator reassign what a pivot holds', async () => {
    const { bot, stored } = await openRequest();
    await bot.execute(people.marcAndre, verbs.claim, { requestId: 'C-7K4M2Q' });
    await bot.execute(people.julie, verbs.assign, { requestId: 'C-7K4M2Q', assignee: people.isabelle.id });
    expect((await stored())?.handler?.id).toBe(people.isabelle.id);
    await bot.execute(people.isabelle, verbs.close, { requestId: 'C-7K4M2Q' });
    expect((await stored())?.state).toBe('closed');
  });

  it('refuses another organisation’s coordinator', async () => {
    const { bot, stored } = await openRequest();
    await bot.execute(people.karine, verbs.close, { requestId: 'C-7K4M2Q' });
    expect((await stored())?.state).toBe('open');
  });
});

describe('a malformed invoke', () => {
  it('commits nothing and tells the worker nothing when the invoke has no replyToId', async () => {
    const { bot, stored, textOf } = await openRequest();
    const outboxBefore = (await bot.store.list(consultationsPartition, { prefix: 'outbox/' })).length;
    const answer = await bot.execute(people.isabelle, verbs.claim, { requestId: 'C-7K4M2Q' }, { replyToId: undefined });
    expect(answer.status).toBe(200);
    expect(textOf(answer)).toContain('Cette action n’est pas valide');
    expect((await stored())?.state).toBe('open');
    expect((await bot.store.list(consultationsPartition, { prefix: 'outbox/' })).length).toBe(outboxBefore);
    expect(bot.logLines.some((l) => l.includes('"field":"replyToId"'))).toBe(true);
  });

  it('refuses an array or oversized request id without coercing it or logging it', async () => {
    const { bot, stored } = await openRequest();
    await bot.execute(people.isabelle, verbs.claim, { requestId: ['C-7K4M2Q'] });
    const huge = 'C'.repeat(100_000);
    await bot.execute(people.isabelle, verbs.close, { requestId: huge });
    expect((await stored())?.state).toBe('open');
    const refused = bot.logLines.filter((l) => l.includes('invalid input'));
    expect(refused).toHaveLength(2);
    expect(refused[0]).toContain('"type":"array"');
    expect(refused[1]).toContain('"length":100000');
    expect(refused.join('')).not.toContain('CCCCCCCCCC');
  });
});
