/**
 * The sentences the resource lists say, in French and English. They describe the content (what a
 * check date means, why a number is missing), so they live beside the rule that produces them.
 */
import type { Contact } from '../knowledge/types.js';

/** Words of one language. */
export interface ResourceTexts {
  readonly contactType: Readonly<Record<Contact['type'], string>>;
  /** Between a label and its value: French puts a space before the colon. */
  readonly colon: string;
  readonly someHidden: string;
  readonly noneConfirmed: string;
  readonly checkedAgainstFactSheet: (isoDate: string) => string;
  readonly sources: (count: number) => string;
  readonly moreSources: (count: number) => string;
}

/** The resource texts of each language. */
export const resourceTexts: Readonly<Record<'fr' | 'en', ResourceTexts>> = {
  fr: {
    contactType: { phone: 'Téléphone', text: 'Texto', web: 'Site', chat: 'Clavardage' },
    colon: ' : ',
    someHidden: 'Certaines coordonnées non confirmées ne sont pas affichées.',
    noneConfirmed: 'Aucune coordonnée confirmée : voir la description pour savoir qui joindre.',
    checkedAgainstFactSheet: (d) => `Coordonnées relevées dans les sources de la fiche factuelle de la Table (contrôle du ${d}), pas confirmées auprès des organismes.`,
    sources: (n) => (n > 1 ? 'Sources :' : 'Source :'),
    moreSources: (n) => `et ${n} autre${n > 1 ? 's' : ''}`,
  },
  en: {
    contactType: { phone: 'Phone', text: 'Text', web: 'Website', chat: 'Chat' },
    colon: ': ',
    someHidden: 'Some unconfirmed contact details are not shown.',
    noneConfirmed: 'No confirmed contact details: see the description for whom to contact.',
    checkedAgainstFactSheet: (d) => `Contact details taken from the sources of the Table's fact sheet (checked on ${d}), not confirmed with the organisations.`,
    sources: (n) => (n > 1 ? 'Sources:' : 'Source:'),
    moreSources: (n) => `and ${n} more`,
  },
};
