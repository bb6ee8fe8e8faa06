/**
 * `npm start [-- --as <role>]`: starts the bot and the local Teams client (Microsoft 365 Agents
 * Playground) on loopback, prints the URL to open, and stops both on Ctrl-C.
 * Roles: intervenante (default), pivot, coordonnatrice, secours, policiere, table.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readConfig } from '../config.js';
import { readDemoPeople, startPlayground, waitForHttp, writePlaygroundConfig } from '../dev/playground.js';
import { repoPath } from '../paths.js';

const { values } = parseArgs({ options: { as: { type: 'string', default: 'intervenante' }, 'playground-port': { type: 'string', default: process.env.PLAYGROUND_PORT ?? '56150' } } });
const role = values.as ?? 'intervenante';
const people = readDemoPeople();
const person = people.find((p) => p.role === role);
if (!person) {
  console.error(`Rôle inconnu : « ${role} ». Choisissez parmi : ${people.map((p) => p.role).join(', ')}.`);
  process.exit(2);
}
const config = readConfig();
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
const bot = spawn(process.execPath, ['--disable-warning=DEP0111', repoPath('dist', 'bot', 'main.js')], { stdio: 'inherit', env: process.env });
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
const configDir = path.join(config.dataDir, 'playground', role);
writePlaygroundConfig(configDir, role);
const playground = startPlayground({ port: playgroundPort, botEndpoint: `${botUrl}/api/messages`, configDir, stdio: 'ignore' });
children.push(playground);
playground.on('exit', (code) => {
  if (!stopping) {
    console.error(`Le client Teams local s'est arrêté (code ${code}).`);
    stopAll(code ?? 1);
  }
});
await waitForHttp(`http://127.0.0.1:${playgroundPort}/`);
console.log(`
  Balise est prêt.
  Ouvrez le client Teams local : http://127.0.0.1:${playgroundPort}
  Vous êtes : ${person.name} (${role}). Autre rôle : npm start -- --as coordonnatrice
  Essayez : « aide », « ressources », « signes qu'une jeune est recrutée ».
  Ctrl-C pour tout arrêter.
`);
