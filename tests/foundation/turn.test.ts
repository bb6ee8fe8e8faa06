/** The turn readers every feature shares (`bot/teams/turn.ts`). */
import type { TurnContext } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { isCommand, isPersonalChat, languageOf, textOf } from '../../bot/teams/turn.js';

const turn = (activity: Record<string, unknown>) => ({ activity }) as unknown as TurnContext;

describe('turn helpers', () => {
  it('takes a message as a command when its text without mentions matches, and nothing else', async () => {
    const help = isCommand(/^\s*(aide|help)\s*[!.?]*\s*$/i);
    expect(await help(turn({ type: 'message', text: '<at>Balise</at> aide !' }))).toBe(true);
    expect(await help(turn({ type: 'message', text: 'aide-moi à comprendre' }))).toBe(false);
    expect(await help(turn({ type: 'invoke', text: 'aide' }))).toBe(false);
  });

  it('counts a personal chat and a conversation without a type as 1:1, a channel or group chat not', () => {
    expect(isPersonalChat(turn({ conversation: { conversationType: 'personal' } }))).toBe(true);
    expect(isPersonalChat(turn({ conversation: {} }))).toBe(true);
    expect(isPersonalChat(turn({}))).toBe(true);
    expect(isPersonalChat(turn({ conversation: { conversationType: 'channel' } }))).toBe(false);
    expect(isPersonalChat(turn({ conversation: { conversationType: 'groupChat' } }))).toBe(false);
  });

  it('reads the text and language once per text, and again when the activity text changes during the turn', () => {
    const context = turn({ type: 'message', text: '<at>Balise</at>  what should I do   ' });
    expect(textOf(context)).toBe('what should I do');
    expect(languageOf(context)).toBe('en');
    // teams-ai rewrites the text (mention removal) on the same activity object: the readers follow.
    context.activity.text = 'que faire avec une jeune qui fugue';
    expect(textOf(context)).toBe('que faire avec une jeune qui fugue');
    expect(languageOf(context)).toBe('fr');
    context.activity.text = '';
    expect(textOf(context)).toBe('');
    expect(languageOf(context)).toBe('fr');
    // A card submit's `lang` wins over the text.
    expect(languageOf(turn({ type: 'message', text: 'what should I do', value: { lang: 'fr' } }))).toBe('fr');
  });
});
