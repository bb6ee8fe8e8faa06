/**
 * `npx tsx scripts/train-danger-model.ts`: trains the danger classifier (danger-classifier.ts) on
 * the tuning data only (never a locked half), chooses its two thresholds by 5-fold
 * cross-validation so that the rules and the classifier together reach the recall asked for,
 * prints the out-of-fold figures, and writes bot/core/search/danger-model.json.
 *
 * Emergencies: the tuning danger sets (`tuningDanger()`). Calm messages: their calm ones, and every in-domain or out-of-scope question of the tuning sets.
 */
import { writeFileSync } from 'node:fs';
import { foldOf, tuningDanger, tuningQuestions } from '../bot/cli/eval-sets.js';
import { dangerModelPath, scoreDanger, type DangerModel } from '../bot/core/search/danger-classifier.js';
import { scoreText, textFeatures, trainLogistic, trainNaiveBayes, type TextExample } from '../bot/core/search/text-classifier.js';
import { normalizeForDanger, readByRules, screenByRules, vetoable } from '../bot/core/search/danger-screen.js';

/** Recall the rules and the classifier must reach together, out of fold, for each tier and for a life at risk. */
const wantedRecall = { emergency: 0.985, band: 0.998, life: 0.95 };
const folds = 5;
/** How far below the lowest-scored emergency the rules caught the veto sits (log odds). */
const vetoMargin = 1;
const train = process.argv.includes('--bayes') ? trainNaiveBayes : trainLogistic;
const recallArg = process.argv.find((a) => a.startsWith('--recall='));
if (recallArg) wantedRecall.emergency = Number(recallArg.slice(9));
const bandArg = process.argv.find((a) => a.startsWith('--band-recall='));
if (bandArg) wantedRecall.band = Number(bandArg.slice(14));

const danger = tuningDanger();
const questions = tuningQuestions();
/** A training example with the rules' tier and whether the classifier may lower it. */
function example(message: string, emergency: boolean, source: 'danger' | 'question') {
  const text = normalizeForDanger(message);
  const reading = readByRules(text);
  return { text, emergency, positive: emergency, source, rules: reading.signal.safety, vetoable: vetoable(reading) };
}
const examples: Array<TextExample & { emergency: boolean; source: 'danger' | 'question'; rules: string; vetoable: boolean }> = [
  ...danger.map((d) => example(d.q, d.expect === 'emergency', 'danger')),
  ...questions.map((q) => example(q.q, false, 'question')),
];

const outOfFold = new Array<number>(examples.length).fill(0);
for (let k = 0; k < folds; k++) {
  const { bias, weights } = train(examples.filter((e) => foldOf(e.text, folds) !== k));
  const model: DangerModel = { bias, weights, emergencyThreshold: 0, bandThreshold: 0 };
  examples.forEach((e, i) => {
    if (foldOf(e.text, folds) === k) outOfFold[i] = scoreDanger(model, textFeatures(e.text));
  });
}

const emergencies = examples.map((e, i) => ({ e, s: outOfFold[i] ?? 0 })).filter(({ e }) => e.emergency);
/**
 * The highest threshold at which the rules, or the classifier where `mayRaise` lets it, reach
 * `recall` on the emergencies, out of fold (the lowest one when they cannot).
 */
function chooseThreshold(recall: number, ruleCatches: (rules: string) => boolean, mayRaise: (rules: string) => boolean): number {
  const candidates = [...new Set(emergencies.map(({ s }) => s))].sort((a, b) => b - a);
  for (const t of candidates) {
    const caught = emergencies.filter(({ e, s }) => ruleCatches(e.rules) || (mayRaise(e.rules) && s >= t)).length;
    if (caught / emergencies.length >= recall) return t;
  }
  return Math.min(...candidates);
}
const emergencyThreshold = chooseThreshold(wantedRecall.emergency, (r) => r === 'emergency', () => true);
const bandThreshold = Math.min(emergencyThreshold, chooseThreshold(wantedRecall.band, (r) => r !== 'none', () => true));
/**
 * The veto: a rules emergency scored this low gets the safety band instead of the emergency card.
 * One unit of log odds below the lowest out-of-fold score of an emergency the rules caught without a
 * sure sign of now (`vetoable`), so no tuning emergency loses its card; `--no-veto` leaves it out.
 */
const ruleCaughtScores = emergencies.filter(({ e }) => e.vetoable).map(({ s }) => s);
const vetoThreshold = process.argv.includes('--no-veto') || ruleCaughtScores.length === 0 ? undefined : Math.min(...ruleCaughtScores) - vetoMargin;

