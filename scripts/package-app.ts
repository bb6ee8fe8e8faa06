/**
 * `npm run package [-- --env dev|prod] [--out FILE]`: fills `manifest/manifest.template.json` and
 * its localisation files with one deployment's values, checks the result offline (the JSON schema
 * bundled in @microsoft/app-manifest, the localisation files, the icons) and writes
 * `build/appPackage.<env>.zip`. Every problem is collected and printed at once; any problem fails
 * the command and nothing is written. Values come from `env/.env.<env>` (if present) and the
 * process environment, which wins. Nothing secret is read: a `SECRET_*` or `*PASSWORD*`
 * placeholder is refused.
 */
import { AppManifestUtils } from '@microsoft/app-manifest';
import { parse as parseDotenv } from 'dotenv';
import { zipSync } from 'fflate';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { repoPath, repoRoot } from '../bot/paths.js';
import { checkIcon, type IconKind } from './make-icons.js';

/** What can be wrong with a package; every problem names its file. */
export type PackageProblemCode =
  | 'missing-file' | 'missing-value' | 'invalid-value' | 'unresolved-placeholder' | 'secret-placeholder'
  | 'invalid-json' | 'unbundled-schema' | 'schema' | 'version-mismatch' | 'localization' | 'icon';

/** A packaging problem, reported as data. */
export interface PackageProblem {
  readonly code: PackageProblemCode;
  readonly file: string;
  readonly message: string;
}

/** Options of {@link buildAppPackage}. */
export interface PackageOptions {
  /** `dev` and `local` tolerate missing values (clearly fake ones are used, with a warning); any other environment requires them. */
  readonly envName: string;
  /** The deployment's variables (see {@link loadEnv}). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Folder of the template, icons and localisation files. Default: `manifest/`. */
  readonly manifestDir?: string;
}

/** The checked package: its files (only when there is no problem), the problems and the warnings. */
export interface PackageResult {
  readonly problems: readonly PackageProblem[];
  readonly warnings: readonly string[];
  readonly manifest: Record<string, unknown> | undefined;
  readonly files: ReadonlyMap<string, Uint8Array>;
}

/** Stands in for a missing Teams app or bot id outside production: all zeros, so nobody mistakes it for a real one. */
export const fakeGuid = '00000000-0000-0000-0000-000000000000';
const templateFile = 'manifest.template.json';
const placeholder = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Reads `env/.env.<envName>` when it exists, then lets the process environment override it; blank values count as unset. */
export function loadEnv(envName: string, processEnv: NodeJS.ProcessEnv = process.env, root = repoRoot): Record<string, string> {
  const file = path.join(root, 'env', `.env.${envName}`);
  const fromFile = existsSync(file) ? parseDotenv(readFileSync(file)) : {};
  const merged = { ...fromFile, ...processEnv };
  return Object.fromEntries(Object.entries(merged).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== ''));
}

