/**
 * User text shown in other people's cards (descriptions, notes, display names, places) is plain
 * text: Adaptive Cards render Markdown links in a TextBlock, so `[Cliquez ici](https://…)` or
 * `![](https://…)` typed by one person would become a link in a coordinator's card. A zero-width
 * space between `]` and `(` (and after `!`) keeps the text as typed and the link inert.
 */

const zeroWidth = '\u200B';

/** The text with Markdown links, images, reference links and autolinks made inert. */
export function inertMarkdown(text: string): string {
  return text
    .replace(/!\[/g, `!${zeroWidth}[`)
    .replace(/\](\s*)([([])/g, `]${zeroWidth}$1$2`)
    .replace(/<((?:https?|mailto|ftp):)/gi, `<${zeroWidth}$1`)
    .replace(/^(\s*\[[^\]]*\]):/gm, `$1${zeroWidth}:`);
}

/** Applies {@link inertMarkdown} to every string of a card's data, however deep. */
export function inertData<T>(value: T): T {
  if (typeof value === 'string') return inertMarkdown(value) as T;
  if (Array.isArray(value)) return value.map((v) => inertData(v)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inertData(v)])) as T;
  return value;
}
