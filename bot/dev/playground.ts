/**
 * Microsoft 365 Agents Playground (the local Teams client) for `npm start` and the end-to-end tests:
 * writes its configuration from the demo people, and starts it on loopback against the bot.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { repoPath } from '../paths.js';

/** A demo person of `demo/people.yaml`. */
export interface DemoPerson {
  readonly role: string;
  readonly id: string;
  readonly aadObjectId: string;
  readonly name: string;
  readonly givenName: string;
  readonly surname: string;
  readonly email: string;
}

/** Fixed conversation ids: stored conversation references stay valid across restarts. */
export const demoConversations = {
  /** Each demo person has their own personal chat with Balise, as in Teams. */
  personalChat: (role = 'intervenante') => `a:balise-chat-${role}`,
  groupChat: '19:cellule-balise-demo@thread.v2',
  /** The team's General channel (its id is the team's): the Table's announcements go there. */
  team: '19:general-balise-demo@thread.tacv2',
  /** The playground allows one channel besides General. */
  channels: { pivots: '19:pivots-balise-demo@thread.tacv2' },
} as const;

/** The demo people, in file order. */
export function readDemoPeople(): DemoPerson[] {
  return parse(readFileSync(repoPath('demo', 'people.yaml'), 'utf8')) as DemoPerson[];
}

/** Writes `.m365agentsplayground.yml` in `dir` with `role` as the current user; returns its path. */
export function writePlaygroundConfig(dir: string, role = 'intervenante'): string {
  const people = readDemoPeople();
  const current = people.find((p) => p.role === role);
  if (!current) throw new Error(`playground: unknown role "${role}" (choose one of: ${people.map((p) => p.role).join(', ')})`);
  const asUser = ({ id, name, aadObjectId, givenName, surname, email }: DemoPerson) => ({ id, name, userPrincipleName: email, aadObjectId, givenName, surname, email });
  const config = {
    version: '0.1.1',
    tenantId: '00000000-0000-4000-8000-00000000000a',
    bot: { id: '00000000-0000-4000-8000-00000000b001', name: 'Balise' },
    currentUser: asUser(current),
    users: people.filter((p) => p !== current).map(asUser),
    personalChat: { id: demoConversations.personalChat(role) },
    groupChat: { id: demoConversations.groupChat, name: 'Cellule de concertation' },
    team: {
      id: demoConversations.team,
      name: 'Table régionale',
      aadGroupId: '00000000-0000-4000-8000-0000000000c1',
      channels: [{ id: demoConversations.channels.pivots, name: 'Pivots' }],
    },
  };
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, '.m365agentsplayground.yml');
  writeFileSync(file, stringify(config));
  return file;
}

/** Options of {@link startPlayground}. */
export interface PlaygroundOptions {
  /** Port of the playground. Default: 56150. */
  readonly port?: number;
  /** The bot's endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  readonly botEndpoint: string;
  /** Folder holding `.m365agentsplayground.yml` (also its working directory). */
  readonly configDir: string;
  /** Where its output goes. Default: inherited. */
  readonly stdio?: 'inherit' | 'pipe' | 'ignore';
}

/** Starts the playground as a child process, listening on loopback only. */
export function startPlayground(options: PlaygroundOptions): ChildProcess {
  const port = options.port ?? 56150;
  const require = createRequire(import.meta.url);
  const cli = path.join(path.dirname(require.resolve('@microsoft/m365agentsplayground/package.json')), 'cli.js');
  return spawn(
    process.execPath,
    ['--require', repoPath('scripts', 'loopback-only.cjs'), cli, '-p', String(port), '-e', options.botEndpoint, '-c', 'msteams', '--su', `http://127.0.0.1:${port}/_connector`, '--dt'],
    {
      cwd: options.configDir,
      env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none', M365_AGENTS_PLAYGROUND_CONFIG_PATH: path.join(options.configDir, '.m365agentsplayground.yml') },
      stdio: options.stdio ?? 'inherit',
    },
  );
}

/**
 * Installs Balise in conversations of a running playground, as a person does in Teams: the
 * playground then sends the bot `installationUpdate` and `conversationUpdate` (for a channel, with
 * the team), so Balise learns the personal chat, and every channel of the team, from the first start.
 * Uses the playground's debug route (`POST /_debug/conversation/<id>/installation`, version 0.2.28).
 */
export async function installBalise(playgroundUrl: string, conversationIds: readonly string[]): Promise<void> {
  for (const id of conversationIds) {
    const res = await fetch(`${playgroundUrl}/_debug/conversation/${encodeURIComponent(id)}/installation`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    if (!res.ok) throw new Error(`playground: installing Balise in ${id} answered ${res.status}`);
  }
}

/** Resolves when `url` answers 2xx, polling every 200 ms up to `attempts` times. */
export async function waitForHttp(url: string, attempts = 150): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`playground: ${url} did not answer`);
}
