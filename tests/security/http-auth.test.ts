/**
 * The HTTP edge with credentials: tokens signed here with a local key, served as the Bot Framework's
 * OpenID metadata by nock (the only mock: Microsoft's cloud). Every forged token gets 401 and
 * reaches no handler; each failure is one JSON log line; an unreachable metadata endpoint gives a
 * 500 without internal text. In local mode, only loopback service URLs are accepted.
 */
import { createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../bot/config.js';
import { createLogger } from '../../bot/logger.js';
import { startBot, type RunningBot } from '../../bot/start-bot.js';
import type { Feature } from '../../bot/teams/feature.js';

const appId = '0f0e0d0c-0b0a-4908-8706-050403020100';
const tenant = '11111111-2222-4333-8444-555555555555';
const serviceUrl = 'https://smba.trafficmanager.net/amer/';
const metadataHost = 'https://login.botframework.com';

const b64 = (x: object | Buffer) => (Buffer.isBuffer(x) ? x : Buffer.from(JSON.stringify(x))).toString('base64url');

/** A JWT signed with `key` (or unsigned with `alg: none`). */
function token(claims: Record<string, unknown>, options: { key?: KeyObject; kid?: string; alg?: 'RS256' | 'none' } = {}): string {
  const alg = options.alg ?? 'RS256';
  const head = `${b64({ alg, typ: 'JWT', kid: options.kid ?? 'balise-test' })}.${b64(claims)}`;
  if (alg === 'none') return `${head}.`;
  return `${head}.${sign('RSA-SHA256', Buffer.from(head), options.key ?? signingKey).toString('base64url')}`;
}

const { privateKey: signingKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const strangerKey = createPrivateKey(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
const jwk = publicKey.export({ format: 'jwk' });
const now = () => Math.floor(Date.now() / 1000);
const goodClaims = () => ({ iss: 'https://api.botframework.com', aud: appId, serviceurl: serviceUrl, nbf: now() - 60, exp: now() + 3600 });

const activity = (extra: Record<string, unknown> = {}) => ({
  type: 'typing',
  id: 'a1',
  channelId: 'msteams',
  serviceUrl,
  from: { id: '29:someone', aadObjectId: '00000000-0000-4000-8000-000000000100' },
  recipient: { id: `28:${appId}` },
  conversation: { id: 'a:1', conversationType: 'personal', tenantId: tenant },
  channelData: { tenant: { id: tenant } },
  ...extra,
});

let reached = 0;
/** What botbuilder printed to the console during the credentialed tests (it must print nothing). */
const stderr: string[] = [];
const originalError = console.error;
const countTurns: Feature = {
  name: 'count-turns',
  routes: (app) => {
    app.activity('typing', async () => {
      reached++;
    });
  },
};

function startWith(env: Record<string, string>, logLines: string[]): Promise<RunningBot> {
  const config = readConfig({ PORT: '0', HOST: '127.0.0.1', BALISE_STORAGE: 'memory', ...env });
  return startBot(config, createLogger('info', { write: (line: string) => void logLines.push(line) }), { features: [countTurns] });
}

async function post(bot: RunningBot, body: object, authorization?: string) {
  const response = await fetch(`http://127.0.0.1:${bot.port}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

describe('with credentials', () => {
  const logLines: string[] = [];
  let bot: RunningBot;

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect(/127\.0\.0\.1/);
    // Installed before the bot routes botbuilder's messages, so it sees only what escapes that routing.
    console.error = (...args: unknown[]) => {
      stderr.push(args.map(String).join(' '));
      originalError(...args);
    };
    bot = await startWith({ MicrosoftAppId: appId, MicrosoftAppPassword: 'secret', BALISE_ALLOWED_TENANTS: tenant }, logLines);
  });
  afterAll(async () => {
    await bot.stop();
    console.error = originalError;
    nock.cleanAll();
    nock.enableNetConnect();
  });

  // First: the metadata cache is still empty, so this request has to fetch it.
  it('answers 500 without internal text when the OpenID metadata cannot be fetched', async () => {
    const scope = nock(metadataHost).get('/v1/.well-known/openidconfiguration').reply(503, 'upstream down');
    const before = reached;
    const { status, text } = await post(bot, activity(), `Bearer ${token(goodClaims())}`);
    expect(scope.isDone()).toBe(true);
    expect(status).toBe(500);
    expect(JSON.parse(text)).toEqual({ code: 'InternalError', message: 'Erreur interne.' });
    expect(text).not.toMatch(/openID|503|Failed/i);
    expect(reached).toBe(before);
  });

  describe('with the metadata served', () => {
    beforeAll(() => {
      nock(metadataHost)
        .persist()
        .get('/v1/.well-known/openidconfiguration')
        .reply(200, { issuer: 'https://api.botframework.com', jwks_uri: `${metadataHost}/v1/.well-known/keys`, id_token_signing_alg_values_supported: ['RS256'] })
        .get('/v1/.well-known/keys')
        .reply(200, { keys: [{ ...jwk, kid: 'balise-test', use: 'sig', endorsements: ['msteams'] }] });
    });

    it('accepts a well-signed token (the control: the handler is reached)', async () => {
      const before = reached;
      const { status } = await post(bot, activity(), `Bearer ${token(goodClaims())}`);
      expect(status).toBe(200);
      expect(reached).toBe(before + 1);
    });

    it.each([
      ['no token at all', () => undefined],
      ['a wrong audience', () => `Bearer ${token({ ...goodClaims(), aud: 'someone-else' })}`],
      ['an expired token', () => `Bearer ${token({ ...goodClaims(), nbf: now() - 7200, exp: now() - 3600 })}`],
      ['an unknown key', () => `Bearer ${token(goodClaims(), { key: strangerKey, kid: 'unknown-kid' })}`],
      ['a known kid signed by another key', () => `Bearer ${token(goodClaims(), { key: strangerKey })}`],
      ['alg: none', () => `Bearer ${token(goodClaims(), { alg: 'none' })}`],
      ['a token for another service URL', () => `Bearer ${token({ ...goodClaims(), serviceurl: 'https://evil.example/' })}`],
    ])('refuses %s with 401, reaching no handler, in one JSON log line', async (_name, authorization) => {
      const before = reached;
      const linesBefore = logLines.length;
      const { status, text } = await post(bot, activity(), authorization());
      expect(status).toBe(401);
      expect(JSON.parse(text)).toEqual({ code: 'Unauthorized', message: 'Authentification refusée.' });
      expect(reached).toBe(before);
      const failures = logLines.slice(linesBefore).filter((l) => l.includes('authentication failed'));
      expect(failures).toHaveLength(1);
      expect(failures[0]?.trim().split('\n')).toHaveLength(1);
      expect(() => JSON.parse(failures[0] ?? '')).not.toThrow();
      expect(failures[0]).not.toContain('    at ');
      expect(stderr.join('')).toBe('');
    });

    it('refuses a valid token whose activity names another service URL (botbuilder ties them)', async () => {
      const before = reached;
      const { status } = await post(bot, activity({ serviceUrl: 'https://evil.example/' }), `Bearer ${token(goodClaims())}`);
      expect(status).toBe(401);
      expect(reached).toBe(before);
    });
  });
});

describe('in local mode', () => {
  const logLines: string[] = [];
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startWith({}, logLines);
  });
  afterAll(async () => {
    await bot.stop();
  });

  it('refuses an activity whose service URL is not loopback, before any handler', async () => {
    const before = reached;
    for (const url of ['https://evil.example/', 'http://10.0.0.5:3978/', 'http://127.0.0.1.evil.example/', 'file:///etc/passwd']) {
      const { status } = await post(bot, activity({ serviceUrl: url }));
      expect(status, url).toBe(403);
    }
    expect(reached).toBe(before);
  });

  it('accepts a loopback service URL (the local Teams client)', async () => {
    const before = reached;
    const { status } = await post(bot, activity({ serviceUrl: 'http://127.0.0.1:56150/' }));
    expect(status).toBe(200);
    expect(reached).toBe(before + 1);
  });
});
