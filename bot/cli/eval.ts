/**
 * `npm run eval [-- --misses] [--show-locked] [--fit] [--set FILE]`: scores the question answering
 * and the danger screen on the blind sets (tuning half, then locked half), then on the older sets,
 * side by side with MiniSearch's defaults (answer threshold chosen on the tuning half). Figures
 * only: it never fails on a target. `--misses` lists what went wrong on the tuning half and the
 * older sets; the locked half's misses stay hidden unless `--show-locked` (for reviewers: reading
 * them while tuning would turn the locked half into a tuning set). `--fit` refits the confidence
 * model on the tuning half and prints it. `--set FILE` scores one question file instead, `--danger FILE`
 * one danger file.
 */
import { parseArgs } from 'node:util';
import { formatProblems, loadKnowledge } from '../core/knowledge/load-knowledge.js';
import { confidenceModel, describeCandidates } from '../core/search/confidence.js';
import { createAnswerer, type SearchAnswerer } from '../core/search/create-answerer.js';
import { screenDanger } from '../core/search/danger-screen.js';
import { evaluateDanger, evaluateSystem, outOfScopeLabel, type EvalReport, type LabelledDanger, type LabelledQuestion } from '../core/search/evaluate-answerer.js';
import { fitConfidenceModel, type LabelledCandidate } from '../core/search/fit-confidence.js';
import { repoPath } from '../paths.js';
import { baselineSystem, blindDanger, blindQuestions, chooseBaselineThreshold, createBaselineIndex, olderDangerSet, olderQuestionSets, readList } from './eval-sets.js';

/** The targets of issue 11, never lowered. */
const targets = { top1: 0.9, top3: 0.97, outOfScopeRecall: 0.9, wronglyRejected: 0.03, clarifyShare: 0.15, emergencyRecall: 0.97, falseAlarms: 0.1 };

const { values } = parseArgs({
  options: {
    misses: { type: 'boolean', default: false },
    'show-locked': { type: 'boolean', default: false },
    fit: { type: 'boolean', default: false },
    set: { type: 'string' },
    danger: { type: 'string' },
  },
});

const { knowledge, problems } = loadKnowledge(repoPath('knowledge'));
if (!knowledge) {
  console.error(formatProblems(problems.filter((p) => p.severity === 'error')));
  process.exit(1);
}
const answerer = createAnswerer(knowledge);
const baselineIndex = createBaselineIndex(knowledge);
const tuning = blindQuestions('tuning');
const threshold = chooseBaselineThreshold(baselineIndex, tuning);
const baseline = baselineSystem(baselineIndex, threshold);

const f = (x: number) => x.toFixed(3);
const ours = (a: SearchAnswerer) => (q: string) => {
  const analysis = a.analyze(q);
  return { ranking: analysis.candidates.map((c) => c.entry.id), kind: analysis.decision.kind };
};

