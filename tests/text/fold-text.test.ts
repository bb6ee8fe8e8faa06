import { describe, expect, it } from 'vitest';
import { foldMessage, foldText, foldToAscii, straightenApostrophes } from '../../bot/core/text/fold-text.js';

describe('text folding', () => {
  it('lower-cases and removes accents and ligatures', () => {
    expect(foldText('Élève ŒUVRE sœur')).toBe('eleve oeuvre soeur');
  });

  it('writes every apostrophe as the straight one', () => {
    expect(straightenApostrophes('l’emprise, l‘aide, l`ami, l´été')).toBe("l'emprise, l'aide, l'ami, l'été");
  });

  it('folds a message with one apostrophe and single spaces', () => {
    expect(foldMessage('  Qu’est-ce   que  L’EXPLOITATION ? ')).toBe("qu'est-ce que l'exploitation ?");
  });

  it('keeps only ASCII letters and digits, with a separator between runs', () => {
    expect(foldToAscii('Volet 1 – Repérer', '-')).toBe('volet-1-reperer');
    expect(foldToAscii('Où aller, à Québec?', ' ').trim()).toBe('ou aller a quebec');
  });
});
