/**
 * `npm run eval [-- --set FILE] [--danger FILE] [--fit]`: scores the question answering on a
 * labelled set (default tests/eval/dev-set.yaml), side by side with MiniSearch's defaults, then
 * the danger screen on tests/eval/danger-set.yaml. `--fit` also refits the confidence model and
 * prints its weights and reliability. Figures only: it never fails on a target.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import MiniSearch from 'minisearch';
import { parse } from 'yaml';
import { formatProblems, loadKnowledge } from '../core/knowledge/load-knowledge.js';
import type { KnowledgeBase } from '../core/knowledge/types.js';
import { confidenceModel, describeCandidates, type ConfidenceModel } from '../core/search/confidence.js';
import { createAnswerer } from '../core/search/create-answerer.js';
import { screenDanger } from '../core/search/danger-screen.js';
import {
  evaluateDanger,
  evaluateSystem,
  outOfScopeLabel,
  type EvalReport,
  type LabelledDanger,
  type LabelledQuestion,
  type SystemOutput,
} from '../core/search/evaluate-answerer.js';
import { fitConfidenceModel, measureReliability, type LabelledCandidate } from '../core/search/fit-confidence.js';
import { repoPath } from '../paths.js';

/** The targets of the issue, never lowered. */
const targets = { top1: 0.92, top3: 0.98, outOfScopeRecall: 0.9, wronglyRejected: 0.05 };

function readList<T>(file: string): T[] {
  const data: unknown = parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(data)) throw new Error(`eval: ${file} doit contenir une liste`);
  return data as T[];
}

/** MiniSearch with its default options over the same fields; no result at all means out of scope. */
function createBaseline(knowledge: KnowledgeBase): (question: string) => SystemOutput {
  const index = new MiniSearch({ fields: ['title', 'questions', 'keywords', 'answer'] });
  index.addAll(knowledge.entries.map((e) => ({ id: e.id, title: e.title, questions: e.questions.join('\n'), keywords: e.keywords.join('\n'), answer: e.answer })));
  return (question) => {
    const ranking = index.search(question).map((r) => String(r.id));
    return { ranking, kind: ranking.length === 0 ? 'out-of-scope' : 'answer' };
  };
}

const fixed = (x: number) => x.toFixed(3);
const pad = (s: string, n: number) => s.padEnd(n);

function printComparison(ours: EvalReport, baseline: EvalReport): void {
  const rows: Array<[string, number, number, string]> = [
    ['Top-1 (questions du domaine)', ours.top1, baseline.top1, `cible ≥ ${targets.top1}`],
    ['Top-3 (questions du domaine)', ours.top3, baseline.top3, `cible ≥ ${targets.top3}`],
    ['Hors sujet : précision', ours.outOfScopePrecision, baseline.outOfScopePrecision, ''],
    ['Hors sujet : rappel', ours.outOfScopeRecall, baseline.outOfScopeRecall, `cible ≥ ${targets.outOfScopeRecall}`],
    ['Domaine rejeté à tort (hors sujet ou inconnu)', ours.wronglyRejected, baseline.wronglyRejected, `cible ≤ ${targets.wronglyRejected}`],
    ['Réponse directe juste (domaine)', ours.answeredRight, baseline.answeredRight, ''],
    ['Réponse directe fausse (domaine)', ours.answeredWrong, baseline.answeredWrong, ''],
  ];
  console.log(`${pad('', 48)}${pad('Balise', 10)}${pad('MiniSearch défaut', 20)}`);
  for (const [label, a, b, target] of rows) console.log(`${pad(label, 48)}${pad(fixed(a), 10)}${pad(fixed(b), 20)}${target}`);
  const kinds = (r: EvalReport) => Object.entries(r.kinds).map(([k, n]) => `${k} ${n}`).join(', ');
  console.log(`Décisions Balise : ${kinds(ours)}`);
  const reached = ours.top1 >= targets.top1 && ours.top3 >= targets.top3 && ours.outOfScopeRecall >= targets.outOfScopeRecall && ours.wronglyRejected <= targets.wronglyRejected;
  console.log(`Cibles : ${reached ? 'toutes atteintes' : 'NON atteintes (voir ci-dessus)'}`);
}