const share = (xs: boolean[]) => (xs.length === 0 ? 0 : xs.filter(Boolean).length / xs.length).toFixed(3);
const tierOf = (i: number) => {
  const e = examples[i];
  const s = outOfFold[i] ?? 0;
  if (!e) return 'none';
  if (e.rules === 'emergency') return e.vetoable && vetoThreshold !== undefined && s < vetoThreshold ? 'band' : 'emergency';
  if (s >= emergencyThreshold) return 'emergency';
  return e.rules === 'band' || s >= bandThreshold ? 'band' : 'none';
};
const idx = examples.map((_, i) => i);
const of = (pred: (e: (typeof examples)[number]) => boolean) => idx.filter((i) => examples[i] && pred(examples[i]!));
console.log(`Exemples : ${examples.length} (${emergencies.length} urgences, ${examples.length - emergencies.length} messages calmes ou questions)`);
console.log(`Seuils (validation croisée en ${folds} plis) : carte d'urgence ≥ ${emergencyThreshold.toFixed(2)}, bandeau ≥ ${bandThreshold.toFixed(2)}, veto d'une urgence des règles < ${vetoThreshold?.toFixed(2) ?? 'aucun'}`);
console.log(`Hors pli, règles seules : rappel ${share(of((e) => e.emergency).map((i) => examples[i]?.rules === 'emergency'))}, fausses alertes ${share(of((e) => e.source === 'danger' && !e.emergency).map((i) => examples[i]?.rules === 'emergency'))}`);
console.log(`Hors pli, règles + classifieur : rappel ${share(of((e) => e.emergency).map((i) => tierOf(i) === 'emergency'))}, 911 affiché ${share(of((e) => e.emergency).map((i) => tierOf(i) !== 'none'))}, fausses alertes (messages alarmants calmes) ${share(of((e) => e.source === 'danger' && !e.emergency).map((i) => tierOf(i) === 'emergency'))}, carte d'urgence sur une question du domaine ${share(of((e) => e.source === 'question').map((i) => tierOf(i) === 'emergency'))}, bandeau sur une question ${share(of((e) => e.source === 'question').map((i) => tierOf(i) === 'band'))}`);

if (process.argv.includes('--explore')) {
  for (const tier of ['none', 'band']) {
    const em = examples.map((e, i) => ({ e, s: outOfFold[i] ?? 0 })).filter(({ e }) => e.rules === tier && e.emergency).map(({ s }) => s).sort((a, b) => a - b);
    const calmQ = examples.map((e, i) => ({ e, s: outOfFold[i] ?? 0 })).filter(({ e }) => e.rules === tier && !e.emergency).map(({ s }) => s).sort((a, b) => b - a);
    console.log(tier, 'urgences', em.length, em.slice(0, 12).map((x) => x.toFixed(2)).join(' '), '| calmes', calmQ.length, calmQ.slice(0, 30).map((x) => x.toFixed(2)).join(' '));
  }
}
const life = trainLifeModel();
const { bias, weights } = train(examples);
const round = (x: number) => Math.round(x * 1000) / 1000;
const model: DangerModel = { bias, emergencyThreshold: round(emergencyThreshold), bandThreshold: round(bandThreshold), ...(vetoThreshold === undefined ? {} : { vetoThreshold: round(vetoThreshold) }), weights, life };
writeFileSync(dangerModelPath, `${JSON.stringify(model)}\n`);
console.log(`Écrit : ${dangerModelPath} (${Object.keys(weights).length} poids)`);

/**
 * The life model: among the tuning emergencies, those labelled `life` against the others. Its
 * threshold is the highest at which the rules or the model flag `wantedRecall.life` of the lives
 * at risk, out of fold.
 */
function trainLifeModel(): DangerModel['life'] {
  const cases = danger.filter((d) => d.expect === 'emergency').map((d) => ({ text: normalizeForDanger(d.q), positive: d.life === true, rules: screenByRules(d.q).lifeAtRisk }));
  const scores = new Array<number>(cases.length).fill(0);
  for (let k = 0; k < folds; k++) {
    const m = train(cases.filter((c) => foldOf(c.text, folds) !== k));
    cases.forEach((c, i) => {
      if (foldOf(c.text, folds) === k) scores[i] = scoreText(m, c.text);
    });
  }
  const lives = cases.map((c, i) => ({ c, s: scores[i] ?? 0 })).filter(({ c }) => c.positive);
  let threshold = Math.min(...lives.map(({ s }) => s));
  for (const t of [...new Set(lives.map(({ s }) => s))].sort((a, b) => b - a)) {
    if (lives.filter(({ c, s }) => c.rules || s >= t).length / lives.length >= wantedRecall.life) {
      threshold = t;
      break;
    }
  }
  const flagged = (i: number) => (cases[i]?.rules ?? false) || (scores[i] ?? 0) >= threshold;
  const others = cases.map((c, i) => ({ c, i })).filter(({ c }) => !c.positive);
  console.log(`Vie en danger (${lives.length} sur ${cases.length} urgences), hors pli : règles seules ${share(lives.map(({ c }) => c.rules))}, règles + modèle ${share(cases.map((c, i) => ({ c, i })).filter(({ c }) => c.positive).map(({ i }) => flagged(i)))} (seuil ${threshold.toFixed(2)}) ; ligne de prévention du suicide ajoutée à une urgence sans vie en danger ${share(others.map(({ i }) => flagged(i)))}`);
  return { ...train(cases), threshold: Math.round(threshold * 1000) / 1000 };
}
