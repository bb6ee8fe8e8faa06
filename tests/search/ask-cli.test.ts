import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../bot/paths.js';
import { fixtureDir } from './load-fixture.js';

const kinds = ['answer', 'clarify', 'unknown', 'out-of-scope', 'emergency'];

function ask(args: string[], input?: string) {
  const run = spawnSync('npx', ['tsx', 'bot/cli/ask.ts', ...args], { cwd: repoRoot, input, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function expectDecisionShape(line: string, question: string): { decision: string; results: Array<{ id: string; title: string; confidence: number }> } {
  const parsed = JSON.parse(line) as Record<string, unknown>;
  expect(Object.keys(parsed).sort()).toEqual(['decision', 'question', 'results', 'safety']);
  expect(['emergency', 'band', 'none']).toContain(parsed.safety);
  expect(parsed.question).toBe(question);
  expect(kinds).toContain(parsed.decision);
  const results = parsed.results as Array<Record<string, unknown>>;
  for (const r of results) {
    expect(Object.keys(r).sort()).toEqual(['confidence', 'id', 'title']);
    expect(typeof r.id).toBe('string');
    expect(typeof r.title).toBe('string');
    expect(r.confidence).toBeGreaterThanOrEqual(0);
    expect(r.confidence).toBeLessThanOrEqual(1);
  }
  const confidences = results.map((r) => r.confidence as number);
  expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
  return parsed as never;
}

describe('npm run ask -- --json', () => {
  const broken = mkdtempSync(path.join(tmpdir(), 'balise-ask-'));
  afterAll(() => rmSync(broken, { recursive: true, force: true }));

  it('prints exactly one JSON object with the question, the decision and ranked results', () => {
    const q = 'une jeune en fugue recrutée par un pimp';
    const run = ask(['--json', '--dir', fixtureDir, q]);
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const out = expectDecisionShape(lines[0] ?? '', q);
    expect(out.results.length).toBeGreaterThanOrEqual(3);
    expect(out.results[0]?.id).toBe('fugue-recrutement');
  });

  it('loads the shipped knowledge base by default', () => {
    const q = 'comment faire un signalement à la DPJ';
    const run = ask(['--json', q]);
    expect(run.status).toBe(0);
    const out = expectDecisionShape(run.stdout.trim(), q);
    expect(out.results.length).toBeGreaterThanOrEqual(3);
    expect(out.results[0]?.id).toBe('comment-signaler-dpj');
  });

  it('reads one question per line on standard input and answers each in order', () => {
    const questions = ['comment signaler une situation à la DPJ?', 'quel temps fera-t-il demain', 'une jeune est séquestrée en ce moment'];
    const run = ask(['--json', '--dir', fixtureDir], `${questions.join('\n')}\n`);
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    const decisions = lines.map((line, i) => expectDecisionShape(line, questions[i] ?? '').decision);
    expect(decisions).toEqual(['answer', 'out-of-scope', 'emergency']);
  });

  it('prints a readable French report without --json', () => {
    const run = ask(['--dir', fixtureDir, 'comment signaler une situation à la DPJ?']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Décision : réponse (answer)');
    expect(run.stdout).toContain('1. [');
  });

  it('exits 1 with the formatted problems when the knowledge base has errors', () => {
    mkdirSync(path.join(broken, 'guide'));
    writeFileSync(path.join(broken, 'guide', 'a.yaml'), '- id: Bad Id\n');
    const run = ask(['--json', '--dir', broken, 'question']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/guide\/a\.yaml:\d+: erreur schema/);
    expect(run.stdout).toBe('');
  });
});
