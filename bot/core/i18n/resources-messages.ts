/**
 * The sentences the resource lists say (contact types, what a check date means, why a number is
 * missing, the sources line of an answer), in French and English, as ICU MessageFormat like every
 * other catalogue (`message-format.ts`). The French table is kept as written (no automatic French
 * spacing): these sentences are shown exactly as they were before they joined the catalogues.
 */
import { defineCatalogue } from './message-format.js';

const fr = {
  /** `{type}`: a contact type of the knowledge base (`phone`, `text`, `web`, `chat`). */
  contactType: '{type, select, phone {Téléphone} text {Texto} web {Site} chat {Clavardage} other {{type}}}',
  /** Between a label and its value: French puts a space before the colon. */
  colon: ' : ',
  someHidden: 'Certaines coordonnées non confirmées ne sont pas affichées.',
  noneConfirmed: 'Aucune coordonnée confirmée : voir la description pour savoir qui joindre.',
  checkedAgainstFactSheet: 'Coordonnées relevées dans les sources de la fiche factuelle de la Table (contrôle du {date}), pas confirmées auprès des organismes.',
  sources: '{n, plural, one {Source :} other {Sources :}}',
  moreSources: '{n, plural, one {et # autre} other {et # autres}}',
};

/** The resource messages. */
export type ResourceMessages = { readonly [K in keyof typeof fr]: string };

const en: ResourceMessages = {
  contactType: '{type, select, phone {Phone} text {Text} web {Website} chat {Chat} other {{type}}}',
  colon: ': ',
  someHidden: 'Some unconfirmed contact details are not shown.',
  noneConfirmed: 'No confirmed contact details: see the description for whom to contact.',
  checkedAgainstFactSheet: "Contact details taken from the sources of the Table's fact sheet (checked on {date}), not confirmed with the organisations.",
  sources: '{n, plural, =0 {Source:} one {Source:} other {Sources:}}',
  moreSources: 'and {n} more',
};

const catalogue = defineCatalogue<ResourceMessages>({ fr, en }, { frenchSpacing: false });

/** The resource messages of a language. */
export const resourceMessagesFor = catalogue.table;
/** Formats the resource message `key` of a language with its values. */
export const formatResource = catalogue.format;
