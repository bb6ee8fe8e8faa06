/**
 * ICU MessageFormat for every sentence Balise says (`intl-messageformat`): plural and select
 * rules of French (fr-CA: 0 and 1 are singular) and English (en-CA). Each message is compiled once
 * per language and kept, so a card rendered a thousand times parses its messages once. Every
 * catalogue (main, trainings, consultations, safeguards, resources) is built by
 * {@link defineCatalogue}: a French and an English table, read as they are by the card templates,
 * and formatted with values through {@link formatMessage}.
 *
 * Writing messages: `{name}` is a value; `{n, plural, one {# place} other {# places}}` a plural;
 * `{x, select, a {…} other {…}}` a choice. In ICU an apostrophe before `{` starts a quoted span,
 * so French messages with values use the typographic apostrophe (’).
 */
import { IntlMessageFormat } from 'intl-messageformat';
import type { Language } from './detect-language.js';
import { withFrenchSpacing } from './typography.js';

/** The locale of each language: Canadian French and English. */
export const localeOf: Readonly<Record<Language, string>> = { fr: 'fr-CA', en: 'en-CA' };

/** Values a message can take. */
export type MessageValues = Readonly<Record<string, string | number>>;

const compiled = new Map<string, IntlMessageFormat>();

/** The compiled form of a message (compiled at the first use, then reused). */
export function compileMessage(language: Language, source: string): IntlMessageFormat {
  const key = `${language}\u0000${source}`;
  let format = compiled.get(key);
  if (!format) {
    try {
      format = new IntlMessageFormat(source, localeOf[language]);
    } catch (err) {
      throw new Error(`i18n: message does not compile (${(err as Error).message}): ${source}`);
    }
    compiled.set(key, format);
  }
  return format;
}

/** Formats an ICU message in a language with its values. */
export function formatMessage(language: Language, source: string, values: MessageValues = {}): string {
  const out = compileMessage(language, source).format(values);
  return Array.isArray(out) ? out.join('') : String(out);
}

/** How many messages are compiled so far (to test that formatting reuses them). */
export function compiledMessageCount(): number {
  return compiled.size;
}

/** The names of the values a message uses (its arguments, at any depth). */
export function messageArguments(language: Language, source: string): string[] {
  const names = new Set<string>();
  const walk = (elements: ReadonlyArray<{ type: number; value?: unknown; options?: Record<string, { value: unknown }> }>) => {
    for (const el of elements) {
      // Type 0 is a literal and 7 is the plural `#`; every other element names a value.
      if (el.type !== 0 && el.type !== 7 && typeof el.value === 'string') names.add(el.value);
      for (const option of Object.values(el.options ?? {})) walk(option.value as never);
    }
  };
  walk(compileMessage(language, source).getAst() as never);
  return [...names].sort();
}

/** Options of {@link defineCatalogue}. */
export interface CatalogueOptions {
  /** Apply French spacing (`typography.ts`) to every French message, once, when the table is built. Default: true. */
  readonly frenchSpacing?: boolean;
}

/** A message catalogue: its table in each language and its formatter. */
export interface Catalogue<T extends { readonly [K in keyof T]: string }> {
  /** The table of a language: English for `en`, French otherwise. */
  readonly table: (language: Language) => T;
  /** Formats the message `key` of a language with its values (ICU rules of the language, compiled once). */
  readonly format: (language: Language, key: keyof T, values?: MessageValues) => string;
}

/** Builds a catalogue from its French and English tables (frozen; French spacing applied once unless turned off). */
export function defineCatalogue<T extends { readonly [K in keyof T]: string }>(tables: Readonly<Record<Language, T>>, options: CatalogueOptions = {}): Catalogue<T> {
  const fr = options.frenchSpacing === false ? { ...tables.fr } : withFrenchSpacing(tables.fr as Readonly<Record<string, string>>);
  const built: Readonly<Record<Language, T>> = { fr: Object.freeze(fr) as T, en: Object.freeze({ ...tables.en }) };
  const table = (language: Language): T => built[language === 'en' ? 'en' : 'fr'];
  return { table, format: (language, key, values = {}) => formatMessage(language, table(language)[key], values) };
}
