/**
 * `npm start [-- --as <role>[,<role>...]]`: starts the bot and one local Teams client (Microsoft 365
 * Agents Playground) per role on loopback (consecutive ports), prints the URLs to open, and stops
 * everything on Ctrl-C. Roles: intervenante (default), pivot, coordonnatrice, secours, policiere, table.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readConfig } from '../config.js';
import { demoConversations, installBalise, readDemoPeople, startPlayground, waitForHttp, writePlaygroundConfig } from '../dev/playground.js';
import { repoPath } from '../paths.js';

const { values } = parseArgs({ options: { as: { type: 'string', default: 'intervenante' }, 'playground-port': { type: 'string', default: process.env.PLAYGROUND_PORT ?? '56150' } } });
const roles = (values.as ?? 'intervenante').split(',').map((r) => r.trim()).filter(Boolean);
const people = readDemoPeople();
const unknown = roles.filter((role) => !people.some((p) => p.role === role));
if (unknown.length > 0 || roles.length === 0) {
  console.error(`Rôle inconnu : « ${unknown.join(', ')} ». Choisissez parmi : ${people.map((p) => p.role).join(', ')}.`);
  process.exit(2);
}
// `npm start` is the demo: the demo directory and sessions are on unless the caller says otherwise.
const env = { ...process.env, BALISE_DEMO: process.env.BALISE_DEMO ?? 'true' };
const config = readConfig(env);
const playgroundPort = Number(values['playground-port']);
const botUrl = `http://127.0.0.1:${config.port}`;

const children: ChildProcess[] = [];
let stopping = false;
function stopAll(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 1500).unref();
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

// restify 11 reads a deprecated Node binding (DEP0111): harmless, so keep it out of the console.
const bot = spawn(process.execPath, ['--disable-warning=DEP0111', repoPath('dist', 'bot', 'main.js')], { stdio: 'inherit', env });
children.push(bot);
bot.on('exit', (code) => {
  if (!stopping) {
    console.error(`Le bot s'est arrêté (code ${code}).`);
    stopAll(code ?? 1);
  }
});

try {
  await waitForHttp(`${botUrl}/readyz`);
} catch {
  console.error(`Le bot ne répond pas sur ${botUrl}/readyz.`);
  stopAll(1);
}
const opened: string[] = [];
for (const [index, role] of roles.entries()) {
  const port = playgroundPort + index;
  const configDir = path.join(config.dataDir, 'playground', role);
  writePlaygroundConfig(configDir, role);
  const playground = startPlayground({ port, botEndpoint: `${botUrl}/api/messages`, configDir, stdio: 'ignore' });
  children.push(playground);
  playground.on('exit', (code) => {
    if (!stopping) {
      console.error(`Le client Teams local (${role}) s'est arrêté (code ${code}).`);
      stopAll(code ?? 1);
    }
  });
  await waitForHttp(`http://127.0.0.1:${port}/`);
  // Balise installed in the person's chat and, in the first client, in the team "Table régionale":
  // from the first start it can write to each person, and post in General and Pivots.
  try {
    await installBalise(`http://127.0.0.1:${port}`, index === 0 ? [demoConversations.personalChat(role), demoConversations.team] : [demoConversations.personalChat(role)]);
  } catch (err) {
    console.error(`Balise n'a pas pu être installé dans le client local (${role}) : ${(err as Error).message}`);
  }
  const person = people.find((p) => p.role === role);
  opened.push(`  ${person?.name} (${role}) : http://127.0.0.1:${port}`);
}
console.log(`
  Balise est prêt. Ouvrez le client Teams local :
${opened.join('\n')}
  Autres rôles : npm start -- --as intervenante,coordonnatrice (un client par personne)
  Essayez : « aide », « ressources », « formations », « signes qu'une jeune est recrutée ».
  Ctrl-C pour tout arrêter.
`);
