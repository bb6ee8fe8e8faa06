/** Validation shared by every store: a commit writes each key at most once and has at most 100 ops. */
import type { WriteOp } from '../core/storage/record-store.js';

/** Throws when a commit could not be applied atomically by every backend. */
export function checkOps(ops: readonly WriteOp[]): void {
  if (ops.length === 0) throw new Error('storage: empty commit');
  if (ops.length > 100) throw new Error('storage: a commit holds at most 100 writes (Azure Table rule)');
  const keys = new Set(ops.map((o) => o.key));
  if (keys.size !== ops.length) throw new Error('storage: a commit writes each key at most once');
}