/** The values of the known placeholders, with their defaults; missing ones are problems in production. */
export function resolveValues(envName: string, env: Readonly<Record<string, string | undefined>>): { values: Record<string, string>; warnings: string[]; problems: PackageProblem[] } {
  const lenient = envName === 'dev' || envName === 'local';
  const warnings: string[] = [];
  const problems: PackageProblem[] = [];
  const need = (name: string, fake: string, why: string): string => {
    const value = env[name];
    if (value) return value;
    if (!lenient) problems.push({ code: 'missing-value', file: `env/.env.${envName}`, message: `${name} manquant : ${why}` });
    else warnings.push(`${name} absent : valeur factice « ${fake} » (paquet valide pour les vérifications, pas pour Teams)`);
    return fake;
  };
  const givenBotId = env.BOT_ID ?? env.MicrosoftAppId ?? env.MICROSOFT_APP_ID;
  const botId = givenBotId ?? need('BOT_ID', fakeGuid, "l'identifiant (client id) de l'application Entra du bot");
  const values: Record<string, string> = {
    APP_VERSION: env.APP_VERSION ?? (JSON.parse(readFileSync(repoPath('package.json'), 'utf8')) as { version: string }).version,
    APP_NAME_SUFFIX: env.APP_NAME_SUFFIX ?? '',
    BOT_ID: botId,
    // The manual path reuses the bot's id for the Teams app; the Agents Toolkit writes its own TEAMS_APP_ID.
    TEAMS_APP_ID: env.TEAMS_APP_ID ?? botId,
    BOT_DOMAIN: need('BOT_DOMAIN', 'balise.invalid', 'le nom de domaine public du bot (ex. balise.exemple.org)'),
    DEVELOPER_WEBSITE_URL: need('DEVELOPER_WEBSITE_URL', 'https://example.org/balise', 'la page web de la Table (https://...)'),
    PRIVACY_URL: need('PRIVACY_URL', 'https://example.org/balise/confidentialite', 'la politique de confidentialité (https://...)'),
    TERMS_OF_USE_URL: need('TERMS_OF_USE_URL', 'https://example.org/balise/conditions', "les conditions d'utilisation (https://...)"),
  };
  const envFile = `env/.env.${envName}`;
  for (const [name, given] of [['BOT_ID', givenBotId], ['TEAMS_APP_ID', env.TEAMS_APP_ID]] as const) {
    if (!lenient && given === fakeGuid) problems.push({ code: 'invalid-value', file: envFile, message: `${name} : l'identifiant factice ${fakeGuid} est refusé hors dev` });
  }
  if (!/^\d+\.\d+\.\d+$/.test(values.APP_VERSION!)) problems.push({ code: 'invalid-value', file: envFile, message: `APP_VERSION « ${values.APP_VERSION} » : Teams exige MAJEUR.MINEUR.CORRECTIF (ex. 1.0.0)` });
  if (!/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?$/i.test(values.BOT_DOMAIN!)) problems.push({ code: 'invalid-value', file: envFile, message: `BOT_DOMAIN « ${values.BOT_DOMAIN} » : un nom de domaine seul, sans https:// ni chemin` });
  for (const name of ['DEVELOPER_WEBSITE_URL', 'PRIVACY_URL', 'TERMS_OF_USE_URL']) {
    if (!values[name]!.startsWith('https://')) problems.push({ code: 'invalid-value', file: envFile, message: `${name} « ${values[name]} » : une adresse https:// est exigée` });
  }
  return { values, warnings, problems };
}

/** Replaces the `${{NAME}}` placeholders of a JSON text, escaping values for JSON strings. */
export function fillPlaceholders(text: string, file: string, values: Readonly<Record<string, string | undefined>>): { text: string; problems: PackageProblem[] } {
  const problems: PackageProblem[] = [];
  const filled = text.replace(placeholder, (whole, name: string) => {
    if (/^SECRET_|PASSWORD/i.test(name)) {
      problems.push({ code: 'secret-placeholder', file, message: `\${{${name}}} : un secret n'a pas sa place dans le paquet Teams` });
      return whole;
    }
    const value = values[name];
    if (value === undefined) {
      problems.push({ code: 'unresolved-placeholder', file, message: `\${{${name}}} : aucune valeur (ni dans env/.env.<env>, ni dans l'environnement)` });
      return whole;
    }
    return JSON.stringify(value).slice(1, -1);
  });
  return { text: filled, problems };
}

