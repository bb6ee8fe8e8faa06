import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../bot/core/i18n/detect-language.js';

describe('detectLanguage', () => {
  it('keeps French for French, Québec French and short or unclear messages', () => {
    for (const text of ['aide', 'faut-tu que je signale à la DPJ?', "c'est quoi les signes qu'une jeune est recrutée", 'DPJ', 'ok', 'pimp', 'sextorsion 14 ans']) {
      expect(detectLanguage(text)).toBe('fr');
    }
  });

  it('answers in English when the message is clearly English', () => {
    for (const text of ['help', 'what are the signs a girl is being recruited', 'do I have to report to the DPJ?', 'my registrations']) {
      expect(detectLanguage(text)).toBe('en');
    }
  });

  it('lets French win a tie', () => {
    expect(detectLanguage('la help')).toBe('fr');
  });
});
