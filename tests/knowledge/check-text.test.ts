import { describe, expect, it } from 'vitest';
import { countWords, findReportHedge, findTuForms, screenshotWithoutImageWarning, suicideWithoutLine } from '../../bot/core/knowledge/check-text.js';

describe('findTuForms', () => {
  it('finds « tu » pronouns, possessives and imperatives', () => {
    expect(findTuForms('Aborde-la avec ouverture et parles-en à ton pivot.')).toEqual(expect.arrayContaining(['Aborde-la', 'parles-en', 'ton']));
    expect(findTuForms('Si tu as des motifs raisonnables, signale.')).toContain('tu');
    expect(findTuForms('- **Signale sans délai au DPJ** (24/7).')).toContain('Signale');
  });

  it('accepts « vous » and the words that only look like « tu »', () => {
    expect(findTuForms('Abordez-la avec ouverture; parlez-en à votre pivot. Dites-lui, faites-le, rassurez-le.')).toEqual([]);
    expect(findTuForms('**Le ton** : les messages de peur passent mal. Peut-être. La Capitale-Nationale, Marie-Frédéric.')).toEqual([]);
  });

  it('leaves quoted speech alone: what a worker says to a youth may say « tu »', () => {
    expect(findTuForms('Dites-lui : « Tu n\'es pas responsable de ce qui t\'arrive. »')).toEqual([]);
  });
});

describe('findReportHedge', () => {
  it('catches phrases that put off a report', () => {
    expect(findReportHedge("voir avec ton pivot ou le DPJ s'il faut signaler (LPJ)")).toBeDefined();
    expect(findReportHedge("vois s'il faut signaler au DPJ")).toBeDefined();
    expect(findReportHedge('check with your pivot whether to report')).toBeDefined();
  });

  it('lets the rule itself through', () => {
    expect(findReportHedge('Avec des motifs raisonnables, signalez sans délai au DPJ; dans le doute, appelez le DPJ (24/7).')).toBeUndefined();
  });
});

describe('screenshots and suicide', () => {
  it('wants « jamais l\'image » beside any screenshot advice', () => {
    expect(screenshotWithoutImageWarning("Garder des captures d'écran des échanges.")).toBe(true);
    expect(screenshotWithoutImageWarning("Captures d'écran du texte seulement, jamais l'image.")).toBe(false);
    expect(screenshotWithoutImageWarning('Keep screenshots of the chat, never the image.')).toBe(false);
    expect(screenshotWithoutImageWarning('Notez le nom du compte.')).toBe(false);
  });

  it('wants the suicide line wherever suicide is named', () => {
    expect(suicideWithoutLine('Vérifiez le risque suicidaire.')).toBe(true);
    expect(suicideWithoutLine('Risque suicidaire : 1 866 APPELLE (1 866 277-3553).')).toBe(false);
  });
});

describe('countWords', () => {
  it('counts words, not Markdown marks or bullets', () => {
    expect(countWords('- **Danger immédiat** : 911.')).toBe(3);
  });
});
