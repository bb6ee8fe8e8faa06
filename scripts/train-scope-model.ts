/**
 * `npx tsx scripts/train-scope-model.ts`: trains the scope model (out-of-scope.ts) on the tuning
 * halves only (never a locked half), the first release's dev set and the guide's own titles,
 * questions and keywords: questions of the domain against questions out of scope. Its threshold is chosen by 5-fold cross-validation: the highest
 * out-of-scope recall that rejects at most `maxRejected` of the domain's questions, out of fold.
 * Prints the out-of-fold figures and writes bot/core/search/scope-model.json.
 */
import { writeFileSync } from 'node:fs';
import { foldOf, readList, tuningQuestions } from '../bot/cli/eval-sets.js';
import { outOfScopeLabel, type LabelledQuestion } from '../bot/core/search/evaluate-answerer.js';
import { normalizeForScope, scopeModelPath, type ScopeModel } from '../bot/core/search/out-of-scope.js';
import { scoreText, trainLogistic, type TextExample } from '../bot/core/search/text-classifier.js';
import { loadKnowledge } from '../bot/core/knowledge/load-knowledge.js';
import { namingForms } from '../bot/core/knowledge/types.js';
import { repoPath } from '../bot/paths.js';

/** Share of the domain's questions the scope model may reject, out of fold. */
const maxRejected = Number(process.argv.find((a) => a.startsWith('--max-rejected='))?.slice(15) ?? 0.03);
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
const domain = examples.map((e, i) => ({ e, s: scores[i] ?? 0 })).filter(({ e }) => !e.positive);
const outside = examples.map((e, i) => ({ e, s: scores[i] ?? 0 })).filter(({ e }) => e.positive);
// The lowest threshold that keeps the domain's rejections within bounds catches the most.
const sorted = domain.map(({ s }) => s).sort((a, b) => b - a);
const threshold = (sorted[Math.floor(domain.length * maxRejected)] ?? 0) + 1e-6;
const recall = outside.filter(({ s }) => s >= threshold).length / outside.length;
const rejected = domain.filter(({ s }) => s >= threshold).length / domain.length;
console.log(`Exemples : ${examples.length} (${outside.length} hors sujet, ${domain.length} du domaine), plus ${guideForms.length} formes du guide`);
console.log(`Hors pli : rappel hors sujet ${recall.toFixed(3)}, questions du domaine rejetées ${rejected.toFixed(3)} (seuil ${threshold.toFixed(3)})`);

const model: ScopeModel = { ...fit([...examples, ...guideForms]), threshold: Math.round(threshold * 10000) / 10000 };
writeFileSync(scopeModelPath, `${JSON.stringify(model)}\n`);
console.log(`Écrit : ${scopeModelPath} (${Object.keys(model.weights).length} poids)`);
