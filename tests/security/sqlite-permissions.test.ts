import { mkdtempSync, statSync, chmodSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../bot/storage/sqlite-store.js';

const mode = (p: string) => statSync(p).mode & 0o777;

describe('the SQLite file', () => {
  it.skipIf(process.platform === 'win32')('is readable by its owner only (file and journals 600, folder 700), even in a folder that existed', async () => {
    const parent = mkdtempSync(path.join(os.tmpdir(), 'balise-perm-'));
    const fresh = path.join(parent, 'fresh');
    const existing = path.join(parent, 'existing');
    mkdirSync(existing);
    chmodSync(existing, 0o755);
    for (const dir of [fresh, existing]) {
      const store = createSqliteStore(dir);
      await store.commit('p', [{ kind: 'put', key: 'k', value: { secret: true } }]);
      expect(mode(dir)).toBe(0o700);
      expect(mode(path.join(dir, 'balise.sqlite'))).toBe(0o600);
      expect(mode(path.join(dir, 'balise.sqlite-wal')) & 0o077).toBe(0);
      await store.close();
    }
  });
});
