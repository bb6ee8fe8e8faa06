import { describe, expect, it } from 'vitest';
import { findPersonalData, looksAnonymous, maskPersonalData, type PersonalDataKind } from '../../bot/core/privacy/find-personal-data.js';

const cases: Array<[string, PersonalDataKind, string]> = [
  ["Elle s'appelle Marie-Ève Tremblay et fugue", 'name', 'Marie-Ève Tremblay'],
  ["elle s'appelle marie, 15 ans", 'name', 'marie'],
  ['Il se fait appeler Candy dans le milieu', 'name', 'Candy'],
  ['rencontré avec Mme Gagnon hier', 'name', 'Gagnon'],
  ['née le 3 mars 2010', 'birth-date', 'née le 3 mars 2010'],
  ['DDN 2010/03/04', 'birth-date', 'DDN 2010/03/04'],
  ['date de naissance : 04/03/2010', 'birth-date', 'date de naissance : 04/03/2010'],
  ['numéro de dossier: A-12345', 'file-number', 'A-12345'],
  ['usager 1234567', 'file-number', '1234567'],
  ['Jessica Tremblay-Gagnon, 15 ans', 'name', 'Jessica Tremblay-Gagnon'],
  ['besoin de conseils pour noemie levesque', 'name', 'noemie levesque'],
  ['Mon élève Émilie Bouchard a fugué', 'name', 'Émilie Bouchard'],
  ['la famille Simard-Boucher est suivie', 'name', 'Simard-Boucher'],
  ['Jade L. (sec 4) travaille', 'name', 'Jade L.'],
  ['en sec 3, groupe 302', 'school-group', 'groupe 302'],
  ['son Snap c’est @lili_xo_418', 'handle', '@lili_xo_418'],
  ['sur Snapchat elle est kayla.b09', 'handle', 'kayla.b09'],
  ['ddn 12-04-09', 'birth-date', 'ddn 12-04-09'],
  ['dossier de cour 200-01-245678-231', 'file-number', '200-01-245678-231'],
  ['NAM TREM 0512 3456', 'health-card', 'TREM 0512 3456'],
  ['nam trem05123456', 'health-card', 'trem05123456'],
  ['joindre au 418-555-1234', 'phone', '418-555-1234'],
  ['ou au 4185551234', 'phone', '4185551234'],
  ['elle habite au 123 rue Saint-Jean', 'address', '123 rue Saint-Jean'],
  ['près de G1R 2B5', 'address', 'G1R 2B5'],
  ['son courriel marie.t@gmail.com', 'email', 'marie.t@gmail.com'],
];

describe('findPersonalData', () => {
  it.each(cases)('finds in "%s" a %s: %s', (text, kind, match) => {
    expect(findPersonalData(text)).toEqual([{ kind, match }]);
  });

  it('finds nothing in a description that does not identify the youth', () => {
    for (const text of [
      'Une jeune de 15 ans, fugues répétées depuis 3 mois, nouveau copain de 22 ans.',
      'Rencontre prévue le 12 décembre avec la DPJ; 3 fugues en 2024.',
      "Il s'appelle comme son père, c'est tout ce qu'on sait.",
      'Elle est en secondaire 3, 2 fois par semaine au centre.',
      'Rencontre prévue le 2024-05-10 avec la mère.',
      'Une fille de 13 ans reçoit des messages sur Snap qui lui demande des photos.',
      'Vue à la Place Laurier puis sur le boulevard Wilfrid-Hamel, près de Saint-Jean.',
    ]) {
      expect(findPersonalData(text), text).toEqual([]);
      expect(looksAnonymous(text)).toBe(true);
    }
  });

  it('reports findings in order of appearance, a phone number only as a phone number', () => {
    expect(findPersonalData("Tél. 418 555-1234; elle s'appelle Léa").map((f) => f.kind)).toEqual(['phone', 'name']);
  });

  it('masks every finding and nothing else', () => {
    expect(maskPersonalData("Elle s'appelle Léa Roy, née le 3 mars 2010, cellulaire 418-555-0142.")).toBe("Elle s'appelle […], […], cellulaire […].");
    expect(maskPersonalData('Rien à masquer ici.')).toBe('Rien à masquer ici.');
  });
});
