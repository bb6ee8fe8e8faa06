/**
 * French spacing, applied once to every French message when its table is built, so writers type
 * ordinary spaces (or none) and every card gets the same typography: a narrow no-break space
 * (U+202F) before « ; ? ! », a no-break space (U+00A0) before « : » and inside « guillemets ».
 * These are the spacings of the French typographic rules (the OQLF accepts the narrow space or
 * none before ; ? ! — Balise always puts one, so no line ever starts with a lone « ? »).
 */

/** Narrow no-break space, before ; ? ! */
export const narrowNbsp = '\u202f';
/** No-break space, before : and inside « » */
export const nbsp = '\u00a0';

/**
 * The text with French spacing. A mark counts as punctuation only when a space, the end or a closing
 * character (`*`, `»`, `)`, `"`) follows it, so URLs (`https://`, `?a=b`) and times (`10:00`) are left alone.
 */
export function frenchSpacing(text: string): string {
  return text
    .replace(/(\S)[ \u00a0\u202f]*([;?!])(?=[\s*»)"]|$)/gu, (whole, before: string, mark: string) => (/[;?!\s]/u.test(before) ? whole : `${before}${narrowNbsp}${mark}`))
    .replace(/(\S)[ \u00a0\u202f]*:(?=[\s*»)"]|$)/gu, (whole, before: string) => (before === ':' ? whole : `${before}${nbsp}:`))
    .replace(/«[ \u00a0\u202f]*/gu, `«${nbsp}`)
    .replace(/[ \u00a0\u202f]*»/gu, `${nbsp}»`);
}

/** A message table with French spacing applied to every message. */
export function withFrenchSpacing<T extends Readonly<Record<string, string>>>(table: T): T {
  return Object.fromEntries(Object.entries(table).map(([key, text]) => [key, frenchSpacing(text)])) as T;
}
