/**
 * Reads and validates Balise's configuration once, from the environment (and an optional `.env`),
 * into a frozen object. Every other module receives what it needs from this object.
 */
import { z } from 'zod';
import path from 'node:path';
import { repoPath } from './paths.js';

const flag = z
  .enum(['true', 'false', '1', '0', 'on', 'off', 'oui', 'non'])
  .transform((v) => ['true', '1', 'on', 'oui'].includes(v));

const envSchema = z.object({
  /** Interface the HTTP server binds to. Default: loopback only. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Port of the bot endpoint. Default: 3978 (the Bot Framework convention). */
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  /** Where embedded storage keeps its files. Default: `data/` in the repository. */
  BALISE_DATA_DIR: z.string().min(1).default(repoPath('data')),
  /** `sqlite` (embedded, default), `memory` (tests) or `azure-table` (several instances). */
  BALISE_STORAGE: z.enum(['sqlite', 'memory', 'azure-table']).default('sqlite'),
  /** Connection string for `azure-table` storage (Azurite's well-known one works locally). */
  AZURE_STORAGE_CONNECTION_STRING: z.string().optional(),
  /** Folder of the knowledge base (guide entries, resources, synonyms). Default: `knowledge/`. */
  BALISE_KNOWLEDGE_DIR: z.string().min(1).default(repoPath('knowledge')),
  /** Directory of organisations, coordinators and pivots (YAML). Default: the demo directory in demo mode. */
  BALISE_DIRECTORY_FILE: z.string().optional(),
  /** Seed demo data (directory, training sessions) on first start. Default: off (`npm start` turns it on). */
  BALISE_DEMO: flag.optional(),
  /** Comma-separated Entra ID tenant ids whose people may use Balise; required with credentials. */
  BALISE_ALLOWED_TENANTS: z.string().optional(),
  /** Days a closed consultation request (with its audit) is kept. Default: 180. */
  BALISE_RETENTION_REQUEST_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  /** Days a "Utile / Pas utile" feedback record is kept. Default: 90. */
  BALISE_RETENTION_FEEDBACK_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** Days an untouched conversation (turn state, reference of someone gone) is kept. Default: 180. */
  BALISE_RETENTION_CONVERSATION_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  /** Hours between two purges. Default: 24. */
  BALISE_PURGE_INTERVAL_HOURS: z.coerce.number().positive().max(24 * 30).default(24),
  /** pino log level. Default: info. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Bot Framework credentials; none means local mode (unauthenticated loopback traffic). */
  MicrosoftAppId: z.string().optional(),
  MicrosoftAppPassword: z.string().optional(),
  MicrosoftAppTenantId: z.string().optional(),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional(),
  /** Public https base URL of the bot (calendar links). Default: http://HOST:PORT (local only). */
  BALISE_PUBLIC_URL: z.string().url().optional(),
  /** Largest accepted request body, in bytes. Default: 256 KiB. */
  BALISE_MAX_BODY_BYTES: z.coerce.number().int().positive().default(256 * 1024),
});

/** The validated, frozen configuration. */
export interface Config {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  readonly storage: 'sqlite' | 'memory' | 'azure-table';
  readonly azureStorageConnectionString: string | undefined;
  readonly knowledgeDir: string;
  readonly directoryFile: string | undefined;
  readonly demo: boolean;
  readonly logLevel: string;
  readonly maxBodyBytes: number;
  /** Public base URL of the bot, when it is deployed behind one. */
  readonly publicUrl: string | undefined;
  /** Tenants whose activities are accepted (empty in local mode: no tenant check). */
  readonly allowedTenants: readonly string[];
  /** How long things are kept, in days, and how often the purge runs. */
  readonly retention: Readonly<{ requestDays: number; feedbackDays: number; conversationDays: number; purgeIntervalHours: number }>;
  /** Undefined in local mode. */
  readonly bot: Readonly<{ appId: string; appPassword: string | undefined; tenantId: string | undefined; appType: string }> | undefined;
}

