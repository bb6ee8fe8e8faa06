/**
 * The evaluation sets and the MiniSearch baseline of `npm run eval`. The blind sets were written
 * from the topic list alone by people who saw neither knowledge/ nor the code, and split once into
 * a tuning half and a locked half (scripts/split-eval-set.ts); the older sets were written by the
 * first release's authors and tuned on.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import MiniSearch from 'minisearch';
import { parse } from 'yaml';
import type { KnowledgeBase } from '../core/knowledge/types.js';
import { evaluateSystem, outOfScopeLabel, type LabelledDanger, type LabelledQuestion, type SystemOutput } from '../core/search/evaluate-answerer.js';
import { repoPath } from '../paths.js';

/** Reads a YAML list of labelled items. */
export function readList<T>(file: string): T[] {
  const data: unknown = parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(data)) throw new Error(`eval: ${file} doit contenir une liste`);
  return data as T[];
}

const blind = (name: string) => repoPath('tests', 'eval', 'blind', name);

/** One half of the blind question sets: in-domain (sections A-C and D-G) and out-of-scope together. */
export function blindQuestions(half: 'tuning' | 'locked'): LabelledQuestion[] {
  return ['indomain-ac', 'indomain-dg', 'out-of-scope'].flatMap((name) => readList<LabelledQuestion>(blind(`${name}.${half}.yaml`)));
}

/**
 * Every question the models and the learned phrasings may be trained on: the tuning halves and
 * the second to sixth blind sets (written later, tuning only). Never a locked half.
 */
export function tuningQuestions(): LabelledQuestion[] {
  return [...blindQuestions('tuning'), ...['indomain-extra', 'questions-r3', 'questions-r4', 'questions-r5', 'questions-r6'].flatMap((name) => readList<LabelledQuestion>(blind(`${name}.tuning.yaml`)))];
}

/**
 * Every danger message the danger model may be trained on: the tuning half, the second to sixth
 * blind danger sets (tuning only) and the older danger set. Never a locked half.
 */
export function tuningDanger(): LabelledDanger[] {
  return [...['danger', 'danger-extra', 'danger-r3', 'danger-r4', 'danger-r5', 'danger-r6'].flatMap((name) => readList<LabelledDanger>(blind(`${name}.tuning.yaml`))), ...readList<LabelledDanger>(repoPath('tests', 'eval', 'danger-set.yaml'))];
}

/** One half of the blind danger set. */
export function blindDanger(half: 'tuning' | 'locked'): LabelledDanger[] {
  return readList<LabelledDanger>(blind(`danger.${half}.yaml`));
}

/**
 * The workers' phrasings the ranking learns (learned-questions.ts): the in-domain questions of
 * `questions` grouped by their expected entry, leaving out those `leaveOut` rejects (a fold being scored).
 */
export function learnedPhrasings(questions: readonly LabelledQuestion[], leaveOut: (question: string) => boolean = () => false): Record<string, string[]> {
  const learned: Record<string, string[]> = {};
  for (const item of questions) if (item.expect !== outOfScopeLabel && !leaveOut(item.q)) (learned[item.expect] ??= []).push(item.q);
  return learned;
}

/** The cross-validation fold of a text among `folds`: stable, from a hash of the text (the training scripts share it). */
export function foldOf(text: string, folds: number): number {
  return parseInt(createHash('sha256').update(text).digest('hex').slice(0, 8), 16) % folds;
}

/** The older sets, written and tuned on by the first release. */
export const olderQuestionSets = [repoPath('tests', 'eval', 'dev-set.yaml'), repoPath('tests', 'eval', 'holdout-set.yaml')];
export const olderDangerSet = repoPath('tests', 'eval', 'danger-set.yaml');

/** MiniSearch with its default options over the same fields; its best hit with its raw score. */
export function createBaselineIndex(knowledge: KnowledgeBase): (question: string) => { ranking: string[]; top: number } {
  const index = new MiniSearch({ fields: ['title', 'questions', 'keywords', 'answer'] });
  index.addAll(knowledge.entries.map((e) => ({ id: e.id, title: e.title, questions: e.questions.join('\n'), keywords: e.keywords.join('\n'), answer: e.answer })));
  return (question) => {
    const hits = index.search(question);
    return { ranking: hits.map((r) => String(r.id)), top: hits[0]?.score ?? 0 };
  };
}

/**
 * The baseline as a system: it answers when its best score reaches `threshold`, and calls the
 * question out of scope below it. The threshold is chosen on the tuning half (see {@link chooseBaselineThreshold}).
 */
export function baselineSystem(search: ReturnType<typeof createBaselineIndex>, threshold: number): (question: string) => SystemOutput {
  return (question) => {
    const { ranking, top } = search(question);
    return { ranking, kind: top >= threshold && ranking.length > 0 ? 'answer' : 'out-of-scope' };
  };
}

/** The score threshold that maximises the share of right decisions (right answer, or rightly out of scope) on `set`. */
export function chooseBaselineThreshold(search: ReturnType<typeof createBaselineIndex>, set: readonly LabelledQuestion[]): number {
  const tops = [...new Set(set.map((item) => search(item.q).top))].sort((a, b) => a - b);
  let best = { threshold: 0, right: -1 };
  for (const threshold of [0, ...tops]) {
    const r = evaluateSystem(set, baselineSystem(search, threshold));
    const right = r.answeredRight * r.inDomain + r.outOfScopeRecall * r.outOfDomain;
    if (right > best.right) best = { threshold, right };
  }
  return best.threshold;
}
