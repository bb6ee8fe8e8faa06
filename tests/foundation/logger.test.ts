import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../bot/logger.js';

describe('logger', () => {
  it('writes JSON lines and censors message text, card values, descriptions and names', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(chunk.toString()), done()) });
    const logger = createLogger('info', sink);
    logger.info({ text: 'Elle s\'appelle Jessica', activity: { text: 'secret', value: { description: 'x' }, from: { name: 'Sophie' } }, entryId: 'fugue-risque' }, 'turn');
    const line = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(line.msg).toBe('turn');
    expect(line.entryId).toBe('fugue-risque');
    const raw = lines.join('');
    for (const secret of ['Jessica', 'secret', 'Sophie']) expect(raw).not.toContain(secret);
    expect(raw).toContain('[caviardé]');
  });
});
