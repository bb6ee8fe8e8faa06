/**
 * Workers' own phrasings of each entry's question, learned from the tuning halves of the blind
 * question sets (never a locked half) by scripts/learn-questions.ts and kept in
 * learned-questions.json: the guide's editors write a few clean questions per entry, workers
 * write SMS, Québec French and narratives. The ranking reads both.
 */
import { existsSync, readFileSync } from 'node:fs';
import { repoPath } from '../../paths.js';

/** Where the learned phrasings are kept (read at run time from the repository). */
export const learnedQuestionsPath = repoPath('bot', 'core', 'search', 'learned-questions.json');

/** The learned phrasings (entry id → questions); none when the file is absent. */
export function storedLearnedQuestions(): Readonly<Record<string, readonly string[]>> {
  if (!existsSync(learnedQuestionsPath)) return {};
  return JSON.parse(readFileSync(learnedQuestionsPath, 'utf8')) as Record<string, string[]>;
}