const bundledSchemaDir = path.join(path.dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');

/** The Teams manifest schema versions bundled in @microsoft/app-manifest (`v1.22`...). */
export function bundledSchemaVersions(): string[] {
  return readdirSync(bundledSchemaDir).filter((v) => existsSync(path.join(bundledSchemaDir, v, 'MicrosoftTeams.schema.json')));
}

/** Loads a bundled schema named by its URL; never goes to the network (the library would). */
function bundledSchema(url: unknown, file: string, expected: string): { version?: string; schema?: object; problem?: PackageProblem } {
  const match = typeof url === 'string' ? /\/json-schemas\/teams\/(v[0-9.]+|vDevPreview)\/([A-Za-z.]+\.json)$/.exec(url) : null;
  const schemaPath = match && match[2] === expected ? path.join(bundledSchemaDir, match[1]!, expected) : undefined;
  if (!match || !schemaPath || !existsSync(schemaPath)) {
    return { problem: { code: 'unbundled-schema', file, message: `$schema « ${String(url)} » : attendu …/teams/vX.Y/${expected} d'une version fournie par @microsoft/app-manifest (${bundledSchemaVersions().join(', ')})` } };
  }
  const text = readFileSync(schemaPath, 'utf8')
    // As the library does when it loads these files itself.
    .replace(/\\a/g, '\\u0007')
    .replace(/\\v/g, '\\u000b')
    // The localisation schemas write `\\b]` unescaped in two patterns, which Ajv's unicode regexps refuse.
    .replace(/\\\\b\]/g, '\\\\b\\\\]');
  return { version: match[1]!, schema: JSON.parse(text) as object };
}

async function validateWith(schema: object, document: unknown, file: string): Promise<PackageProblem[]> {
  type Manifest = Parameters<typeof AppManifestUtils.validateAgainstSchema>[0];
  const errors = await AppManifestUtils.validateAgainstSchema(document as Manifest, schema as Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]);
  return errors.map((message) => ({ code: 'schema', file, message: message.trim() }));
}

/** The value at a localisation key such as `bots[0].commandLists[1].commands[2].title`. */
function valueAt(manifest: unknown, key: string): unknown {
  const steps = key.replace(/\[(\d+)\]/g, '.$1').split('.');
  return steps.reduce<unknown>((node, step) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[step] : undefined), manifest);
}

function readJson(dir: string, file: string, values: Readonly<Record<string, string | undefined>>, problems: PackageProblem[]): { json?: Record<string, unknown>; text?: string } {
  const full = path.join(dir, file);
  if (!existsSync(full)) {
    problems.push({ code: 'missing-file', file, message: `fichier introuvable dans ${path.relative(repoRoot, dir) || '.'}/` });
    return {};
  }
  const filled = fillPlaceholders(readFileSync(full, 'utf8'), file, values);
  problems.push(...filled.problems);
  try {
    return { json: JSON.parse(filled.text) as Record<string, unknown>, text: filled.text };
  } catch (err) {
    problems.push({ code: 'invalid-json', file, message: (err as Error).message });
    return {};
  }
}

/** Checks the localisation files: their schema, keys that exist in the manifest, the default file equal to it, translations complete. */
async function checkLocalization(manifest: Record<string, unknown>, dir: string, schemaVersion: string, values: Readonly<Record<string, string | undefined>>, problems: PackageProblem[]): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  const info = (manifest.localizationInfo ?? {}) as { defaultLanguageFile?: string; additionalLanguages?: { file: string }[] };
  const entries = [info.defaultLanguageFile, ...(info.additionalLanguages ?? []).map((l) => l.file)].filter((f): f is string => typeof f === 'string');
  let defaultKeys: string[] | undefined;
  for (const file of entries) {
    const { json, text } = readJson(dir, file, values, problems);
    if (!json || text === undefined) continue;
    files.set(file, new TextEncoder().encode(text));
    const { version, schema, problem } = bundledSchema(json.$schema, file, 'MicrosoftTeams.Localization.schema.json');
    if (problem) problems.push(problem);
    else if (version !== schemaVersion) problems.push({ code: 'version-mismatch', file, message: `$schema en ${version}, le manifeste en ${schemaVersion}` });
    else problems.push(...(await validateWith(schema!, json, file)));
    const keys = Object.keys(json).filter((k) => k !== '$schema' && k !== 'localizationKeys');
    for (const key of keys) {
      const inManifest = valueAt(manifest, key);
      if (typeof inManifest !== 'string') problems.push({ code: 'localization', file, message: `« ${key} » ne désigne aucun texte du manifeste` });
      else if (file === info.defaultLanguageFile && inManifest !== json[key]) problems.push({ code: 'localization', file, message: `« ${key} » diffère du manifeste (« ${String(json[key])} » / « ${inManifest} »)` });
    }
    if (!defaultKeys) defaultKeys = keys;
    else {
      for (const key of defaultKeys.filter((k) => !keys.includes(k))) problems.push({ code: 'localization', file, message: `traduction manquante : « ${key} »` });
    }
  }
  return files;
}

