/**
 * `npm run ask -- "question"`: prints Balise's decision for a question and its best entries, in
 * French. `npm run ask -- --json "question"` prints one JSON object
 * `{"question", "decision", "safety", "results": [{"id", "title", "confidence"}]}` (`safety`:
 * `emergency`, `band` or `none`, see danger-screen.ts) whose results are the
 * ranked entries, best first (up to 5, whatever the decision). Without a question, questions are
 * read from standard input, one per line, and answered in order (one JSON line each with --json).
 * `--dir` loads another knowledge folder. Exits 1, printing the problems, when the knowledge base has errors.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { formatProblems, loadKnowledge } from '../core/knowledge/load-knowledge.js';
import { createAnswerer, type QuestionAnalysis } from '../core/search/create-answerer.js';
import { repoPath } from '../paths.js';

/** How many ranked entries are printed. */
const shownResults = 5;

const kindLabels = {
  answer: 'réponse',
  clarify: 'vouliez-vous dire… (choix)',
  unknown: 'je ne sais pas',
  'out-of-scope': 'hors sujet',
  emergency: 'URGENCE',
} as const;

const round = (x: number) => Math.round(x * 1000) / 1000;

function toJson(analysis: QuestionAnalysis): string {
  const { decision, candidates } = analysis;
  return JSON.stringify({
    question: decision.question,
    decision: decision.kind,
    safety: decision.danger.safety,
    results: candidates.slice(0, shownResults).map((c) => ({ id: c.entry.id, title: c.entry.title, confidence: round(c.confidence) })),
  });
}

function toText(analysis: QuestionAnalysis): string {
  const { decision, candidates, scope } = analysis;
  const lines = [`Question : « ${decision.question} »`, `Décision : ${kindLabels[decision.kind]} (${decision.kind})`];
  if (decision.danger.safety === 'emergency') {
    lines.push(`Danger : immédiat${decision.danger.lifeAtRisk ? ', vie en danger' : ''} : carte d'urgence (911, signalement à la DPJ) d'abord`);
  } else if (decision.danger.safety === 'band') {
    lines.push(`Danger : mots de danger, pas clairement actuels : bandeau 911${decision.danger.lifeAtRisk ? ', ligne de prévention du suicide' : ''} et DPJ au-dessus de la réponse`);
  }
  lines.push(`Portée : ${Math.round(scope.vocabularyShare * 100)} % des mots connus de la base, score hors sujet ${scope.score.toFixed(2)}`);
  if (decision.kind === 'clarify') lines.push(`Choix proposés : ${decision.results.map((r) => r.entry.id).join(', ')}`);
  lines.push('Meilleures entrées :');
  if (candidates.length === 0) lines.push('  (aucune)');
  candidates.slice(0, shownResults).forEach((c, i) => lines.push(`  ${i + 1}. [${c.confidence.toFixed(2)}] ${c.entry.id} : ${c.entry.title}`));
  if (decision.resources.length > 0) {
    lines.push('Ressources :');
    for (const r of decision.resources) {
      const contact = r.contacts.find((c) => c.status === 'verified') ?? r.contacts[0];
      lines.push(`  - ${r.name}${contact ? ` : ${contact.value}${contact.status === 'unverified' ? ' (non vérifié)' : ''}` : ''}`);
    }
  }
  return lines.join('\n');
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { json: { type: 'boolean', default: false }, dir: { type: 'string', default: repoPath('knowledge') } },
});

const { knowledge, problems } = loadKnowledge(values.dir ?? repoPath('knowledge'));
if (!knowledge) {
  console.error(formatProblems(problems.filter((p) => p.severity === 'error')));
  process.exit(1);
}
const answerer = createAnswerer(knowledge);
const show = (question: string) => console.log(values.json ? toJson(answerer.analyze(question)) : toText(answerer.analyze(question)));

const question = positionals.join(' ').trim();
if (question !== '') {
  show(question);
} else {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let first = true;
  for await (const line of lines) {
    if (line.trim() === '') continue;
    if (!values.json && !first) console.log('');
    show(line.trim());
    first = false;
  }
}
