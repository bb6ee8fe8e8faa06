/// <reference lib="dom" />
/**
 * `npm run gallery`: renders every card Balise sends to PNG (gallery/<name>.png) with the
 * `adaptivecards` JavaScript renderer in headless Chromium (Debian package `chromium`), so a
 * person can look at them. Sample data comes from scripts/gallery-samples.ts.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { repoPath } from '../bot/paths.js';
import { gallerySamples } from './gallery-samples.js';

const outDir = repoPath('gallery');
mkdirSync(outDir, { recursive: true });
const renderer = readFileSync(repoPath('node_modules', 'adaptivecards', 'dist', 'adaptivecards.min.js'), 'utf8');
// Teams renders TextBlock Markdown itself; the JS renderer needs a Markdown processor to do the same.
const markdown = readFileSync(repoPath('node_modules', 'markdown-it', 'dist', 'markdown-it.min.js'), 'utf8');

// Teams-like host config: Segoe-ish fonts, Teams colours, 1.5 features.
const hostConfig = {
  fontFamily: 'Segoe UI, Helvetica Neue, sans-serif',
  containerStyles: { default: { backgroundColor: '#FFFFFF', foregroundColors: { default: { default: '#242424', subtle: '#616161' }, attention: { default: '#C4314B' }, warning: { default: '#835C00' }, accent: { default: '#5B5FC7' } } }, attention: { backgroundColor: '#FCF4F6' } },
  actions: { maxActions: 6, buttonSpacing: 8, actionsOrientation: 'horizontal', actionAlignment: 'left', showCard: { actionMode: 'inline' } },
  supportsInteractivity: true,
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
// Dates in cards are formatted by the renderer: show them as a Québec reader would see them.
const page = await browser.newPage({ viewport: { width: 560, height: 400 }, deviceScaleFactor: 1, locale: 'fr-CA', timezoneId: 'America/Toronto' });
const index: string[] = [];
for (const [name, card] of gallerySamples()) {
  await page.setContent(`<html><head><style>body{margin:0;padding:16px;background:#F5F5F5;font-family:Segoe UI,sans-serif} #card{background:#fff;border-radius:6px;box-shadow:0 1px 3px #0003;padding:2px;width:520px}</style></head><body><div id="card"></div><script>${markdown}</script><script>${renderer}</script></body></html>`);
  await page.evaluate(
    ({ content, hostConfig }) => {
      const AC = (window as unknown as { AdaptiveCards: { AdaptiveCard: new () => { hostConfig: unknown; parse: (c: unknown) => void; render: () => HTMLElement }; HostConfig: new (c: unknown) => unknown } }).AdaptiveCards;
      const md = (window as unknown as { markdownit: () => { render: (t: string) => string } }).markdownit();
      (AC.AdaptiveCard as unknown as { onProcessMarkdown: (text: string, result: { outputHtml: string; didProcess: boolean }) => void }).onProcessMarkdown = (text, result) => {
        result.outputHtml = md.render(text);
        result.didProcess = true;
      };
      const card = new AC.AdaptiveCard();
      card.hostConfig = new AC.HostConfig(hostConfig);
      card.parse(content);
      document.getElementById('card')?.appendChild(card.render());
    },
    { content: card.content, hostConfig },
  );
  const file = path.join(outDir, `${name}.png`);
  await (await page.$('#card'))?.screenshot({ path: file });
  index.push(`<h3>${name}</h3><img src="${name}.png">`);
  console.log(`gallery/${name}.png`);
}
writeFileSync(path.join(outDir, 'index.html'), `<meta charset="utf-8"><title>Balise – cartes</title>${index.join('\n')}`);
await browser.close();