function printQuestions(title: string, set: readonly LabelledQuestion[], showMisses: boolean): EvalReport {
  const r = evaluateSystem(set, ours(answerer));
  const b = evaluateSystem(set, baseline);
  console.log(`\n== ${title} : ${r.inDomain} questions du domaine (${r.english} en anglais), ${r.outOfDomain} hors sujet`);
  const row = (label: string, x: number, y: number, target: string) => console.log(`  ${label.padEnd(44)}${f(x).padEnd(9)}${f(y).padEnd(12)}${target}`);
  console.log(`  ${''.padEnd(44)}${'Balise'.padEnd(9)}${'MiniSearch'.padEnd(12)}cible`);
  row('top-1', r.top1, b.top1, `≥ ${targets.top1}`);
  row('top-3', r.top3, b.top3, `≥ ${targets.top3}`);
  row('top-1 des questions en anglais', r.englishTop1, b.englishTop1, '');
  row('hors sujet : rappel', r.outOfScopeRecall, b.outOfScopeRecall, `≥ ${targets.outOfScopeRecall}`);
  row('hors sujet : précision', r.outOfScopePrecision, b.outOfScopePrecision, '');
  row('domaine rejeté à tort (hors sujet, inconnu)', r.wronglyRejected, b.wronglyRejected, `≤ ${targets.wronglyRejected}`);
  row('domaine : « Vouliez-vous dire »', r.clarifyShare, b.clarifyShare, `< ${targets.clarifyShare}`);
  row('domaine : réponse directe juste', r.answeredRight, b.answeredRight, '');
  row('domaine : réponse directe fausse', r.answeredWrong, b.answeredWrong, '');
  console.log(`  décisions : ${Object.entries(r.kinds).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  const bands = set.filter((item) => screenDanger(item.q).safety !== 'none').length;
  console.log(`  messages avec un mot de danger (bandeau 911 ou carte d'urgence) : ${bands} sur ${set.length}`);
  if (showMisses) for (const m of r.misses) console.log(`    raté : « ${m.question} » | attendu ${m.expected} | obtenu ${m.got}`);
  return r;
}

function printDanger(title: string, set: readonly LabelledDanger[], showMisses: boolean): void {
  const d = evaluateDanger(set, screenDanger);
  console.log(`\n== Écran de danger, ${title} : ${d.emergencies} urgences, ${d.calm} messages alarmants mais calmes`);
  console.log(`  urgences avec la carte d'urgence (rappel) ${f(d.recall)} (cible ≥ ${targets.emergencyRecall}) ; avec le 911 affiché (carte ou bandeau) ${f(d.shows911)}`);
  console.log(`  fausses alertes (carte d'urgence sur un message calme) ${f(d.falseAlarms)} (cible ≤ ${targets.falseAlarms}) ; bandeau 911 sur un message calme ${f(d.calmBanded)}`);
  console.log(`  vie en danger reconnue ${f(d.lifeRecall)} ; précision ${f(d.precision)}`);
  const kinds = [...new Set(set.map((i) => i.kind).filter((k): k is string => k !== undefined))];
  if (kinds.length > 0) {
    const perKind = kinds.map((k) => {
      const items = set.filter((i) => i.kind === k);
      const right = items.filter((i) => (screenDanger(i.q).safety === 'emergency') === (i.expect === 'emergency')).length;
      return `${k} ${right}/${items.length}`;
    });
    console.log(`  justes par sorte : ${perKind.join(', ')}`);
  }
  if (showMisses) for (const m of d.misses) console.log(`    raté : « ${m.question} » | attendu ${m.expected} | obtenu ${m.got}`);
}

console.log(`Base : ${knowledge.entries.length} entrées. MiniSearch par défaut : seuil de réponse ${threshold.toFixed(2)} choisi sur la moitié d'ajustement.`);
if (values.set || values.danger) {
  if (values.set) printQuestions(values.set, readList<LabelledQuestion>(values.set), values.misses === true);
  if (values.danger) printDanger(values.danger, readList<LabelledDanger>(values.danger), values.misses === true);
} else {
  printQuestions('Questions à l’aveugle, moitié d’ajustement', tuning, values.misses === true);
  printQuestions('Questions à l’aveugle, moitié verrouillée', blindQuestions('locked'), values['show-locked'] === true);
  printDanger('moitié d’ajustement', blindDanger('tuning'), values.misses === true);
  printDanger('moitié verrouillée', blindDanger('locked'), values['show-locked'] === true);
  for (const file of olderQuestionSets) printQuestions(`Ancien jeu ${file.split('/').pop()} (ajusté par la première version)`, readList<LabelledQuestion>(file), values.misses === true);
  printDanger(`ancien jeu ${olderDangerSet.split('/').pop()}`, readList<LabelledDanger>(olderDangerSet), values.misses === true);
}

if (values.fit) {
  const samples: LabelledCandidate[] = tuning.flatMap((item) => {
    const candidates = answerer.analyze(item.q).candidates.slice(0, 5);
    return describeCandidates(candidates.map((c) => c.ranked)).map((features, i) => ({
      features,
      correct: item.expect !== outOfScopeLabel && candidates[i]?.entry.id === item.expect,
    }));
  });
  console.log(`\nModèle en service : ${JSON.stringify(confidenceModel)}`);
  console.log(`Modèle réajusté sur la moitié d'ajustement : ${JSON.stringify(fitConfidenceModel(samples))}`);
}
