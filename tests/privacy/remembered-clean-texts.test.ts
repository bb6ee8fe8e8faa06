/**
 * The chat's privacy check remembers the texts it found nothing in (a question asked again skips the
 * patterns): the findings must be those of the full check, and a text with a finding is never kept.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createPersonalDataFinder, findPersonalData } from '../../bot/core/privacy/find-personal-data.js';
import { repoPath } from '../../bot/paths.js';

const sentences = ['privacy-set.yaml', 'privacy-tuning.yaml'].flatMap((file) => (parse(readFileSync(repoPath('tests', 'privacy', file), 'utf8')) as Array<{ q: string }>).map((c) => c.q));

/** A finder over the real check that counts how often each text was checked. */
function countingFinder(size?: number) {
  const checks = new Map<string, number>();
  const find = createPersonalDataFinder(size, (text) => {
    checks.set(text, (checks.get(text) ?? 0) + 1);
    return findPersonalData(text);
  });
  return { find, checks };
}

describe('the privacy check with its memory of clean texts', () => {
  it('finds what the full check finds, the first time and when the same text comes again', () => {
    const { find } = countingFinder();
    const identifying = sentences.filter((s) => findPersonalData(s).length > 0);
    expect(identifying.length).toBeGreaterThan(20);
    expect(sentences.length - identifying.length).toBeGreaterThan(20);
    for (const round of [1, 2]) {
      for (const text of sentences) expect(find(text), `round ${round}: ${text.length} chars`).toEqual(findPersonalData(text));
    }
  });

  it('checks a clean text once, and a text with a finding every time (it is never kept)', () => {
    const { find, checks } = countingFinder();
    const clean = 'où les pimps recrutent les jeunes filles';
    const identifying = "elle s'appelle Océane Tremblay, née le 14 mars 2010";
    for (let i = 0; i < 3; i++) {
      expect(find(clean)).toEqual([]);
      expect(find(identifying).length).toBeGreaterThan(0);
    }
    expect(checks.get(clean)).toBe(1);
    expect(checks.get(identifying)).toBe(3);
  });

  it('forgets the oldest clean text beyond its size, and remembers nothing at size 0', () => {
    const { find, checks } = countingFinder(2);
    for (const text of ['question a', 'question b', 'question c', 'question a']) find(text);
    expect(checks.get('question a')).toBe(2);
    const none = countingFinder(0);
    none.find('question a');
    none.find('question a');
    expect(none.checks.get('question a')).toBe(2);
  });
});
