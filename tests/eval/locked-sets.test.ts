/**
 * The locked halves of the blind evaluation sets are never tuned on: their hashes are pinned here,
 * so any edit to them shows in review as a change to this test.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../../bot/paths.js';

const pinned: Record<string, string> = {
  'danger.locked.yaml': 'ec08b885c6d173b116d18f6599202979a6db6283c85a5e88f9127154e1c999fb',
  'indomain-ac.locked.yaml': '83f525835621624041ac688f77045d0028967890419ad75d72e915c42c67bff9',
  'indomain-dg.locked.yaml': '0c2f1508dd17054fcf16af5b0d1b74843684de0e24b35ec98392c06734eec92d',
  'out-of-scope.locked.yaml': '12dddd8ea185ee3e65ca793fbbf754b6d051f9509ed52f308d189a220f8d47a3',
};

describe('locked evaluation sets', () => {
  for (const [file, hash] of Object.entries(pinned)) {
    it(`keeps ${file} exactly as it was split`, () => {
      const actual = createHash('sha256').update(readFileSync(repoPath('tests', 'eval', 'blind', file))).digest('hex');
      expect(actual).toBe(hash);
    });
  }
});
