/**
 * `npm run package`: the Teams app package is filled from the deployment's values and validated
 * offline against the JSON schema bundled in @microsoft/app-manifest, its localisation files and
 * its icons checked; every problem is reported as data.
 */
import { unzipSync } from 'fflate';
import pngjs from 'pngjs';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoPath, repoRoot } from '../../bot/paths.js';
import { checkIcon } from '../../scripts/make-icons.js';
import { buildAppPackage, bundledSchemaVersions, fakeGuid, loadEnv, type PackageProblemCode } from '../../scripts/package-app.js';

const prodEnv = {
  TEAMS_APP_ID: '3f1c2a7e-58b4-4c6d-9e21-0a7b5c4d3e2f',
  BOT_ID: '9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  BOT_DOMAIN: 'balise.exemple.org',
  DEVELOPER_WEBSITE_URL: 'https://exemple.org/balise',
  PRIVACY_URL: 'https://exemple.org/balise/confidentialite',
  TERMS_OF_USE_URL: 'https://exemple.org/balise/conditions',
  APP_VERSION: '1.2.3',
};
const decoder = new TextDecoder();
const json = (bytes: Uint8Array | undefined) => JSON.parse(decoder.decode(bytes)) as Record<string, unknown>;
const codes = (problems: readonly { code: PackageProblemCode }[]) => [...new Set(problems.map((p) => p.code))].sort();