/** Builds and checks the package in memory; `files` is filled only when there is no problem. */
export async function buildAppPackage(options: PackageOptions): Promise<PackageResult> {
  const dir = options.manifestDir ?? repoPath('manifest');
  const { values, warnings, problems } = resolveValues(options.envName, options.env);
  const lookup = { ...options.env, ...values };
  const { json: manifest, text } = readJson(dir, templateFile, lookup, problems);
  if (!manifest || text === undefined) return { problems, warnings, manifest, files: new Map() };

  const { version, schema, problem } = bundledSchema(manifest.$schema, templateFile, 'MicrosoftTeams.schema.json');
  if (problem) return { problems: [...problems, problem], warnings, manifest, files: new Map() };
  problems.push(...(await validateWith(schema!, manifest, templateFile)));
  if (`v${String(manifest.manifestVersion)}` !== version) problems.push({ code: 'version-mismatch', file: templateFile, message: `manifestVersion « ${String(manifest.manifestVersion)} » alors que $schema est en ${version}` });

  const files = new Map<string, Uint8Array>([['manifest.json', new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`)]]);
  for (const [file, content] of await checkLocalization(manifest, dir, version!, lookup, problems)) files.set(file, content);
  const icons = (manifest.icons ?? {}) as Partial<Record<IconKind, string>>;
  for (const kind of ['color', 'outline'] as const) {
    const file = icons[kind];
    if (!file) continue; // the schema already reported it
    const full = path.join(dir, file);
    if (!existsSync(full)) {
      problems.push({ code: 'missing-file', file, message: `icône ${kind} introuvable` });
      continue;
    }
    const bytes = readFileSync(full);
    problems.push(...checkIcon(kind, bytes).map((message) => ({ code: 'icon' as const, file, message })));
    files.set(file, bytes);
  }
  return { problems, warnings, manifest, files: problems.length === 0 ? files : new Map() };
}

/** Zips the package; a fixed date keeps the bytes identical from one build to the next. */
export function zipAppPackage(files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  return zipSync(Object.fromEntries(files), { level: 9, mtime: new Date('2025-01-01T00:00:00Z') });
}

async function main(): Promise<void> {
  const { values: args } = parseArgs({ options: { env: { type: 'string', default: 'dev' }, out: { type: 'string' } } });
  const envName = args.env ?? 'dev';
  if (!/^[a-z0-9-]+$/.test(envName)) throw new Error(`package-app: --env « ${envName} » invalide (ex. dev, prod)`);
  const result = await buildAppPackage({ envName, env: loadEnv(envName) });
  for (const warning of result.warnings) console.warn(`⚠ ${warning}`);
  if (result.problems.length > 0) {
    console.error(`✖ Paquet Teams « ${envName} » invalide : ${result.problems.length} problème(s)`);
    for (const p of result.problems) console.error(`  ${p.file} [${p.code}] ${p.message}`);
    process.exitCode = 1;
    return;
  }
  const out = path.resolve(args.out ?? repoPath('build', `appPackage.${envName}.zip`));
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, zipAppPackage(result.files));
  const m = result.manifest as { id: string; version: string; $schema: string; validDomains: string[]; bots: { botId: string }[] };
  console.log(`✔ ${path.relative(process.cwd(), out)} (${[...result.files.keys()].join(', ')})`);
  console.log(`  validé hors ligne contre ${m.$schema.replace(/^.*\/teams\//, 'teams/')} : 0 erreur`);
  console.log(`  application ${m.id}, bot ${m.bots[0]?.botId}, domaine ${m.validDomains.join(', ')}, version ${m.version}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(`package-app: ${(err as Error).message}`);
    process.exitCode = 2;
  });
}
