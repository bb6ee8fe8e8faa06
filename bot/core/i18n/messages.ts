/**
 * Every sentence Balise says outside the knowledge base, in French (default) and English, as ICU
 * MessageFormat (see `message-format.ts`). Card templates reference these as `${t.key}`; handlers
 * pick the table with {@link messagesFor}. French spacing is applied once when the catalogue is built.
 */
import { defineCatalogue } from './message-format.js';

const fr = {
  lang: 'fr',
  welcomeTitle: 'Bonjour, je suis Balise',
  welcomeIntro:
    "L'assistant de la Table régionale de Québec sur l'exploitation sexuelle et la prostitution juvénile. Posez-moi une question en vos mots : je réponds à partir du guide de pratique de la Table, avec la source et les ressources utiles.",
  welcomeDanger: '**Un jeune est en danger maintenant? Composez le 911.**',
  helpTitle: 'Ce que Balise peut faire',
  helpAsk: 'Posez une question en vos mots (ex. « signes qu\'une jeune est recrutée », « faut-il signaler à la DPJ? »).',
  helpResources: '**Ressources** : les bons numéros selon le besoin (urgence, signalement, jeunes, parents...).',
  helpTrainings: '**Formations** : les prochaines sessions et l\'inscription; **Mes inscriptions** pour les voir ou annuler.',
  helpConsultation: '**Demander une consultation** : joindre un intervenant pivot; **Mes demandes** pour suivre vos demandes.',
  helpCoordinator: 'Coordonnateurs : **Annoncer une formation**, **Inscriptions** (listes), **Demandes ouvertes**.',
  helpChannel: 'Dans un canal ou une conversation de groupe, mentionnez @Balise avant votre question.',
  helpPrivacy: "N'écrivez jamais le nom, la date de naissance ou le numéro de dossier d'un jeune.",
  actionResources: 'Ressources',
  actionTrainings: 'Formations',
  actionConsultation: 'Demander une consultation',
  actionHelp: 'Aide',
  errorTitle: 'Désolé, un problème est survenu',
  errorBody: "Je n'ai pas pu traiter votre message. Réessayez dans un instant; si le problème persiste, transmettez ce numéro au soutien technique :",
  unknownAction: "Cette action n'est plus disponible. Tapez **aide** pour voir ce que je peux faire.",
  emptyMessage: 'Posez-moi une question, ou tapez **aide**.',
  sourceLabel: 'Source :',
  reviewedLabel: 'révisé le',
  frenchOnly: '',
  resourcesTitle: 'Ressources utiles',
  relatedTitle: 'Sujets liés',
  useful: 'Utile',
  notUseful: 'Pas utile',
  feedbackThanks: 'Merci! Votre avis aide la Table à améliorer le guide.',
  feedbackNotUseful: "Merci de l'avoir signalé. Vous pouvez reformuler votre question, ou demander une consultation à un intervenant pivot.",
  emergencyTitle: 'Danger immédiat : agissez maintenant',
  emergencyCall911: '**Si un jeune est en danger immédiat, composez le 911.**',
  emergencyReportDuty:
    "L'exploitation sexuelle d'un mineur est un abus sexuel au sens de la LPJ (art. 38 d) : elle doit être **signalée sans délai au DPJ** (art. 39), 24 h sur 24. Des motifs raisonnables suffisent, pas besoin de certitude; le signalement est confidentiel.",
  emergencyLifeAtRisk: "Une vie est en danger : après le 911, la ligne de prévention du suicide peut vous soutenir, vous et le jeune.",
  emergencyAfter: 'Quand la situation est sécurisée, vous pouvez me poser vos questions ou demander une consultation à un pivot.',
  safetyBandTitle: 'Si un jeune est en danger maintenant, composez le 911. Au moindre motif raisonnable, signalez au DPJ (24/7).',
  safetyBandLife: 'Si une vie est en danger : 911, puis la ligne de prévention du suicide.',
  clarifyTitle: 'Vouliez-vous dire...',
  clarifyBody: 'Votre question peut correspondre à plusieurs sujets. Choisissez le plus proche :',
  noneOfThese: "Aucun : demander à un pivot",
  unknownTitle: 'Je ne sais pas',
  unknownBody:
    "Je n'ai pas trouvé de réponse sûre dans le guide de la Table. Plutôt que de deviner, je vous propose de demander une consultation à un intervenant pivot, ou de reformuler votre question.",
  outOfScopeTitle: 'Hors de mon champ',
  outOfScopeBody:
    "Je réponds seulement aux questions sur l'exploitation sexuelle et la prostitution juvénile (comprendre, détecter, intervenir, signaler), les ressources, les formations et les consultations de la Table. Tapez **aide** pour voir ce que je peux faire.",
  noResources: 'Aucune ressource trouvée pour ce besoin et ce territoire.',
  verifiedOnLabel: 'Coordonnées vérifiées le',
  otherNeed: 'Autre besoin',
  pickNeedTitle: 'Quelle ressource cherchez-vous?',
  needLabel: 'Besoin',
  needRequired: 'Choisissez un besoin.',
  territoryLabel: 'Territoire (facultatif)',
  showResources: 'Afficher les ressources',
  resourcesFor: 'Ressources :',
};

