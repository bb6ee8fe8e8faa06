import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../bot/config.js';

describe('readConfig', () => {
  it('runs in local demo mode with embedded defaults when nothing is set', () => {
    const config = readConfig({});
    expect(config).toMatchObject({ host: '127.0.0.1', port: 3978, storage: 'sqlite', demo: true, bot: undefined });
    expect(config.directoryFile).toMatch(/demo[/\\]annuaire-demo\.yaml$/);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('authenticates with the Bot Framework names and leaves demo mode off', () => {
    const config = readConfig({ BOT_ID: 'app-id', BOT_PASSWORD: 'secret', BOT_TYPE: 'SingleTenant', BOT_TENANT_ID: 'tenant' });
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
    expect(readConfig({ BOT_ID: 'a', BOT_PASSWORD: 'b', BALISE_DEMO: 'on' }).demo).toBe(true);
  });
});
