/**
 * findPersonalData skips the patterns that need a digit or an `@` when the text has none: the
 * findings must be those of trying every pattern.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findPersonalData, findPersonalDataTryingEveryPattern } from '../../bot/core/privacy/find-personal-data.js';
import { repoPath } from '../../bot/paths.js';

const sentences = ['privacy-set.yaml', 'privacy-tuning.yaml'].flatMap((file) => (parse(readFileSync(repoPath('tests', 'privacy', file), 'utf8')) as Array<{ q: string }>).map((c) => c.q));
/** Look-alikes of digits that `\d` does not match (fullwidth, Arabic-Indic, letters), and of `@`. */
const lookAlikes: Record<string, string> = { 0: 'O', 1: 'l', 2: '２', 3: '٣', 4: '４', 5: 'S', 6: '６', 7: '７', 8: 'B', 9: '９', '@': '＠' };
const withoutDigitsOrAt = (text: string) => text.replace(/[\d@]/g, (c) => lookAlikes[c] ?? c);

describe('skipping the patterns a text cannot match', () => {
  it('finds what trying every pattern finds, in the privacy sets with and without their digits', () => {
    expect(sentences.length).toBeGreaterThan(100);
    let skippedSomething = 0;
    for (const text of sentences.flatMap((s) => [s, withoutDigitsOrAt(s)])) {
      expect(findPersonalData(text)).toEqual(findPersonalDataTryingEveryPattern(text));
      if (!/[\d@]/.test(text)) skippedSomething++;
    }
    expect(skippedSomething).toBeGreaterThanOrEqual(sentences.length);
  });

  it('finds what trying every pattern finds in generated texts built from the cues of every pattern', () => {
    const words = [
      'née le', 'ddn', 'DDN :', 'born on', 'mars', 'avril', 'january', '14', '2010', '2010/03/04', 'l4 mars 2OlO', '２０１０', 'dossier', 'usager', 'n°', '#', 'A-', 'rue', 'boulevard', 'G1R 2B5',
      'G１R ２B５', 'groupe', 'gr.', '302', '３０２', 'classe de Mme', 'Tremblay', 'Océane', 'snap', 'insta :', 'kayla.b09', 'lili_xo', '@lili_xo_418', '＠lili', 'marie@exemple.ca', 'marie＠exemple.ca',
      "s'appelle", 'nommée', 'Mme', 'TREM', '0512', 'trem05123456', '418', '555-0199', '(418)', '4185550199', '+1', 'elle', 'a', 'fugué', ',', '.', '-', '/',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 12 }), fc.constantFrom(' ', '', '  ', '-', '/'), (picked, glue) => {
        const text = picked.join(glue);
        expect(findPersonalData(text)).toEqual(findPersonalDataTryingEveryPattern(text));
        const lookAlike = withoutDigitsOrAt(text);
        expect(findPersonalData(lookAlike)).toEqual(findPersonalDataTryingEveryPattern(lookAlike));
      }),
      { numRuns: 2000, seed: 15 },
    );
  });
});