export type Messages = { readonly [K in keyof typeof fr]: string };

const en: Messages = {
  lang: 'en',
  welcomeTitle: "Hello, I'm Balise",
  welcomeIntro:
    "The assistant of the Table régionale de Québec on sexual exploitation and juvenile prostitution. Ask me a question in your own words: I answer from the Table's practice guide, with the source and the useful resources. (The guide is written in French; English versions are shown when available.)",
  welcomeDanger: '**A young person is in danger right now? Call 911.**',
  helpTitle: 'What Balise can do',
  helpAsk: 'Ask a question in your own words (e.g. "signs a girl is being recruited", "do I have to report to the DPJ?").',
  helpResources: '**Resources**: the right numbers for each need (emergency, reporting, youth, parents...).',
  helpTrainings: '**Trainings**: upcoming sessions and registration; **My registrations** to see or cancel them.',
  helpConsultation: '**Request a consultation**: reach an expert pivot; **My requests** to follow them.',
  helpCoordinator: 'Coordinators: **Announce a training**, **Registrations** (rosters), **Open requests**.',
  helpChannel: 'In a channel or a group chat, mention @Balise before your question.',
  helpPrivacy: "Never write a young person's name, date of birth or file number.",
  actionResources: 'Resources',
  actionTrainings: 'Trainings',
  actionConsultation: 'Request a consultation',
  actionHelp: 'Help',
  errorTitle: 'Sorry, something went wrong',
  errorBody: 'I could not process your message. Please try again in a moment; if it persists, give this number to technical support:',
  unknownAction: 'This action is no longer available. Type **help** to see what I can do.',
  emptyMessage: 'Ask me a question, or type **help**.',
  sourceLabel: 'Source:',
  reviewedLabel: 'reviewed on',
  frenchOnly: 'This entry is only available in French.',
  resourcesTitle: 'Useful resources',
  relatedTitle: 'Related topics',
  useful: 'Helpful',
  notUseful: 'Not helpful',
  feedbackThanks: 'Thank you! Your feedback helps the Table improve the guide.',
  feedbackNotUseful: 'Thanks for telling us. You can rephrase your question, or request a consultation with a pivot.',
  emergencyTitle: 'Immediate danger: act now',
  emergencyCall911: '**If a young person is in immediate danger, call 911.**',
  emergencyReportDuty:
    "The sexual exploitation of a minor is sexual abuse under the Youth Protection Act (s. 38 d): it must be **reported to the DPJ without delay** (s. 39), 24 hours a day. Reasonable grounds are enough, certainty is not required; the report is confidential.",
  emergencyLifeAtRisk: 'A life is at risk: after 911, the suicide-prevention line can support you and the young person.',
  emergencyAfter: 'Once the situation is safe, you can ask me questions or request a consultation with a pivot.',
  safetyBandTitle: 'If a young person is in danger now, call 911. On any reasonable grounds, report to the DPJ (24/7).',
  safetyBandLife: 'If a life is at risk: 911, then the suicide-prevention line.',
  clarifyTitle: 'Did you mean...',
  clarifyBody: 'Your question may match several topics. Pick the closest one:',
  noneOfThese: 'None: ask a pivot',
  unknownTitle: "I don't know",
  unknownBody: "I did not find a reliable answer in the Table's guide. Rather than guess, I suggest you request a consultation with a pivot, or rephrase your question.",
  outOfScopeTitle: 'Outside my scope',
  outOfScopeBody:
    "I only answer questions about sexual exploitation and juvenile prostitution (understand, detect, intervene, report), the Table's resources, trainings and consultations. Type **help** to see what I can do.",
  noResources: 'No resource found for this need and territory.',
  verifiedOnLabel: 'Contact details checked on',
  otherNeed: 'Another need',
  pickNeedTitle: 'Which resource are you looking for?',
  needLabel: 'Need',
  needRequired: 'Choose a need.',
  territoryLabel: 'Territory (optional)',
  showResources: 'Show resources',
  resourcesFor: 'Resources:',
};

const catalogue = defineCatalogue<Messages>({ fr, en });

/** The message table of a language. */
export const messagesFor = catalogue.table;
