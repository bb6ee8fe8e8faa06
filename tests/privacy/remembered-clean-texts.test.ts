/**
 * The chat checks a question for personal data unless the decision cache recalls it: only texts the
 * check found nothing in are remembered (chat and compose box alike), so the findings are those of
 * the full check, and a text with a finding is never kept.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadKnowledge } from '../../bot/core/knowledge/load-knowledge.js';
import { findPersonalData } from '../../bot/core/privacy/find-personal-data.js';
import { createAnswerer } from '../../bot/core/search/create-answerer.js';
import { repoPath } from '../../bot/paths.js';
import { appRig } from '../security/app-rig.js';

const sentences = ['privacy-set.yaml', 'privacy-tuning.yaml'].flatMap((file) => (parse(readFileSync(repoPath('tests', 'privacy', file), 'utf8')) as Array<{ q: string }>).map((c) => c.q));
const sophie = { id: 'user-id-0', aadObjectId: '00000000-0000-4000-8000-000000000100', name: 'Sophie Tremblay' };

/** The `personalData` flag of each « question answered » log line written since `from`. */
const flagsSince = (lines: readonly string[], from: number) =>
  lines.slice(from).flatMap((line) => {
    const entry = JSON.parse(line) as { msg?: string; personalData?: boolean };
    return entry.msg === 'question answered' ? [entry.personalData] : [];
  });

describe('the privacy check and the decision cache', () => {
  it('flags what the full check finds, the first time and when the same text comes again, and recalls only clean texts', async () => {
    const rig = appRig({ local: true });
    const identifying = sentences.filter((s) => findPersonalData(s).length > 0);
    expect(identifying.length).toBeGreaterThan(20);
    expect(sentences.length - identifying.length).toBeGreaterThan(20);
    let answered = 0;
    for (const text of sentences) {
      const flagged = findPersonalData(text).length > 0;
      let asQuestion = false;
      for (const round of [1, 2]) {
        const from = rig.logLines.length;
        await rig.say(sophie, text);
        const flags = flagsSince(rig.logLines, from);
        // A command word routes a few sentences elsewhere: no question answered, nothing to compare.
        if (flags.length === 0) continue;
        answered++;
        asQuestion = true;
        expect(flags, `round ${round}: ${text.length} chars`).toEqual([flagged]);
      }
      expect(rig.deps.answerer.recall?.(text) !== undefined, `recalled: ${text.length} chars`).toBe(!flagged && asQuestion);
    }
    expect(answered).toBeGreaterThan(sentences.length);
  });

  it('never remembers a text decided with remember false, forgets beyond its size, and remembers nothing at size 0', () => {
    const knowledge = loadKnowledge(repoPath('knowledge')).knowledge!;
    const small = createAnswerer(knowledge, { decisionCacheSize: 2 });
    const identifying = "elle s'appelle Océane Tremblay, née le 14 mars 2010";
    small.decide(identifying, false);
    expect(small.recall?.(identifying)).toBeUndefined();
    for (const text of ['question a', 'question b', 'question c']) small.decide(text);
    expect(small.recall?.('question a')).toBeUndefined();
    expect(small.recall?.('question c')).toBe(small.decide('question c'));
    const none = createAnswerer(knowledge, { decisionCacheSize: 0 });
    none.decide('question a');
    expect(none.recall?.('question a')).toBeUndefined();
  });
});

