/**
 * Resolves paths inside the repository, whether the code runs from `bot/` (tsx, vitest)
 * or from `dist/bot/` (compiled).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`paths: no package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

/** The repository root (the folder holding package.json). */
export const repoRoot = findRoot(path.dirname(fileURLToPath(import.meta.url)));

/** A path inside the repository. */
export function repoPath(...parts: string[]): string {
  return path.join(repoRoot, ...parts);
}
