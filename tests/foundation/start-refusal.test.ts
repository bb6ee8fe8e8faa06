import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../bot/config.js';
import { KnowledgeError } from '../../bot/core/knowledge/load-knowledge.js';
import { createLogger } from '../../bot/logger.js';
import { repoPath } from '../../bot/paths.js';
import { DirectoryError, startBot } from '../../bot/start-bot.js';

function brokenKnowledge(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'balise-broken-kb-'));
  cpSync(repoPath('knowledge'), dir, { recursive: true });
  const file = path.join(dir, 'guide', 'a-comprendre.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('\n  category: comprendre', '\n  category: autre'));
  return dir;
}

describe('start-up on invalid content', () => {
  it('refuses to start on an invalid knowledge base and lists every problem with its line', async () => {
    const config = readConfig({ PORT: '0', BALISE_STORAGE: 'memory', BALISE_KNOWLEDGE_DIR: brokenKnowledge() });
    const started = startBot(config, createLogger('silent'));
    await expect(started).rejects.toBeInstanceOf(KnowledgeError);
    await expect(started).rejects.toThrow(/guide\/a-comprendre\.yaml:\d+: erreur schema/);
  });

  it('refuses to start on an invalid directory', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'balise-dir-')), 'annuaire.yaml');
    writeFileSync(file, 'organisations:\n  - id: x\n    name: X\n    coordinators: []\n');
    const config = readConfig({ PORT: '0', BALISE_STORAGE: 'memory', BALISE_DIRECTORY_FILE: file });
    await expect(startBot(config, createLogger('silent'))).rejects.toBeInstanceOf(DirectoryError);
  });

  it('exits with a message naming the variable when the configuration is invalid', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', repoPath('bot', 'main.ts')], { env: { ...process.env, PORT: 'abc' }, encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('PORT');
  });
});
