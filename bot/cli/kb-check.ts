/**
 * `npm run kb:check [-- --dir knowledge]`: checks the knowledge base and prints every problem as
 * `file:line: severity code: message`. Exits 1 on any error, 0 with warnings only.
 */
import { parseArgs } from 'node:util';
import { formatProblems, loadKnowledge } from '../core/knowledge/load-knowledge.js';
import { repoPath } from '../paths.js';

const { values } = parseArgs({ options: { dir: { type: 'string', default: repoPath('knowledge') } } });
const dir = values.dir ?? repoPath('knowledge');
const { knowledge, problems } = loadKnowledge(dir);
const errors = problems.filter((p) => p.severity === 'error').length;
const warnings = problems.length - errors;
if (problems.length > 0) console.log(formatProblems(problems));
if (knowledge) {
  console.log(`kb:check : ${knowledge.entries.length} entrées, ${knowledge.resources.length} ressources, ${warnings} avertissement(s), aucune erreur.`);
} else {
  console.log(`kb:check : ${errors} erreur(s), ${warnings} avertissement(s). Corrigez les erreurs : le bot refuse de démarrer tant qu'il y en a.`);
  process.exitCode = 1;
}
