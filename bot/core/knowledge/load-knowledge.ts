/**
 * Loads the knowledge folder: guide entries (`guide/*.yaml`), referral resources
 * (`ressources.yaml`), synonyms (`synonymes.yaml`), the required topic ids (`sujets.yaml`) and,
 * when present, the names of the cited sources (`sources.yaml`).
 * Collects every problem; returns the knowledge base only when there is no error.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { checkKnowledge } from './check-knowledge.js';
import { readYamlList } from './read-yaml.js';
import { guideEntrySchema, resourceSchema, sourceNameSchema, synonymsSchema } from './schema.js';
import type { ContentProblem, GuideEntry, KnowledgeBase, Resource, SourceName, SynonymGroup } from './types.js';

/** Options of {@link loadKnowledge}. */
export interface LoadOptions {
  /** The day warnings are computed against (stale reviews). Default: now. */
  readonly today?: Date;
}

/** The outcome of loading: problems always, the knowledge base only when no problem is an error. */
export interface LoadResult {
  readonly knowledge: KnowledgeBase | undefined;
  readonly problems: readonly ContentProblem[];
}

/** Reads and checks the knowledge folder `dir`. */
export function loadKnowledge(dir: string, options: LoadOptions = {}): LoadResult {
  const problems: ContentProblem[] = [];
  const need = (name: string) => {
    const file = path.join(dir, name);
    if (existsSync(file)) return file;
    problems.push({ code: 'missing-file', severity: 'error', file: name, line: 1, message: `fichier introuvable : ${name}` });
    return undefined;
  };

  const entries: GuideEntry[] = [];
  const invalidIds: string[] = [];
  const guideDir = path.join(dir, 'guide');
  const guideFiles = existsSync(guideDir) ? readdirSync(guideDir).filter((f) => /\.ya?ml$/.test(f)).sort() : [];
  if (guideFiles.length === 0) problems.push({ code: 'missing-file', severity: 'error', file: 'guide/', line: 1, message: 'aucun fichier .yaml dans guide/' });
  for (const name of guideFiles) {
    const shown = `guide/${name}`;
    const read = readYamlList(path.join(guideDir, name), shown, guideEntrySchema);
    problems.push(...read.problems);
    invalidIds.push(...read.invalidIds);
    for (const { item, line } of read.items) entries.push({ ...item, origin: { file: shown, line } });
  }

  const resources: Resource[] = [];
  const resourcesFile = need('ressources.yaml');
  if (resourcesFile) {
    const read = readYamlList(resourcesFile, 'ressources.yaml', resourceSchema);
    problems.push(...read.problems);
    invalidIds.push(...read.invalidIds);
    for (const { item, line } of read.items) resources.push({ ...item, origin: { file: 'ressources.yaml', line } });
  }

  let synonyms: SynonymGroup[] = [];
  const synonymsFile = need('synonymes.yaml');
  if (synonymsFile) {
    const read = readYamlList(synonymsFile, 'synonymes.yaml', synonymsSchema.element);
    problems.push(...read.problems);
    synonyms = read.items.map((i) => i.item);
  }

  const topics: Array<{ id: string; line: number }> = [];
  const topicsFile = need('sujets.yaml');
  if (topicsFile) {
    const read = readYamlList(topicsFile, 'sujets.yaml', z.string());
    problems.push(...read.problems);
    topics.push(...read.items.map((i) => ({ id: i.item, line: i.line })));
  }

  // Optional: without it, cards name sources by their key.
  let sourceNames: Map<string, SourceName> | undefined;
  const sourcesFile = path.join(dir, 'sources.yaml');
  if (existsSync(sourcesFile)) {
    const read = readYamlList(sourcesFile, 'sources.yaml', sourceNameSchema);
    problems.push(...read.problems);
    sourceNames = new Map(read.items.map((i) => [i.item.key, i.item]));
  }

  problems.push(...checkKnowledge({ entries, resources, topics, invalidIds, sourceNames, today: options.today ?? new Date() }));
  const hasError = problems.some((p) => p.severity === 'error');
  const knowledge: KnowledgeBase | undefined = hasError
    ? undefined
    : {
        entries,
        sourceNames: sourceNames ?? new Map(),
        resources,
        synonyms,
        entryById: new Map(entries.map((e) => [e.id, e])),
        resourceById: new Map(resources.map((r) => [r.id, r])),
      };
  return { knowledge, problems: sortProblems(problems) };
}

function sortProblems(problems: ContentProblem[]): ContentProblem[] {
  return [...problems].sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
}

/** Formats problems as `file:line: severity code: message`, one per line. */
export function formatProblems(problems: readonly ContentProblem[]): string {
  return problems.map((p) => `${p.file}:${p.line}: ${p.severity === 'error' ? 'erreur' : 'avertissement'} ${p.code}: ${p.message}`).join('\n');
}

/** Thrown at start-up when the knowledge base has errors; carries them all. */
export class KnowledgeError extends Error {
  constructor(readonly problems: readonly ContentProblem[]) {
    super(`knowledge: la base de connaissances contient ${problems.filter((p) => p.severity === 'error').length} erreur(s) :\n${formatProblems(problems.filter((p) => p.severity === 'error'))}`);
    this.name = 'KnowledgeError';
  }
}
