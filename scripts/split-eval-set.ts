/**
 * `npx tsx scripts/split-eval-set.ts SOURCE NAME KEY`: splits a question set written blind (by
 * people who saw neither knowledge/ nor the code) once, stratified by KEY (`expect` or `kind`),
 * into `tests/eval/blind/NAME.tuning.yaml` and `tests/eval/blind/NAME.locked.yaml`. The shuffle
 * is seeded by NAME, so the split is reproducible; it is run once per set, and the locked files
 * are then pinned by hash (tests/eval/locked-sets.test.ts). Tune only on the tuning half.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { repoPath } from '../bot/paths.js';

const [source, name, key] = process.argv.slice(2);
if (!source || !name || !key) {
  console.error('usage: split-eval-set SOURCE NAME KEY');
  process.exit(2);
}
const items = parse(readFileSync(source, 'utf8')) as Array<Record<string, unknown>>;

/** A stable pseudo-random order: the items sorted by a hash of the set's name and the question. */
const order = (q: unknown) => createHash('sha256').update(`${name}\n${String(q)}`).digest('hex');

const strata = new Map<string, Array<Record<string, unknown>>>();
for (const item of items) {
  const k = `${String(item[key])}|${String(item.expect)}`;
  strata.set(k, [...(strata.get(k) ?? []), item]);
}
const tuning: Array<Record<string, unknown>> = [];
const locked: Array<Record<string, unknown>> = [];
let turn = 0;
for (const [, group] of [...strata].sort(([a], [b]) => a.localeCompare(b))) {
  const shuffled = [...group].sort((a, b) => order(a.q).localeCompare(order(b.q)));
  // Odd-sized strata alternate which half gets the extra item.
  shuffled.forEach((item, i) => ((i + turn) % 2 === 0 ? tuning : locked).push(item));
  turn += group.length % 2;
}
const header = (half: string) =>
  `# ${name}, ${half} half: ${half === 'locked' ? 'NEVER tune on it; pinned by hash' : 'tune on this one'}.\n` +
  `# Written blind (topics list and a description of the workers only), split once by scripts/split-eval-set.ts (${key}).\n`;
writeFileSync(repoPath('tests', 'eval', 'blind', `${name}.tuning.yaml`), header('tuning') + stringify(tuning, { lineWidth: 0 }));
writeFileSync(repoPath('tests', 'eval', 'blind', `${name}.locked.yaml`), header('locked') + stringify(locked, { lineWidth: 0 }));
console.log(`${name}: ${tuning.length} tuning, ${locked.length} locked`);
