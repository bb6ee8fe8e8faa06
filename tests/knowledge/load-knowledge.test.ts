import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblems, loadKnowledge } from '../../bot/core/knowledge/load-knowledge.js';
import type { ProblemCode } from '../../bot/core/knowledge/types.js';

const valid = path.join(import.meta.dirname, '../fixtures/knowledge/valid');
const today = new Date('2026-11-28T12:00:00Z');

/** A copy of the valid fixture with one file edited. */
function brokenCopy(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'balise-kb-'));
  cpSync(valid, dir, { recursive: true });
  const target = path.join(dir, file);
  writeFileSync(target, edit(readFileSync(target, 'utf8')));
  return dir;
}

const codes = (dir: string) => loadKnowledge(dir, { today }).problems.map((p) => p.code);

describe('loadKnowledge', () => {
  it('loads a valid knowledge base with no problem', () => {
    const { knowledge, problems } = loadKnowledge(valid, { today });
    expect(problems).toEqual([]);
    expect(knowledge?.entries.map((e) => e.id)).toEqual(['sujet-un', 'sujet-deux']);
    expect(knowledge?.resourceById.get('ligne-test')?.contacts).toHaveLength(2);
    expect(knowledge?.entries[1]?.origin).toEqual({ file: 'guide/a-test.yaml', line: 17 });
  });

  const cases: Array<[ProblemCode, string, (t: string) => string, number]> = [
    ['yaml-syntax', 'guide/a-test.yaml', (t) => t.replace('  title: Premier sujet', '  title: Premier sujet\n  title: doublon'), 3],
    ['schema', 'guide/a-test.yaml', (t) => t.replace('category: comprendre', 'category: inconnue'), 3],
    ['duplicate-id', 'guide/a-test.yaml', (t) => t.replace('id: sujet-deux', 'id: sujet-un'), 17],
    ['unknown-related', 'guide/a-test.yaml', (t) => t.replace('related: [sujet-deux]', 'related: [sujet-absent]'), 1],
    ['unknown-resource', 'guide/a-test.yaml', (t) => t.replace('resources: [ligne-test]', 'resources: [ligne-absente]'), 1],
    ['missing-topic', 'sujets.yaml', (t) => `${t}- sujet-trois\n`, 3],
    ['invalid-phone', 'ressources.yaml', (t) => t.replace('1 800 263-2266', '263-22'), 1],
    ['stale-review', 'guide/a-test.yaml', (t) => t.replace('reviewedOn: 2026-11-01', 'reviewedOn: 2024-01-15'), 1],
    ['stale-verification', 'ressources.yaml', (t) => t.replace('verifiedOn: 2026-11-01', 'verifiedOn: 2023-05-01'), 1],
    ['answer-too-long', 'guide/a-test.yaml', (t) => t.replace('Une réponse sur le deuxième sujet.', 'mot '.repeat(151).trim()), 17],
    ['duplicate-question', 'guide/a-test.yaml', (t) => t.replace('deuxième sujet svp', 'premier sujet svp'), 17],
    ['label-too-long', 'guide/a-test.yaml', (t) => t.replace('  title: Premier sujet\n', `  title: Premier sujet\n  label: ${'Un libellé bien trop long pour un bouton Teams'}\n`), 1],
    ['missing-label', 'guide/a-test.yaml', (t) => t.replace('  title: Premier sujet\n', '  title: Un titre de fiche bien trop long pour tenir sur un bouton\n'), 1],
    ['register-tu', 'guide/a-test.yaml', (t) => t.replace('Une réponse courte sur le premier sujet.', 'Appelle le DPJ, puis parles-en à ton pivot.'), 1],
    ['report-hedge', 'guide/a-test.yaml', (t) => t.replace('Une réponse courte sur le premier sujet.', "Voyez avec votre pivot s'il faut signaler au DPJ."), 1],
    ['screenshot-image', 'guide/a-test.yaml', (t) => t.replace('Une réponse courte sur le premier sujet.', "Gardez des captures d'écran des échanges."), 1],
    ['suicide-line', 'guide/a-test.yaml', (t) => t.replace('Une réponse courte sur le premier sujet.', 'Vérifiez le risque suicidaire.'), 1],
    ['missing-english', 'ressources.yaml', (t) => t.replace('  en:\n    name: Test line\n    description: A line for the tests.\n', ''), 1],
    ['unknown-source', 'guide/a-test.yaml', (t) => t.replace('    - key: S19\n      url: https://example.org/s19', '    - key: S20\n      url: https://example.org/s20'), 1],
    ['resource-not-shown', 'guide/a-test.yaml', (t) => t, 1],
  ];
  it.each(cases)('reports %s with its file and line', (code, file, edit, line) => {
    // resource-not-shown: the entry is fine, its resource lost its only confirmed contact.
    const dir = code === 'resource-not-shown' ? brokenCopy('ressources.yaml', (t) => t.replace('      status: verified', '      status: unverified')) : brokenCopy(file, edit);
    const problems = loadKnowledge(dir, { today }).problems.filter((p) => p.code === code);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.file).toBe(file);
    expect(problems[0]?.line).toBe(line);
  });

  it('reports every problem at once instead of stopping at the first', () => {
    const dir = brokenCopy('guide/a-test.yaml', (t) => t.replace('category: comprendre', 'category: x').replace('related: []', 'related: [absent]').replace('reviewedOn: 2026-11-01\n- id', 'reviewedOn: 01/11/2026\n- id'));
    expect(codes(dir).sort()).toEqual(['schema', 'schema', 'unknown-related'].sort());
  });

  it('gives each rule the severity its harm calls for: a put-off report is an error, « tu » a warning', () => {
    const severity = (edit: (t: string) => string) => loadKnowledge(brokenCopy('guide/a-test.yaml', edit), { today }).problems.map((p) => `${p.code}:${p.severity}`);
    expect(severity((t) => t.replace('Une réponse courte sur le premier sujet.', "Vois s'il faut signaler."))).toContain('report-hedge:error');
    expect(severity((t) => t.replace('Une réponse courte sur le premier sujet.', 'Parles-en à ton pivot.'))).toEqual(['register-tu:warning']);
    expect(severity((t) => t.replace('Une réponse courte sur le premier sujet.', 'Vérifiez le risque suicidaire.'))).toEqual(['suicide-line:error']);
  });

  it('checks the English answer too', () => {
    const dir = brokenCopy('guide/a-test.yaml', (t) => t.replace('  reviewedOn: 2026-11-01\n- id: sujet-deux', '  reviewedOn: 2026-11-01\n  en:\n    title: First topic\n    answer: Keep screenshots of the chat and check with your pivot whether to report.\n- id: sujet-deux'));
    expect(loadKnowledge(dir, { today }).problems.map((p) => p.code).sort()).toEqual(['report-hedge', 'screenshot-image']);
  });

  it('refuses the knowledge base on an error but keeps it with warnings only', () => {
    expect(loadKnowledge(brokenCopy('sujets.yaml', (t) => `${t}- absent\n`), { today }).knowledge).toBeUndefined();
    expect(loadKnowledge(brokenCopy('guide/a-test.yaml', (t) => t.replace('reviewedOn: 2026-11-01', 'reviewedOn: 2020-01-01')), { today }).knowledge).toBeDefined();
  });

  it('rejects a verified contact without a source but accepts an unverified one', () => {
    const dir = brokenCopy('ressources.yaml', (t) => t.replace('      source: { key: S117, url: https://example.org/s117 }\n', ''));
    const problems = loadKnowledge(dir, { today }).problems;
    expect(problems.map((p) => p.code)).toEqual(['schema']);
    expect(problems[0]?.message).toContain('source');
  });

  it('writes problems as file:line: severity code: message in French', () => {
    const dir = brokenCopy('guide/a-test.yaml', (t) => t.replace('category: comprendre', 'category: inconnue'));
    expect(formatProblems(loadKnowledge(dir, { today }).problems)).toMatch(/^guide\/a-test\.yaml:3: erreur schema: sujet-un : category : valeur « inconnue » inconnue/);
  });
});
