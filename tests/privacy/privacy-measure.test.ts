/**
 * The personal-data check measured on the blind set (written by someone who never saw the code),
 * split once by kind into a tuning half and a locked half. The locked half is pinned by hash: it
 * cannot be edited to make the figures pass.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { measurePrivacy, readPrivacySet } from '../../bot/cli/privacy-measure.js';
import { repoPath } from '../../bot/paths.js';

const lockedHash = '98aadad803cdcf47f947532cd848b3e5ba5e608b49d3f06de27077f79dba257e';

describe('personal-data check on the blind set', () => {
  it('keeps the locked half exactly as split', () => {
    expect(createHash('sha256').update(readFileSync(repoPath('tests', 'privacy', 'privacy-locked.yaml'))).digest('hex')).toBe(lockedHash);
  });

  it('the two halves together are the blind set, each sentence once', () => {
    const all = readFileSync(repoPath('tests', 'privacy', 'privacy-set.yaml'), 'utf8');
    const halves = [...readPrivacySet('tuning'), ...readPrivacySet('locked')];
    expect(halves).toHaveLength(220);
    expect(new Set(halves.map((c) => c.q)).size).toBe(220);
    for (const c of halves) expect(all).toContain(c.q.slice(0, 40));
  });

  it('finds at least 95 % of the identifying sentences of the locked half, with at most 10 % false warnings', () => {
    const figures = measurePrivacy(readPrivacySet('locked'));
    expect(figures.identifying).toBeGreaterThanOrEqual(50);
    expect(figures.anonymous).toBeGreaterThanOrEqual(50);
    expect(figures.recall).toBeGreaterThanOrEqual(0.95);
    expect(figures.falseWarnings).toBeLessThanOrEqual(0.1);
  });
});
