/**
 * `npx tsx scripts/cross-validate-ranking.ts [--weight=W] [--topic=W]`: out-of-fold figures of the ranking on
 * the tuning questions (never a locked half). The in-domain tuning questions are cut into 5 folds
 * by a hash of their text; each fold is scored by an answerer whose learned phrasings come from
 * the other four only. This is the honest figure for choices made on the tuning data (the
 * learned phrasings make the plain tuning-half figures in-sample). The scope model is the shipped
 * one, trained on all the tuning data, so out-of-scope decisions are not scored here.
 */
import { foldOf, learnedPhrasings, tuningQuestions } from '../bot/cli/eval-sets.js';
import { formatProblems, loadKnowledge } from '../bot/core/knowledge/load-knowledge.js';
import { createAnswerer } from '../bot/core/search/create-answerer.js';
import { outOfScopeLabel } from '../bot/core/search/evaluate-answerer.js';
import { repoPath } from '../bot/paths.js';

const folds = 5;
const weightArg = process.argv.find((a) => a.startsWith('--weight='));
const topicArg = process.argv.find((a) => a.startsWith('--topic='));
const { knowledge, problems } = loadKnowledge(repoPath('knowledge'));
if (!knowledge) throw new Error(formatProblems(problems));
const questions = tuningQuestions().filter((q) => q.expect !== outOfScopeLabel);

const tally = { n: 0, top1: 0, top3: 0, answeredRight: 0, answeredWrong: 0, clarify: 0, rejected: 0 };
for (let k = 0; k < folds; k++) {
  const learned = learnedPhrasings(questions, (q) => foldOf(q, folds) === k);
  const answerer = createAnswerer(knowledge, { learnedQuestions: learned, ...(weightArg ? { learnedSimilarity: Number(weightArg.slice(9)) } : {}), ...(topicArg ? { topicWeight: Number(topicArg.slice(8)) } : {}) });
  for (const q of questions.filter((x) => foldOf(x.q, folds) === k)) {
    const { decision, candidates } = answerer.analyze(q.q);
    const ranking = candidates.map((c) => c.entry.id);
    tally.n++;
    if (ranking[0] === q.expect) tally.top1++;
    if (ranking.slice(0, 3).includes(q.expect)) tally.top3++;
    if (decision.kind === 'answer' && decision.results[0]?.entry.id === q.expect) tally.answeredRight++;
    else if (decision.kind === 'answer') tally.answeredWrong++;
    if (decision.kind === 'clarify') tally.clarify++;
    if (decision.kind === 'out-of-scope' || decision.kind === 'unknown') tally.rejected++;
  }
}
const r = (x: number) => (x / tally.n).toFixed(3);
console.log(`Hors pli (${folds} plis, ${tally.n} questions du domaine) : top-1 ${r(tally.top1)}, top-3 ${r(tally.top3)}, réponse directe juste ${r(tally.answeredRight)}, fausse ${r(tally.answeredWrong)}, « Vouliez-vous dire » ${r(tally.clarify)}, rejetées ${r(tally.rejected)}`);
