/** Small readers of a Teams turn and the command route selector, shared by every handler. */
import type { TurnContext } from 'botbuilder';
import { detectLanguage, type Language } from '../core/i18n/detect-language.js';
import { messagesFor, type Messages } from '../core/i18n/messages.js';
import type { Person } from '../core/people/person.js';
import type { CardAttachment } from './cards/render-card.js';

/** The Entra ID tenant an activity came from (Teams puts it in the conversation and the channel data). */
export function tenantOf(activity: TurnContext['activity']): string | undefined {
  const fromConversation = activity.conversation?.tenantId;
  const fromChannel = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  const tenant = typeof fromConversation === 'string' ? fromConversation : fromChannel;
  return typeof tenant === 'string' && tenant.length <= 64 ? tenant : undefined;
}

/** The person behind the activity. */
export function userOf(context: TurnContext): Person {
  const from = context.activity.from;
  const tenantId = tenantOf(context.activity);
  return { id: from.id, aadObjectId: from.aadObjectId, name: from.name, ...(tenantId ? { tenantId } : {}) };
}

/**
 * What the turn's readers work out from an activity's text, once per text: every command route's
 * selector reads the text, and several handlers the language. Kept with the activity object (weak
 * key), recomputed if its text changes (teams-ai removes the bot's mention before the routes).
 */
interface TextReading {
  readonly raw: string;
  readonly text: string;
  lang?: Language;
}
const readings = new WeakMap<object, TextReading>();

function readingOf(activity: TurnContext['activity']): TextReading {
  const raw = activity.text ?? '';
  let reading = readings.get(activity);
  if (reading?.raw !== raw) {
    reading = { raw, text: raw.replace(/<at>[^<]*<\/at>/g, ' ').replace(/\s+/g, ' ').trim() };
    readings.set(activity, reading);
  }
  return reading;
}

/** The message text without mentions and surrounding blanks (teams-ai already strips the bot's own). */
export function textOf(context: TurnContext): string {
  return readingOf(context.activity).text;
}

/** A route selector for `app.message`: a message whose text (mentions removed) matches `pattern`. */
export function isCommand(pattern: RegExp): (context: TurnContext) => Promise<boolean> {
  return (context) => Promise.resolve(context.activity.type === 'message' && pattern.test(textOf(context)));
}

/** True in a 1:1 chat with Balise, where a person's own data may be shown (no conversation type: the 1:1 of a local client). */
export function isPersonalChat(context: TurnContext): boolean {
  const type = context.activity.conversation?.conversationType;
  return type === undefined || type === 'personal';
}

/** The submitted card data, when the activity is a card submit. */
export function submitted<T extends object>(context: TurnContext): Partial<T> {
  const value = context.activity.value as unknown;
  return typeof value === 'object' && value !== null ? (value as Partial<T>) : {};
}

/** The language of the turn: from the text, or from the `lang` a card submit carries; French by default. */
export function languageOf(context: TurnContext): Language {
  const lang = submitted<{ lang: string }>(context).lang;
  if (lang === 'en' || lang === 'fr') return lang;
  const reading = readingOf(context.activity);
  if (!reading.text) return 'fr';
  reading.lang ??= detectLanguage(reading.text);
  return reading.lang;
}

/** The message table of the turn's language. */
export function messagesOf(context: TurnContext): Messages {
  return messagesFor(languageOf(context));
}

/** The message table an Action.Execute asked for (`lang` in its data), French by default. */
export function messagesOfData(data: { lang?: unknown }): Messages {
  return messagesFor(data.lang === 'en' ? 'en' : 'fr');
}

/** Sends one or more cards as one message. */
export async function sendCards(context: TurnContext, ...cards: CardAttachment[]): Promise<void> {
  await context.sendActivity({ type: 'message', attachments: cards });
}
