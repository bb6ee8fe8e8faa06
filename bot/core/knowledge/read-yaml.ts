/**
 * Reads YAML files (a list of items, or one document), validates them against a schema, and reports
 * every problem with its line instead of stopping at the first one.
 */
import { readFileSync } from 'node:fs';
import { LineCounter, isSeq, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { frenchErrorMap } from './schema.js';
import type { ContentProblem } from './types.js';

/** A valid item and the line it starts on. */
export interface Located<T> {
  readonly item: T;
  readonly line: number;
}

/** What reading a list file gives: the valid items, their problems, and a line finder. */
export interface ListFile<T> {
  readonly items: Array<Located<T>>;
  readonly problems: ContentProblem[];
  /** Ids of the items that failed validation, so other checks do not report them a second time. */
  readonly invalidIds: string[];
  /** The line of a path inside the file (e.g. [3, 'related', 1]), or of its nearest parent. */
  readonly lineOf: (path: ReadonlyArray<string | number>) => number;
}

function lineFinder(doc: Document, lines: LineCounter) {
  return (path: ReadonlyArray<string | number>): number => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) return lines.linePos(node.range[0]).line;
    }
    return 1;
  };
}

/** Parses a YAML file with line positions; syntax errors come back as problems. */
function parseYamlFile(file: string, shown: string): { doc: Document; lineOf: ListFile<unknown>['lineOf']; problems: ContentProblem[] } {
  const lines = new LineCounter();
  const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  const problems: ContentProblem[] = doc.errors.map((err) => ({
    code: 'yaml-syntax',
    severity: 'error',
    file: shown,
    line: err.linePos?.[0]?.line ?? 1,
    message: `YAML invalide : ${err.message.split('\n')[0]}`,
  }));
  return { doc, lineOf: lineFinder(doc, lines), problems };
}

/** Parses `file` (display name `shown`) as a YAML list of `schema` items. */
export function readYamlList<S extends z.ZodTypeAny>(file: string, shown: string, schema: S): ListFile<z.output<S>> {
  const { doc, lineOf, problems } = parseYamlFile(file, shown);
  if (problems.length > 0) return { items: [], problems, invalidIds: [], lineOf };
  if (!isSeq(doc.contents)) {
    problems.push({ code: 'schema', severity: 'error', file: shown, line: 1, message: 'le fichier doit contenir une liste (chaque élément commence par « - »)' });
    return { items: [], problems, invalidIds: [], lineOf };
  }
  const data = doc.toJS() as unknown[];
  const items: Array<Located<z.output<S>>> = [];
  const invalidIds: string[] = [];
  data.forEach((raw, index) => {
    const parsed = schema.safeParse(raw, { errorMap: frenchErrorMap });
    if (parsed.success) {
      items.push({ item: parsed.data, line: lineOf([index]) });
      return;
    }
    const id = (raw as { id?: unknown } | null)?.id;
    if (typeof id === 'string') invalidIds.push(id);
    for (const issue of parsed.error.issues) {
      const where = issue.path.join('.') || '(élément)';
      problems.push({
        code: 'schema',
        severity: 'error',
        file: shown,
        line: lineOf([index, ...issue.path]),
        message: `${typeof id === 'string' ? `${id} : ` : ''}${where} : ${issue.message}`,
      });
    }
  });
  return { items, problems, invalidIds, lineOf };
}

/** Parses `file` (display name `shown`) as one YAML document matching `schema`. */
export function readYamlDocument<S extends z.ZodTypeAny>(file: string, shown: string, schema: S): { value: z.output<S> | undefined; problems: ContentProblem[] } {
  const { doc, lineOf, problems } = parseYamlFile(file, shown);
  if (problems.length > 0) return { value: undefined, problems };
  const parsed = schema.safeParse(doc.toJS(), { errorMap: frenchErrorMap });
  if (parsed.success) return { value: parsed.data, problems };
  for (const issue of parsed.error.issues) {
    problems.push({ code: 'schema', severity: 'error', file: shown, line: lineOf(issue.path), message: `${issue.path.join('.') || '(document)'} : ${issue.message}` });
  }
  return { value: undefined, problems };
}
