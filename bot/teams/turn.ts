/** Small readers of a Teams turn, shared by every handler. */
import type { TurnContext } from 'botbuilder';
import { detectLanguage, type Language } from '../core/i18n/detect-language.js';
import { messagesFor, type Messages } from '../core/i18n/messages.js';
import type { UserRef } from '../core/directory/directory.js';
import type { CardAttachment } from './cards/render-card.js';

/** The person behind the activity. */
export function userOf(context: TurnContext): UserRef {
  const from = context.activity.from;
  return { id: from.id, aadObjectId: from.aadObjectId, name: from.name };
}

/** The message text without mentions and surrounding blanks (teams-ai already strips the bot's own). */
export function textOf(context: TurnContext): string {
  return (context.activity.text ?? '').replace(/<at>[^<]*<\/at>/g, ' ').replace(/\s+/g, ' ').trim();
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
  const text = textOf(context);
  return text ? detectLanguage(text) : 'fr';
}

/** The message table of the turn's language. */
export function messagesOf(context: TurnContext): Messages {
  return messagesFor(languageOf(context));
}

/** Sends one or more cards as one message. */
export async function sendCards(context: TurnContext, ...cards: CardAttachment[]): Promise<void> {
  await context.sendActivity({ type: 'message', attachments: cards });
}
