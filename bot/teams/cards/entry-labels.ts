/** How a guide entry reads on buttons and in the sources line of a card. */
import type { Language } from '../../core/i18n/detect-language.js';
import { maxLabelChars } from '../../core/knowledge/check-text.js';
import type { GuideEntry, KnowledgeBase } from '../../core/knowledge/types.js';
import { formatResource } from '../../core/i18n/resources-messages.js';

/** Sources a card names; the others stay in the entry (and the count says so). */
export const maxShownSources = 3;

/** `text` cut at a word boundary to fit `max` characters, with « … » when cut: never mid-word. */
export function shortenAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > 0 ? cut.slice(0, space) : cut).replace(/[\s,;:(–-]+$/u, '')}…`;
}

/** The entry's short label for a button in `lang`; an entry without one gets its title shortened at a word. */
export function buttonLabel(entry: GuideEntry, lang: Language): string {
  const label = lang === 'en' && entry.en ? (entry.en.label ?? entry.en.title) : (entry.label ?? entry.title);
  return shortenAtWord(label, maxLabelChars);
}

/** The entry's first sources by name, as links: « Sources : [GRC — Sextorsion](url), … et 2 autres ». */
export function describeSources(entry: GuideEntry, kb: KnowledgeBase, lang: Language): string {
  const shown = entry.sources.slice(0, maxShownSources).map((s) => {
    const name = kb.sourceNames.get(s.key);
    const text = name ? `${name.org} — ${name.title}` : s.key;
    const url = s.url ?? name?.url;
    return url ? `[${text.replace(/[[\]]/g, '')}](${url})` : text;
  });
  const more = entry.sources.length - shown.length;
  return `${formatResource(lang, 'sources', { n: shown.length })} ${shown.join(' · ')}${more > 0 ? ` ${formatResource(lang, 'moreSources', { n: more })}` : ''}`;
}
