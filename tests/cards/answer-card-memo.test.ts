/**
 * The answer card is expanded once per entry, table and left-out resources, then copied with each
 * asker's question: the card must be the one a fresh expansion with that question gives.
 */
import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../bot/core/i18n/messages.js';
import { loadKnowledge } from '../../bot/core/knowledge/load-knowledge.js';
import { repoPath } from '../../bot/paths.js';
import { expandAnswerCard, renderAnswerCard } from '../../bot/teams/cards/answer-cards.js';

const kb = loadKnowledge(repoPath('knowledge')).knowledge!;
const questions = ['', 'faut-tu signaler?', 'où les pimps recrutent les jeunes filles', 'a "quoted" question\nover two lines', '${t.useful} ${id}', 'Océane, 14 ans, 418 555-0199'];

describe('remembered answer cards', () => {
  it('equal a fresh expansion with the same question, for every entry, in French and English', () => {
    for (const t of [messagesFor('fr'), messagesFor('en')]) {
      for (const entry of kb.entries) {
        for (const question of questions) {
          // Twice: the first call expands, the second copies what the first remembered.
          expect(renderAnswerCard(entry, kb, t, question)).toEqual(expandAnswerCard(entry, kb, t, question));
          expect(renderAnswerCard(entry, kb, t, question)).toEqual(expandAnswerCard(entry, kb, t, question));
        }
      }
    }
  });

  it('equal a fresh expansion when resources were already shown above them', () => {
    const t = messagesFor('fr');
    for (const entry of kb.entries.filter((e) => e.resources.length > 0)) {
      const shown = entry.resources.slice(0, 1);
      expect(renderAnswerCard(entry, kb, t, 'une question', shown)).toEqual(expandAnswerCard(entry, kb, t, 'une question', shown));
      // Another left-out list is another card, not the remembered one.
      expect(renderAnswerCard(entry, kb, t, 'une question')).toEqual(expandAnswerCard(entry, kb, t, 'une question'));
    }
  });

  it('gives each call its own card: changing one leaves the next as expanded', () => {
    const entry = kb.entries[0]!;
    const t = messagesFor('fr');
    const first = renderAnswerCard(entry, kb, t, 'première');
    (first.content.body as unknown[]).push({ type: 'TextBlock', text: 'ajouté' });
    first.content.type = 'changed';
    expect(renderAnswerCard(entry, kb, t, 'deuxième')).toEqual(expandAnswerCard(entry, kb, t, 'deuxième'));
  });
});
