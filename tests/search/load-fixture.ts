// The search tests' small knowledge base (tests/fixtures/search/knowledge).
import { formatProblems, loadKnowledge } from '../../bot/core/knowledge/load-knowledge.js';
import type { KnowledgeBase } from '../../bot/core/knowledge/types.js';
import { repoPath } from '../../bot/paths.js';

/** Loads a knowledge folder, failing loudly with its problems. */
export function loadOrFail(dir: string): KnowledgeBase {
  const { knowledge, problems } = loadKnowledge(dir);
  if (!knowledge) throw new Error(`test: knowledge base ${dir} has errors:\n${formatProblems(problems)}`);
  return knowledge;
}

export const fixtureDir = repoPath('tests', 'fixtures', 'search', 'knowledge');

/** The fixture knowledge base. */
export function loadFixture(): KnowledgeBase {
  return loadOrFail(fixtureDir);
}
