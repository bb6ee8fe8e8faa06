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

describe('Québec colloquial French and SMS spelling', () => {
  it.each([
    'elle a 15 ans pis son chum en a 22, c legal?',
    'chu pas sur si faut signaler, ya rien de clair',
    'jsp quoi faire avec ma jeune, a fugue encore',
    'c koi le numero de la dpj',
    'faque on fait quoi astheure avec le gars',
    'tsé le pimp y lui a acheté un cell',
    'kessé que le volet 2 a de different',
    'pk les gars sont pas vus comme victimes',
  ])('reads « %s » as French', (text) => {
    expect(detectLanguage(text)).toBe('fr');
  });

  it.each(['is it legal if she is 15 and her boyfriend is 22?', 'what should I do if a youth discloses', "how do I report to the DPJ, it's urgent"])('still reads « %s » as English', (text) => {
    expect(detectLanguage(text)).toBe('en');
  });
});
