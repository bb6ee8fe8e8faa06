/**
 * Recognises questions outside Balise's domain (the weather, a password, a recipe...). Two general
 * signals, neither tied to particular questions: the share of the question's content words that
 * belong to the knowledge base's topical vocabulary (the words of its titles, questions, keywords,
 * synonyms and resource names), and a short list of everyday off-domain topics. A word of the
 * domain's core (exploitation, pimp, DPJ...) keeps a question in scope whatever else it holds.
 */
import type { FrenchAnalyzer } from './french-analyzer.js';
import { foldText } from './french-analyzer.js';

/** Everyday topics a worker may ask a Teams bot about that Balise does not cover (folded text). */
export const offDomainTopics: Readonly<Record<string, readonly RegExp[]>> = {
  weather: [/\bmeteo\b/, /\bquel temps\b/, /\btempete\b/, /\bneige\b/, /\bverglas\b/, /\bweather\b/, /\bforecast\b/],
  computing: [
    /\bmots? de passe\b/, /\bpassword/, /\bwi-?fi\b/, /\bimprimante/, /\bphotocopieuse/, /\bordi(nateur)?s?\b/,
    /\b(partager|deuxieme|second) (mon |son |l'|un )?ecran\b/,
    /\boutlook\b/, /\bexcel\b/, /\bpowerpoint\b/, /\bteams\b/, /\bwindows\b/, /\blogiciel/, /\bbug\b/, /\bvpn\b/,
    /\b(soutien|support|service) informatique\b/, /\bne charge (plus|pu|pas)\b/, /\bbatterie\b/, /\btableau croise/, /\bphoto de profil\b/,
  ],
  work: [
    /\bpaie\b/, /\bsalaire\b/, /\bvacances\b/, /\bconges?\b/, /\bkilometrage\b/, /\bremboursement\b/, /\bfeuille de temps\b/,
    /\bcnesst\b/, /\baccident de travail\b/, /\bsante-securite\b/, /\bsimdut\b/, /\bassurance (collective|maladie)\b/,
    /\breserver (une|un|la|le) (salle|local)\b/, /\breunion d'equipe\b/, /\bjournee pedagogique\b/, /\bplan d'evacuation\b/,
    /\bparty de noel\b/, /\blettre de recommandation\b/, /\bsecourisme\b/,
  ],
  food: [/\brecettes?\b/, /\bcuisine\b/, /\bresto(rant)?s?\b/, /\bmuffins?\b/, /\brecipe/],
  sports: [/\bhockey\b/, /\bsoccer\b/, /\bfootball\b/, /\bbaseball\b/, /\bmatch\b/, /\bgym\b/, /\bcanadiens\b/],
  transport: [/\bautobus\b/, /\brtc\b/, /\bstationnement\b/, /\bremorqu/, /\bcirculation\b/, /\btrafic sur\b/, /\bcontravention\b/],
  health: [/\bvaccins?\b/, /\bgrippe\b/, /\bcovid\b/, /\bpoux\b/, /\bmal de (dos|tete|ventre)\b/, /\bgmf\b/, /\bdentiste\b/, /\bpharmacie\b/],
  city: [/\bnids?-de-poule\b/, /\bbruit (de|du) (mon|son|du)? ?voisin/, /\bbibliotheque\b/, /\bheures d'ouverture\b/, /\bdeneigement\b/, /\bpoubelles?\b/],
  general: [
    /\bpremier ministre\b/, /\belections?\b/, /\bcapital of\b/, /\bcapitale de\b/, /\bblague\b/, /\bjoke\b/, /\bpoe(me|m)\b/,
    /\btradui(s|re)\b/, /\btranslate\b/, /\bcalcule\b/, /\bcombien font\b/, /\b\d+ fois \d+\b/,
  ],
};

/** Core words of the domain (folded text): a question holding one is never out of scope. */
export const domainAnchors: readonly RegExp[] = [
  /\bexploit/, /\bprostitu/, /\bproxen/, /\bpimps?\b/, /\bvictim/, /\bsex/, /\bagress/, /\babus/, /\bdpj\b/, /\bfugu/,
  /\bescorte?s?\b/, /\bdanseuse/, /\bleurr/, /\bgrooming\b/, /\bcyberpred/, /\bpredat/, /\bporno/, /\bnudes?\b/, /\bpivots?\b/,
  /\brecrut/, /\bemprise\b/, /\btraite (de|des) personnes\b/, /\bloverboy/, /\btrafficking\b/,
];

/** Why a question was judged out of scope, or not. */
export interface ScopeVerdict {
  readonly outOfScope: boolean;
  /** Share of the question's content words in the topical vocabulary, in [0, 1]. */
  readonly vocabularyShare: number;
  /** Vocabulary share + `scopeConfidenceWeight` × the best confidence. */
  readonly score: number;
  /** The off-domain topics the question mentions (keys of {@link offDomainTopics}). */
  readonly offDomainTopics: readonly string[];
  /** True when the question holds a core word of the domain. */
  readonly anchored: boolean;
}

/** The options the scope check reads (see search-options.ts). */
export interface ScopeOptions {
  readonly scopeConfidenceWeight: number;
  readonly minScopeScore: number;
}

/**
 * Builds the scope check. `knows` tells whether an index term belongs to the topical vocabulary.
 * A question is out of scope when it holds no core word of the domain and either nothing matched,
 * it names an off-domain topic, or its scope score is below `minScopeScore`.
 */
export function createScopeCheck(analyzer: FrenchAnalyzer, knows: (term: string) => boolean, options: ScopeOptions) {
  return (question: string, bestConfidence: number | undefined): ScopeVerdict => {
    const text = foldText(question).replace(/[’‘`´]/g, "'");
    const anchored = domainAnchors.some((a) => a.test(text));
    const topics = Object.entries(offDomainTopics)
      .filter(([, patterns]) => patterns.some((p) => p.test(text)))
      .map(([topic]) => topic);
    const words = analyzer.analyzeWords(question, true);
    const known = words.filter((w) => w.groups.length > 0 || knows(w.stem)).length;
    const vocabularyShare = words.length === 0 ? 0 : known / words.length;
    const score = vocabularyShare + options.scopeConfidenceWeight * (bestConfidence ?? 0);
    const outOfScope = !anchored && (bestConfidence === undefined || topics.length > 0 || score < options.minScopeScore);
    return { outOfScope, vocabularyShare, score, offDomainTopics: topics, anchored };
  };
}
