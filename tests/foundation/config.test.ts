import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../bot/config.js';

const tenant = '11111111-2222-4333-8444-555555555555';
const other = '99999999-2222-4333-8444-555555555555';

describe('readConfig', () => {
  it('runs in local mode on loopback with the demo off when nothing is set', () => {
    const config = readConfig({});
    expect(config).toMatchObject({ host: '127.0.0.1', port: 3978, storage: 'sqlite', demo: false, bot: undefined, allowedTenants: [] });
    expect(config.directoryFile).toBeUndefined();
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('uses the demo directory only when the demo is asked for (npm start asks)', () => {
    expect(readConfig({ BALISE_DEMO: 'true' }).directoryFile).toMatch(/demo[/\\]annuaire-demo\.yaml$/);
  });

  it('refuses to listen beyond loopback without authentication, naming the variables', () => {
    for (const host of ['0.0.0.0', '::', '10.0.0.5']) {
      expect(() => readConfig({ HOST: host })).toThrow(/HOST.*MicrosoftAppId.*BALISE_ALLOWED_TENANTS/s);
    }
    for (const host of ['127.0.0.1', '::1', 'localhost', '[::1]']) expect(readConfig({ HOST: host }).host).toBe(host);
    expect(readConfig({ HOST: '0.0.0.0', BOT_ID: 'a', BOT_PASSWORD: 'b', BALISE_ALLOWED_TENANTS: tenant }).host).toBe('0.0.0.0');
  });

  it('requires the allowed tenants with credentials, as tenant ids', () => {
    expect(() => readConfig({ BOT_ID: 'a', BOT_PASSWORD: 'b' })).toThrow(/BALISE_ALLOWED_TENANTS/);
    expect(() => readConfig({ BOT_ID: 'a', BOT_PASSWORD: 'b', BALISE_ALLOWED_TENANTS: 'contoso' })).toThrow(/BALISE_ALLOWED_TENANTS/);
    expect(readConfig({ BOT_ID: 'a', BOT_PASSWORD: 'b', BALISE_ALLOWED_TENANTS: ` ${tenant.toUpperCase()} ,${other}` }).allowedTenants).toEqual([tenant, other]);
  });

  it('keeps data for safe default periods, configurable', () => {
    expect(readConfig({}).retention).toEqual({ requestDays: 180, feedbackDays: 90, conversationDays: 180, purgeIntervalHours: 24 });
    expect(readConfig({ BALISE_RETENTION_FEEDBACK_DAYS: '30' }).retention.feedbackDays).toBe(30);
    expect(() => readConfig({ BALISE_RETENTION_REQUEST_DAYS: '0' })).toThrow(/BALISE_RETENTION_REQUEST_DAYS/);
  });

  it('authenticates with the Bot Framework names and leaves demo mode off', () => {
    const config = readConfig({ BOT_ID: 'app-id', BOT_PASSWORD: 'secret', BOT_TYPE: 'SingleTenant', BOT_TENANT_ID: 'tenant', BALISE_ALLOWED_TENANTS: tenant });
    expect(config.bot).toEqual({ appId: 'app-id', appPassword: 'secret', tenantId: 'tenant', appType: 'SingleTenant' });
    expect(config.demo).toBe(false);
    expect(config.directoryFile).toBeUndefined();
  });

  it('names every faulty variable at once', () => {
    try {
      readConfig({ PORT: 'abc', BALISE_STORAGE: 'mongo', MicrosoftAppId: 'x' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const message = (err as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('BALISE_STORAGE');
    }
    expect(() => readConfig({ MicrosoftAppId: 'x' })).toThrow(/MicrosoftAppPassword/);
    expect(() => readConfig({ BALISE_STORAGE: 'azure-table' })).toThrow(/AZURE_STORAGE_CONNECTION_STRING/);
  });

  it('reads the demo flag in French or English', () => {
    expect(readConfig({ BALISE_DEMO: 'non' }).demo).toBe(false);
    expect(readConfig({ BOT_ID: 'a', BOT_PASSWORD: 'b', BALISE_DEMO: 'on', BALISE_ALLOWED_TENANTS: tenant }).demo).toBe(true);
  });
});
