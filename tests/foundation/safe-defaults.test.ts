import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../bot/config.js';
import { repoPath } from '../../bot/paths.js';

/** The ENV lines of the Dockerfile's runtime stage, as an environment. */
function dockerEnv(): Record<string, string> {
  const runtime = readFileSync(repoPath('Dockerfile'), 'utf8').split(/^FROM .* AS runtime$/m)[1] ?? '';
  const block = /^ENV ((?:.*\\\n)*.*)$/m.exec(runtime)?.[1] ?? '';
  return Object.fromEntries([...block.matchAll(/(\w+)=(\S+)/g)].map((m) => [m[1] ?? '', m[2] ?? '']));
}

describe('safe by default', () => {
  it('the container refuses to start without credentials and allowed tenants', () => {
    const env = dockerEnv();
    expect(env.HOST).toBe('0.0.0.0');
    expect(() => readConfig(env)).toThrow(/MicrosoftAppId/);
    expect(() => readConfig({ ...env, MicrosoftAppId: 'a', MicrosoftAppPassword: 'b' })).toThrow(/BALISE_ALLOWED_TENANTS/);
  });

  it('the container never turns the demo directory on by itself', () => {
    const env = dockerEnv();
    expect(env.BALISE_DEMO).toBeUndefined();
    const config = readConfig({ ...env, MicrosoftAppId: 'a', MicrosoftAppPassword: 'b', BALISE_ALLOWED_TENANTS: '11111111-2222-4333-8444-555555555555' });
    expect(config.demo).toBe(false);
    expect(config.directoryFile).toBeUndefined();
  });

  it('only `npm start` turns the demo on', () => {
    expect(readFileSync(repoPath('bot', 'cli', 'start-local.ts'), 'utf8')).toMatch(/BALISE_DEMO: process\.env\.BALISE_DEMO \?\? 'true'/);
    expect(readFileSync(repoPath('bot', 'main.ts'), 'utf8')).not.toMatch(/BALISE_DEMO/);
  });
});