const tenantId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** True for an interface only this machine can reach. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** Thrown when the environment is invalid; its message names every faulty variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`config: configuration invalide :\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Accepts the names the Bot Framework and the Agents Toolkit use for the same credentials. */
function withAliases(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    ...env,
    MicrosoftAppId: env.MicrosoftAppId ?? env.MICROSOFT_APP_ID ?? env.BOT_ID,
    MicrosoftAppPassword: env.MicrosoftAppPassword ?? env.MICROSOFT_APP_PASSWORD ?? env.BOT_PASSWORD,
    MicrosoftAppTenantId: env.MicrosoftAppTenantId ?? env.MICROSOFT_APP_TENANT_ID ?? env.BOT_TENANT_ID,
    MicrosoftAppType: env.MicrosoftAppType ?? env.MICROSOFT_APP_TYPE ?? env.BOT_TYPE,
  };
}

/** Validates an environment into a frozen {@link Config}; throws {@link ConfigError} listing every problem. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(withAliases(env)).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.MicrosoftAppId && !e.MicrosoftAppPassword && e.MicrosoftAppType !== 'UserAssignedMSI') {
    problems.push('MicrosoftAppPassword: requis quand MicrosoftAppId est défini');
  }
  if (e.MicrosoftAppType === 'SingleTenant' && !e.MicrosoftAppTenantId) {
    problems.push('MicrosoftAppTenantId: requis pour une application SingleTenant');
  }
  if (e.BALISE_STORAGE === 'azure-table' && !e.AZURE_STORAGE_CONNECTION_STRING) {
    problems.push('AZURE_STORAGE_CONNECTION_STRING: requis quand BALISE_STORAGE=azure-table');
  }
  const allowedTenants = (e.BALISE_ALLOWED_TENANTS ?? '').split(',').map((t) => t.trim().toLowerCase()).filter(Boolean);
  if (e.MicrosoftAppId && allowedTenants.length === 0) {
    problems.push('BALISE_ALLOWED_TENANTS: requis avec MicrosoftAppId (les identifiants de locataire Entra ID de la Table, séparés par des virgules)');
  }
  if (allowedTenants.some((t) => !tenantId.test(t))) problems.push('BALISE_ALLOWED_TENANTS: chaque valeur doit être un identifiant de locataire (GUID)');
  if (!e.MicrosoftAppId && !isLoopback(e.HOST)) {
    problems.push(
      `HOST: sans authentification (MicrosoftAppId, MicrosoftAppPassword, BALISE_ALLOWED_TENANTS non définis), Balise n'écoute que sur la boucle locale (127.0.0.1, ::1 ou localhost), pas sur « ${e.HOST} »`,
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  // Demo data only when asked for: `npm start` asks, production and containers never do by default.
  const demo = e.BALISE_DEMO ?? false;
  return Object.freeze({
    host: e.HOST,
    port: e.PORT,
    dataDir: path.resolve(e.BALISE_DATA_DIR),
    storage: e.BALISE_STORAGE,
    azureStorageConnectionString: e.AZURE_STORAGE_CONNECTION_STRING,
    knowledgeDir: path.resolve(e.BALISE_KNOWLEDGE_DIR),
    directoryFile: e.BALISE_DIRECTORY_FILE ? path.resolve(e.BALISE_DIRECTORY_FILE) : demo ? repoPath('demo', 'annuaire-demo.yaml') : undefined,
    demo,
    logLevel: e.LOG_LEVEL,
    maxBodyBytes: e.BALISE_MAX_BODY_BYTES,
    publicUrl: e.BALISE_PUBLIC_URL,
    allowedTenants: Object.freeze(allowedTenants),
    retention: Object.freeze({
      requestDays: e.BALISE_RETENTION_REQUEST_DAYS,
      feedbackDays: e.BALISE_RETENTION_FEEDBACK_DAYS,
      conversationDays: e.BALISE_RETENTION_CONVERSATION_DAYS,
      purgeIntervalHours: e.BALISE_PURGE_INTERVAL_HOURS,
    }),
    bot: e.MicrosoftAppId
      ? Object.freeze({
          appId: e.MicrosoftAppId,
          appPassword: e.MicrosoftAppPassword,
          tenantId: e.MicrosoftAppTenantId,
          appType: e.MicrosoftAppType ?? 'MultiTenant',
        })
      : undefined,
  });
}