function printReliability(samples: readonly LabelledCandidate[], model: ConfidenceModel, label: string): void {
  console.log(`Fiabilité de la confiance (${label}) : tranche, candidats, confiance moyenne, exactitude observée`);
  for (const b of measureReliability(samples, model)) {
    if (b.count > 0) console.log(`  [${b.from.toFixed(1)}, ${b.to.toFixed(1)}[  ${String(b.count).padStart(5)}  ${fixed(b.meanConfidence)}  ${fixed(b.accuracy)}`);
  }
}

const { values } = parseArgs({
  options: {
    set: { type: 'string', default: repoPath('tests', 'eval', 'dev-set.yaml') },
    danger: { type: 'string', default: repoPath('tests', 'eval', 'danger-set.yaml') },
    fit: { type: 'boolean', default: false },
  },
});
const setFile = values.set ?? repoPath('tests', 'eval', 'dev-set.yaml');
const dangerFile = values.danger ?? repoPath('tests', 'eval', 'danger-set.yaml');

const { knowledge, problems } = loadKnowledge(repoPath('knowledge'));
if (!knowledge) {
  console.error(formatProblems(problems.filter((p) => p.severity === 'error')));
  process.exit(1);
}

const set = readList<LabelledQuestion>(setFile);
const answerer = createAnswerer(knowledge);
const analyses = new Map(set.map((item) => [item.q, answerer.analyze(item.q)]));
const ours = evaluateSystem(set, (q) => {
  const a = analyses.get(q) ?? answerer.analyze(q);
  return { ranking: a.candidates.map((c) => c.entry.id), kind: a.decision.kind };
});
const baseline = evaluateSystem(set, createBaseline(knowledge));

console.log(`Évaluation de la recherche : ${setFile}`);
console.log(`${ours.inDomain} questions du domaine, ${ours.outOfDomain} hors sujet ; base : ${knowledge.entries.length} entrées.\n`);
printComparison(ours, baseline);

console.log(`\nRatés de Balise (${ours.misses.length}) : question | attendu | obtenu (décision, 3 premiers)`);
for (const m of ours.misses) console.log(`  « ${m.question} » | ${m.expected} | ${m.got}`);
console.log(`Ratés de MiniSearch par défaut : ${baseline.misses.length}`);

const samples: LabelledCandidate[] = set.flatMap((item) => {
  const candidates = (analyses.get(item.q)?.candidates ?? []).slice(0, 5);
  return describeCandidates(candidates.map((c) => c.ranked)).map((features, i) => ({
    features,
    correct: item.expect !== outOfScopeLabel && candidates[i]?.entry.id === item.expect,
  }));
});
console.log('');
printReliability(samples, confidenceModel, 'modèle en service');
if (values.fit) {
  const fitted = fitConfidenceModel(samples);
  console.log(`\nModèle réajusté sur ${setFile} : ${JSON.stringify(fitted)}`);
  printReliability(samples, fitted, 'modèle réajusté');
}

const dangerSet = readList<LabelledDanger>(dangerFile);
const danger = evaluateDanger(dangerSet, screenDanger);
const falseAlarms = set.filter((item) => {
  const d = screenDanger(item.q);
  return d.immediate || d.lifeAtRisk;
});
console.log(`\nÉcran de danger : ${dangerFile} (${dangerSet.length} messages)`);
console.log(`  rappel des urgences ${fixed(danger.recall)}, précision ${fixed(danger.precision)}, rappel « vie en danger » ${fixed(danger.lifeRecall)}`);
console.log(`  fausses alertes sur ${setFile} : ${falseAlarms.length} sur ${set.length}`);
for (const m of danger.misses) console.log(`  raté : « ${m.question} » | attendu ${m.expected} | obtenu ${m.got}`);
for (const item of falseAlarms) console.log(`  fausse alerte : « ${item.q} »`);