const scratch = mkdtempSync(path.join(tmpdir(), 'balise-package-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of manifest/ in which `edit` changes one file (a JSON object), for the failure cases. */
function manifestCopy(file: string, edit: (content: Record<string, unknown>) => void): string {
  const dir = mkdtempSync(path.join(scratch, 'manifest-'));
  cpSync(repoPath('manifest'), dir, { recursive: true });
  const content = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;
  edit(content);
  writeFileSync(path.join(dir, file), JSON.stringify(content, null, 2));
  return dir;
}

describe('the Teams app package', () => {
  it('bundles a current schema version and the manifest uses it', async () => {
    expect(bundledSchemaVersions()).toContain('v1.22');
    const { manifest } = await buildAppPackage({ envName: 'dev', env: {} });
    expect(manifest?.$schema).toBe('https://developer.microsoft.com/en-us/json-schemas/teams/v1.22/MicrosoftTeams.schema.json');
  });

  it('validates in dev without deployment values, with a clearly fake id and a warning', async () => {
    const { problems, warnings, manifest, files } = await buildAppPackage({ envName: 'dev', env: {} });
    expect(problems).toEqual([]);
    expect(warnings.join('\n')).toContain(`BOT_ID absent : valeur factice « ${fakeGuid} »`);
    expect([...files.keys()].sort()).toEqual(['color.png', 'en.json', 'fr.json', 'manifest.json', 'outline.png']);
    expect(manifest).toMatchObject({ id: fakeGuid, bots: [{ botId: fakeGuid }], composeExtensions: [{ botId: fakeGuid }] });
  });

  it('fills the deployment values into the manifest and the localisation files', async () => {
    const { problems, warnings, files } = await buildAppPackage({ envName: 'prod', env: { ...prodEnv, APP_NAME_SUFFIX: '-essai' } });
    expect(problems).toEqual([]);
    expect(warnings).toEqual([]);
    const manifest = json(files.get('manifest.json'));
    expect(manifest).toMatchObject({
      id: prodEnv.TEAMS_APP_ID,
      version: '1.2.3',
      name: { short: 'Balise-essai' },
      developer: { privacyUrl: prodEnv.PRIVACY_URL, termsOfUseUrl: prodEnv.TERMS_OF_USE_URL },
      bots: [{ botId: prodEnv.BOT_ID, scopes: ['personal', 'team', 'groupChat'], supportsFiles: false }],
      composeExtensions: [{ botId: prodEnv.BOT_ID, commands: [{ id: 'rechercherGuide', type: 'query' }] }],
      validDomains: ['balise.exemple.org'],
    });
    expect(manifest).not.toHaveProperty('webApplicationInfo');
    expect(json(files.get('en.json'))['name.short']).toBe('Balise-essai');
    expect(decoder.decode(files.get('manifest.json'))).not.toContain('${{');
  });

  it('uses the bot id as the Teams app id when TEAMS_APP_ID is not set', async () => {
    const { manifest } = await buildAppPackage({ envName: 'prod', env: { ...prodEnv, TEAMS_APP_ID: undefined } });
    expect(manifest?.id).toBe(prodEnv.BOT_ID);
  });

  it('refuses production without its values, naming every missing one once', async () => {
    const { problems, files } = await buildAppPackage({ envName: 'prod', env: {} });
    expect(problems.map((p) => `${p.code} ${p.message.split(' ')[0]}`)).toEqual([
      'missing-value BOT_ID',
      'missing-value BOT_DOMAIN',
      'missing-value DEVELOPER_WEBSITE_URL',
      'missing-value PRIVACY_URL',
      'missing-value TERMS_OF_USE_URL',
    ]);
    expect(files.size).toBe(0);
  });

  it('refuses the fake id outside dev', async () => {
    const { problems } = await buildAppPackage({ envName: 'prod', env: { ...prodEnv, BOT_ID: fakeGuid, TEAMS_APP_ID: undefined } });
    expect(problems.map((p) => p.message)).toEqual([`BOT_ID : l'identifiant factice ${fakeGuid} est refusé hors dev`]);
  });

  it("fails with the schema's messages when the manifest is invalid", async () => {
    const { problems } = await buildAppPackage({ envName: 'prod', env: { ...prodEnv, BOT_ID: 'pas-un-guid', APP_NAME_SUFFIX: ' – version de démonstration' } });
    const messages = problems.map((p) => `${p.file} ${p.code} ${p.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^manifest\.template\.json schema \/bots\/0\/botId must match pattern/),
        expect.stringMatching(/^manifest\.template\.json schema \/composeExtensions\/0\/botId must match pattern/),
        expect.stringMatching(/^manifest\.template\.json schema \/name\/short must NOT have more than 30 characters/),
        expect.stringMatching(/^fr\.json schema \/name\.short must NOT have more than 30 characters/),
      ]),
    );
  });

  it('rejects malformed values before they reach the manifest', async () => {
    const { problems } = await buildAppPackage({ envName: 'prod', env: { ...prodEnv, BOT_DOMAIN: 'https://balise.exemple.org/api', PRIVACY_URL: 'http://exemple.org', APP_VERSION: '1.0' } });
    expect(problems.filter((p) => p.code === 'invalid-value').map((p) => p.message.split(' ')[0]).sort()).toEqual(['APP_VERSION', 'BOT_DOMAIN', 'PRIVACY_URL']);
  });

  it('refuses a schema the library does not bundle, and a manifestVersion that differs from it', async () => {
    const v118 = manifestCopy('manifest.template.json', (m) => (m.$schema = 'https://developer.microsoft.com/en-us/json-schemas/teams/v1.18/MicrosoftTeams.schema.json'));
    expect(codes((await buildAppPackage({ envName: 'dev', env: {}, manifestDir: v118 })).problems)).toEqual(['unbundled-schema']);
    const mismatch = manifestCopy('manifest.template.json', (m) => (m.manifestVersion = '1.21'));
    expect(codes((await buildAppPackage({ envName: 'dev', env: {}, manifestDir: mismatch })).problems)).toEqual(['schema', 'version-mismatch']);
  });

  it('refuses secret and unknown placeholders', async () => {
    const dir = manifestCopy('manifest.template.json', (m) => {
      (m.description as Record<string, string>).short = 'Balise ${{SECRET_BOT_PASSWORD}} ${{TABLE_REGION}}';
    });
    const { problems } = await buildAppPackage({ envName: 'dev', env: {}, manifestDir: dir });
    expect(codes(problems)).toEqual(['localization', 'secret-placeholder', 'unresolved-placeholder']);
  });

  it('keeps the localisation files in step with the manifest', async () => {
    const dir = manifestCopy('en.json', (en) => {
      delete en['bots[0].commandLists[0].commands[8].title'];
      en['bots[0].commandLists[0].commands[9].title'] = 'extra command';
    });
    writeFileSync(path.join(dir, 'fr.json'), readFileSync(path.join(dir, 'fr.json'), 'utf8').replace('"aide"', '"aidez-moi"'));
    const messages = (await buildAppPackage({ envName: 'dev', env: {}, manifestDir: dir })).problems.map((p) => `${p.file}: ${p.message}`);
    expect(messages).toEqual([
      'fr.json: « bots[0].commandLists[0].commands[0].title » diffère du manifeste (« aidez-moi » / « aide »)',
      'en.json: « bots[0].commandLists[0].commands[9].title » ne désigne aucun texte du manifeste',
      'en.json: traduction manquante : « bots[0].commandLists[0].commands[8].title »',
    ]);
  });
});

describe('the icons', () => {
  it('follow the Teams rules: colour 192×192, outline 32×32 white on transparent', () => {
    expect(checkIcon('color', readFileSync(repoPath('manifest', 'color.png')))).toEqual([]);
    expect(checkIcon('outline', readFileSync(repoPath('manifest', 'outline.png')))).toEqual([]);
  });

  it('refuses a wrong size, and an outline icon that is coloured or opaque', () => {
    expect(checkIcon('outline', readFileSync(repoPath('manifest', 'color.png')))).toEqual(['outline.png : 192×192 px, Teams exige 32×32 px']);
    const opaqueRed = new pngjs.PNG({ width: 32, height: 32 });
    for (let at = 0; at < opaqueRed.data.length; at += 4) opaqueRed.data.set([200, 30, 30, 255], at);
    expect(checkIcon('outline', pngjs.PNG.sync.write(opaqueRed))).toEqual([
      'outline.png : 1024 pixel(s) non blancs; l\'icône de contour doit être blanche sur fond transparent',
      'outline.png : aucun pixel transparent; le fond de l\'icône de contour doit être transparent',
    ]);
  });
});

describe('npm run package', () => {
  const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
  // The deployment's variables of whoever runs the tests must not leak into these runs.
  const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(BOT_|TEAMS_APP_|MICROSOFT_APP_|MicrosoftApp|APP_|DEVELOPER_|PRIVACY_|TERMS_)/.test(k)));
  const run = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(tsx, ['scripts/package-app.ts', ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...cleanEnv, ...env } });

  it('writes a zip with the manifest, the icons and the localisation files', () => {
    const out = path.join(scratch, 'out', 'appPackage.essai.zip');
    mkdirSync(path.dirname(out), { recursive: true });
    const result = run(['--env', 'prod-essai', '--out', out], prodEnv);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('validé hors ligne contre teams/v1.22/MicrosoftTeams.schema.json : 0 erreur');
    const zip = unzipSync(readFileSync(out));
    expect(Object.keys(zip).sort()).toEqual(['color.png', 'en.json', 'fr.json', 'manifest.json', 'outline.png']);
    expect(json(zip['manifest.json'])).toMatchObject({ id: prodEnv.TEAMS_APP_ID, bots: [{ botId: prodEnv.BOT_ID }] });
  });

  it("exits with the schema's messages and writes nothing when the package is invalid", () => {
    const out = path.join(scratch, 'out', 'invalide.zip');
    const result = run(['--env', 'prod-essai', '--out', out], { ...prodEnv, BOT_ID: 'pas-un-guid' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('✖ Paquet Teams « prod-essai » invalide : 2 problème(s)');
    expect(result.stderr).toContain('manifest.template.json [schema] /bots/0/botId must match pattern');
    expect(() => readFileSync(out)).toThrow();
  });
});

describe('the deployment values', () => {
  it('come from env/.env.<env>, overridden by the process environment; blank means unset', () => {
    const root = mkdtempSync(path.join(scratch, 'root-'));
    mkdirSync(path.join(root, 'env'));
    writeFileSync(path.join(root, 'env', '.env.essai'), 'BOT_ID=depuis-le-fichier\nBOT_DOMAIN=fichier.exemple.org\nAPP_NAME_SUFFIX=\n');
    expect(loadEnv('essai', { BOT_DOMAIN: 'processus.exemple.org', PRIVACY_URL: ' ' }, root)).toEqual({ BOT_ID: 'depuis-le-fichier', BOT_DOMAIN: 'processus.exemple.org' });
  });
});
