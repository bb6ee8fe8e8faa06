/**
 * `npm run bench`: every benchmark of Balise, one after the other, printing figures (never
 * asserting them): search (index build, latency p50/p99, peak memory), training broadcast to
 * 5,000 recipients through a rate-limited connector stub, and consultation submit-to-alert latency
 * with a connector that fails 30% of calls, the message pipeline against a bare teams-ai echo bot
 * (autocannon), and the « one year » data set. Options: --only search|broadcast|consultation|pipeline|year,
 * --seconds N (pipeline run length), --rounds N (pipeline rounds per concurrency), --decision-cache off (pipeline: every request searches), --question TEXT (pipeline: the question asked), --storage sqlite|azure-table (store of pipeline and year),
 * --scale F (fraction of the year's volumes).
 * Exits 1 when a broadcast or consultation run loses or duplicates a message.
 */
import { parseArgs } from 'node:util';
import { runBroadcastBench } from './broadcast-bench.js';
import { runConsultationBench } from './consultation-bench.js';
import { runPipelineBench } from './pipeline-bench.js';
import { runSearchBench } from './search-bench.js';
import { runYearBench } from './year-bench.js';

const { values } = parseArgs({ options: { only: { type: 'string' }, seconds: { type: 'string' }, storage: { type: 'string' }, rounds: { type: 'string' }, scale: { type: 'string' }, 'decision-cache': { type: 'string' }, question: { type: 'string' } } });
const wanted = (name: string) => !values.only || values.only === name;
let clean = true;

if (wanted('search')) {
  console.log('\n== Recherche ==');
  runSearchBench();
}
if (wanted('broadcast')) {
  console.log('\n== Diffusion d\'une annonce de formation (5 000 destinataires, connecteur limité) ==');
  const result = await runBroadcastBench({});
  clean &&= result.duplicates === 0 && result.losses === 0;
}
if (wanted('consultation')) {
  console.log('\n== Demandes de consultation (pipeline HTTP réel, connecteur local) ==');
  const result = await runConsultationBench({});
  clean &&= [result.clean, result.failing].every((p) => p.lost === 0 && p.duplicated === 0 && p.stored === p.submitted);
}
if (wanted('pipeline')) {
  console.log('\n== Pipeline des messages : Balise contre un bot écho teams-ai nu (autocannon, boucle locale) ==');
  await runPipelineBench({ seconds: values.seconds ? Number(values.seconds) : undefined, rounds: values.rounds ? Number(values.rounds) : undefined, storage: values.storage === 'azure-table' ? 'azure-table' : 'sqlite', decisionCache: values['decision-cache'] !== 'off', question: values.question });
}
if (wanted('year')) {
  console.log('\n== Une année d\'utilisation : coûts sur un magasin vide et sur un an de données ==');
  const storage = values.storage === 'sqlite' || values.storage === 'azure-table' ? values.storage : 'both';
  await runYearBench({ scale: values.scale ? Number(values.scale) : undefined, storage });
}
console.log(`\nprocess peak memory (maxRSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
process.exit(clean ? 0 : 1);
