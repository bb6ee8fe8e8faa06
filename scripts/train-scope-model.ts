/**
 * `npx tsx scripts/train-scope-model.ts`: trains the scope model (out-of-scope.ts) on the tuning
 * halves only (never a locked half), the first release's dev set and the guide's own titles,
 * questions and keywords: questions of the domain against questions out of scope. Its threshold is
 * chosen by 5-fold cross-validation on the whole scope decision, not on the model alone: a question
 * the model flags stays in scope when it holds a core word and its best entry reaches the rescue
 * confidence (out-of-scope.ts), so the threshold is the lowest at which the decision, out of fold,
 * rejects at most `maxRejected` of the domain's questions (« je ne sais pas » counted as a rejection).
 * The rescue inputs (best confidence, core word) come from answerers whose learned phrasings leave
 * the question's fold out. `--model-only` chooses on the model's score alone, as before.
 * Prints the out-of-fold figures and writes bot/core/search/scope-model.json.
 */
import { writeFileSync } from 'node:fs';
import { foldOf, learnedPhrasings, readList, tuningQuestions } from '../bot/cli/eval-sets.js';
import { createAnswerer } from '../bot/core/search/create-answerer.js';
import { defaultSearchOptions } from '../bot/core/search/search-options.js';
import { outOfScopeLabel, type LabelledQuestion } from '../bot/core/search/evaluate-answerer.js';
import { decideOutOfScope, normalizeForScope, scopeModelPath, type ScopeModel } from '../bot/core/search/out-of-scope.js';
import { scoreText, trainLogistic, type TextExample } from '../bot/core/search/text-classifier.js';
import { loadKnowledge } from '../bot/core/knowledge/load-knowledge.js';
import { namingForms } from '../bot/core/knowledge/types.js';
import { repoPath } from '../bot/paths.js';

/**
 * Share of the domain's questions the scope decision may reject, out of fold: 0.02, a point under
 * the 3 %, because random folds share their writers and flatter (fresh rounds rejected none).
 */
const maxRejected = Number(process.argv.find((a) => a.startsWith('--max-rejected='))?.slice(15) ?? 0.02);
const folds = 5;
/** Gradient descent: 600 epochs at rate 2 converge (150 at 0.5 stopped short: recall 0.862 against 0.902 out of fold). */
const fit = (examples: readonly TextExample[]) => trainLogistic(examples, 600, 2);
/** How much one of the guide's own forms counts against one worker's question. */
const guideWeight = Number(process.argv.find((a) => a.startsWith('--guide-weight='))?.slice(15) ?? 0.1);

const questions = [...tuningQuestions(), ...readList<LabelledQuestion>(repoPath('tests', 'eval', 'dev-set.yaml'))];
const examples: TextExample[] = questions.map((q) => ({ text: normalizeForScope(q.q), positive: q.expect === outOfScopeLabel }));
// The guide's own ways of naming its entries (titles, asked questions, keywords, in French and
// English) are in the domain too: short ones such as « plan de sécurité » are what workers type.
// They are in every fold's training data and never scored, so the figures stay on questions.
const { knowledge } = loadKnowledge(repoPath('knowledge'));
if (!knowledge) throw new Error('train-scope-model : base de connaissances invalide (npm run kb:check)');
const guideForms: TextExample[] = knowledge.entries
  .flatMap(namingForms)
  .map((text) => ({ text: normalizeForScope(text), positive: false, weight: guideWeight }));

const scores = new Array<number>(examples.length).fill(0);
for (let k = 0; k < folds; k++) {
  const model = fit([...examples.filter((e) => foldOf(e.text, folds) !== k), ...guideForms]);
  examples.forEach((e, i) => {
    if (foldOf(e.text, folds) === k) scores[i] = scoreText(model, e.text);
  });
}
const rescue = rescueInputs();
const modelOnly = process.argv.includes('--model-only');
/** Whether the scope decision rejects question `i` at threshold `t` (out-of-scope.ts, plus « je ne sais pas » for a weak match). */
function rejects(i: number, t: number): boolean {
  const { confidence, anchored } = rescue[i] ?? { confidence: undefined, anchored: false };
  const score = scores[i] ?? 0;
  if (modelOnly) return score >= t;
  const outOfScope = decideOutOfScope({ score, threshold: t, anchored, bestConfidence: confidence, rescueConfidence: defaultSearchOptions.scopeRescueConfidence });
  return outOfScope || (confidence !== undefined && confidence < defaultSearchOptions.clarifyThreshold);
}
const domainIdx = examples.flatMap((e, i) => (e.positive ? [] : [i]));
const outsideIdx = examples.flatMap((e, i) => (e.positive ? [i] : []));
const share = (idx: readonly number[], t: number) => idx.filter((i) => rejects(i, t)).length / idx.length;
// The lowest threshold that keeps the domain's rejections within bounds catches the most.
let threshold = Math.max(...scores) + 1e-6;
for (const s of [...new Set(domainIdx.map((i) => scores[i] ?? 0))].sort((a, b) => b - a)) {
  if (share(domainIdx, s) > maxRejected) break;
  threshold = s;
}
const recall = share(outsideIdx, threshold);
const rejected = share(domainIdx, threshold);
console.log(`Exemples : ${examples.length} (${outsideIdx.length} hors sujet, ${domainIdx.length} du domaine), plus ${guideForms.length} formes du guide`);
console.log(`Hors pli, décision ${modelOnly ? 'du modèle seul' : 'entière (sauvetage et « je ne sais pas » compris)'} : rappel hors sujet ${recall.toFixed(3)}, questions du domaine rejetées ${rejected.toFixed(3)} (seuil ${threshold.toFixed(3)})`);

const model: ScopeModel = { ...fit([...examples, ...guideForms]), threshold: Math.round(threshold * 10000) / 10000 };
writeFileSync(scopeModelPath, `${JSON.stringify(model)}\n`);
console.log(`Écrit : ${scopeModelPath} (${Object.keys(model.weights).length} poids)`);

/**
 * For each example: its best entry's confidence (undefined when nothing matched) and whether it
 * holds a core word, from an answerer whose learned phrasings leave the question's fold out.
 */
function rescueInputs(): Array<{ confidence: number | undefined; anchored: boolean }> {
  const result = new Array<{ confidence: number | undefined; anchored: boolean }>(questions.length);
  // The shipped phrasings come from the tuning questions only (learn-questions.ts), not the dev set.
  const phrased = tuningQuestions();
  for (let k = 0; k < folds; k++) {
    const learned = learnedPhrasings(phrased, (q) => foldOf(q, folds) === k);
    const answerer = createAnswerer(knowledge!, { learnedQuestions: learned, decisionCacheSize: 0 });
    questions.forEach((q, i) => {
      if (foldOf(q.q, folds) !== k) return;
      const { candidates, scope } = answerer.analyze(q.q);
      result[i] = { confidence: candidates[0]?.confidence, anchored: scope.anchored };
    });
  }
  return result;
}
