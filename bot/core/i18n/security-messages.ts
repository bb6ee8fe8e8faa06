/**
 * The words of Balise's safeguards (tenant refusal, scopes, the Pivots channel notice, the chat's
 * personal-data warning), in French (« vous ») and English, as ICU MessageFormat like every other
 * catalogue (`message-format.ts`). Messages with values are formatted by {@link formatSecurity}.
 * The French table is kept as written (no automatic French spacing): these sentences are shown
 * exactly as they were before they joined the catalogues.
 */
import { defineCatalogue } from './message-format.js';

const fr = {
  lang: 'fr',
  tenantRefused:
    'Désolé, Balise est réservé aux organisations membres de la Table régionale, et votre organisation n’y a pas accès. Si vous pensez devoir y avoir accès, écrivez à la coordination de la Table.',
  rosterNotInScope: 'Cette session relève d’une autre organisation : vous pouvez consulter les inscriptions des sessions de votre organisation seulement.',
  closeNotHolder:
    'Cette demande est prise en charge par une autre personne : seules cette personne et les coordonnateurs de l’organisation peuvent la clore ou la réassigner.',
  noticeTitle: 'Nouvelle demande de consultation {ref}',
  noticeOrganisation: 'Organisation',
  noticeTheme: 'Thème',
  noticeUrgency: 'Urgence',
  noticeReference: 'Référence',
  noticePrivate: 'Les détails sont envoyés en conversation privée aux personnes qui peuvent traiter la demande.',
  noticeOpen: 'Ouvrir la demande',
  sentPrivately: 'La demande {ref} vous a été envoyée en conversation privée avec Balise.',
  chatWarning:
    'Votre message semble contenir des renseignements qui permettent d’identifier une personne ({kinds}). Balise ne les conserve pas, mais évitez de les écrire ici : décrivez la situation sans nom, âge précis, école, date de naissance ni coordonnées.',
  invalidInput: 'Cette action n’est pas valide. Recommencez à partir de la dernière carte.',
  maskedPreviewLabel: 'Si vous choisissez « Masquer ces éléments et envoyer », voici exactement le texte envoyé :',
  kindAge: 'Âge',
  kindSchool: 'École ou groupe',
  kindHandle: 'Pseudonyme de réseau social',
};

/** Every safeguard message. */
export type SecurityMessages = { readonly [K in keyof typeof fr]: string };

const en: SecurityMessages = {
  lang: 'en',
  tenantRefused:
    'Sorry, Balise is reserved for the member organisations of the regional Table, and your organisation does not have access. If you think you should, please write to the Table coordination.',
  rosterNotInScope: 'This session belongs to another organisation: you can see the registrations of your organisation’s sessions only.',
  closeNotHolder: 'Someone else is handling this request: only that person and the organisation’s coordinators can close or reassign it.',
  noticeTitle: 'New consultation request {ref}',
  noticeOrganisation: 'Organisation',
  noticeTheme: 'Theme',
  noticeUrgency: 'Urgency',
  noticeReference: 'Reference',
  noticePrivate: 'The details are sent in a private chat to the people who can handle the request.',
  noticeOpen: 'Open the request',
  sentPrivately: 'Request {ref} was sent to you in your private chat with Balise.',
  chatWarning:
    'Your message seems to contain details that identify a person ({kinds}). Balise does not keep them, but please avoid writing them here: describe the situation without a name, exact age, school, birth date or contact details.',
  invalidInput: 'This action is not valid. Please start again from the latest card.',
  maskedPreviewLabel: 'If you choose "Hide these details and send", this is exactly the text sent:',
  kindAge: 'Age',
  kindSchool: 'School or group',
  kindHandle: 'Social media handle',
};

const catalogue = defineCatalogue<SecurityMessages>({ fr, en }, { frenchSpacing: false });

/** The safeguard messages of a language. */
export const securityMessagesFor = catalogue.table;
/** Formats the safeguard message `key` of a language with its values. */
export const formatSecurity = catalogue.format;
