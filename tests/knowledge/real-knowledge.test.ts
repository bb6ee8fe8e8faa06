/**
 * The shipped knowledge base, checked mechanically against the Table's fact sheet: no phone number,
 * source or topic that the sources do not give.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../bot/core/knowledge/load-knowledge.js';
import { repoPath } from '../../bot/paths.js';

const sharedDir = repoPath('..', 'shared', 'knowledge');
const hasShared = existsSync(path.join(sharedDir, 'domain-facts.md'));
const { knowledge, problems } = loadKnowledge(repoPath('knowledge'));
const digits = (s: string) => s.replace(/\D/g, '');

/** Every phone-like number in a text: North American numbers (with or without leading 1). */
function phoneNumbers(text: string): string[] {
  return [...text.matchAll(/(?<![\d.])(?:1[ -])?\d{3}[ -]\d{3}-\d{4}(?![\d])/g)].map((m) => digits(m[0]).replace(/^1(?=\d{10}$)/, ''));
}

describe('the shipped knowledge base', () => {
  it('loads with no error', () => {
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(knowledge).toBeDefined();
  });

  it.skipIf(!hasShared)('covers every topic id of the Table\'s topic list', () => {
    const topics = [...readFileSync(path.join(sharedDir, 'topics.md'), 'utf8').matchAll(/^\| ([a-z0-9-]+) \|/gm)].map((m) => m[1]).filter((id) => id !== 'id');
    expect(topics).toHaveLength(57);
    const ids = new Set(knowledge?.entries.map((e) => e.id));
    expect(topics.filter((t) => !ids.has(t!))).toEqual([]);
  });

  it.skipIf(!hasShared)('contains no phone number that is not in the fact sheet or the seed', () => {
    const facts = readFileSync(path.join(sharedDir, 'domain-facts.md'), 'utf8') + readFileSync(path.join(sharedDir, 'seed-spvq-table-regionale.md'), 'utf8');
    // Lettered numbers (418 641-AGIR (2447)) are compared by their digits as the sheet gives them.
    const known = new Set([...phoneNumbers(facts), ...[...facts.matchAll(/(\d{3}) (\d{3})-[A-Z]{4} \((\d{4})\)/g)].map((m) => `${m[1]}${m[2]}${m[3]}`)]);
    const files = [...readdirSync(repoPath('knowledge', 'guide')).map((f) => repoPath('knowledge', 'guide', f)), repoPath('knowledge', 'ressources.yaml')];
    const unknown = files.flatMap((f) => phoneNumbers(readFileSync(f, 'utf8')).filter((n) => !known.has(n)).map((n) => `${path.basename(f)}: ${n}`));
    expect(unknown).toEqual([]);
    expect(known.size).toBeGreaterThan(10); // the extraction itself found the sheet's numbers
  });

  it.skipIf(!hasShared)('cites only sources of the fact sheet, with the sheet\'s URL', () => {
    const facts = readFileSync(path.join(sharedDir, 'domain-facts.md'), 'utf8');
    const table = new Map([...facts.matchAll(/^\| (S\d+[a-z]?) \| .*? — (\S+)[^|]*\|/gm)].map((m) => [m[1], m[2]]));
    expect(table.size).toBeGreaterThan(100);
    const refs = [
      ...(knowledge?.entries.flatMap((e) => e.sources.map((s) => ({ where: e.id, ...s }))) ?? []),
      ...(knowledge?.resources.flatMap((r) => r.contacts.flatMap((c) => (c.source ? [{ where: r.id, ...c.source }] : []))) ?? []),
    ];
    const wrong = refs.filter((s) => s.key !== 'seed' && table.get(s.key) !== s.url).map((s) => `${s.where}: ${s.key} ${s.url}`);
    expect(wrong).toEqual([]);
  });

  it('has no warning either: labels, « vous », lengths, English labels, sources named', () => {
    // A fixed day, so the test does not start failing on its own when reviews age.
    const { problems: now } = loadKnowledge(repoPath('knowledge'), { today: new Date('2026-12-01T12:00:00Z') });
    expect(now.map((p) => `${p.file}:${p.line} ${p.code}`)).toEqual([]);
  });

  it('indents no answer line: Markdown would show it as code', () => {
    const indented = knowledge?.entries.flatMap((e) => [e.answer, e.en?.answer ?? ''].flatMap((a) => a.split('\n').filter((l) => /^\s+\S/.test(l)).map((l) => `${e.id}: ${l.trim().slice(0, 30)}`)));
    expect(indented).toEqual([]);
  });

  it('gives every entry a button label in each of its languages', () => {
    const unlabelled = knowledge?.entries.filter((e) => !e.label || (e.en && !e.en.label)).map((e) => e.id);
    expect(unlabelled).toEqual([]);
  });

  it('lists the DPJ resource wherever an answer sends people to the DPJ', () => {
    const sends = (text: string) => /signal\w*[^.]{0,40}\bDPJ\b|\bDPJ\b[^.]{0,20}signal/i.test(text);
    const missing = knowledge?.entries.filter((e) => sends(e.answer) && !e.resources.includes('dpj-capitale-nationale')).map((e) => e.id);
    expect(missing).toEqual([]);
  });

  it('marks as unverified the contacts the fact sheet marks UNVERIFIED', () => {
    const status = (id: string, value: string) => knowledge?.resourceById.get(id)?.contacts.find((c) => digits(c.value) === digits(value))?.status;
    expect(status('dpj-capitale-nationale', '418 661-3700')).toBe('unverified');
    expect(status('spvq', '418 691-6911')).toBe('unverified');
    expect(status('ligneparents', '1 800 361-5085')).toBe('unverified');
    expect(status('dpj-capitale-nationale', '418 661-6951')).toBe('verified');
  });
});
