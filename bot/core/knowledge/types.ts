/** The knowledge base as the rest of Balise sees it: guide entries, referral resources, synonyms. */

/** Topic groups A to G of the practice guide, in order. */
export const categories = ['comprendre', 'detecter', 'intervenir', 'signaler', 'cyber', 'table', 'formations'] as const;
export type Category = (typeof categories)[number];

export const audiences = ['intervenants', 'parents', 'jeunes', 'coordonnateurs'] as const;
export type Audience = (typeof audiences)[number];

export const needs = [
  'urgence', 'signalement', 'jeunes', 'victimes', 'cyber', 'garcons', 'lgbtq',
  'parents', 'hebergement', 'police', 'juridique', 'suicide', 'intervenants',
] as const;
export type Need = (typeof needs)[number];

/**
 * Where a resource serves, narrowest first: the Capitale-Nationale region, the whole province of
 * Québec, all of Canada. The YAML values stay short; users see the unambiguous labels of
 * `core/resources/need-labels.ts` (« Québec » alone reads as the city).
 */
export const territories = ['Capitale-Nationale', 'Québec', 'Canada'] as const;
export type Territory = (typeof territories)[number];

/** Where a fact comes from: a key of the fact sheet's source table, or `seed`. */
export interface SourceRef {
  readonly key: string;
  readonly url?: string;
}

/** Where a record was written, for messages that point a coordinator to the line. */
export interface Origin {
  readonly file: string;
  readonly line: number;
}

/** One answer of the practice guide. */
export interface GuideEntry {
  readonly id: string;
  readonly title: string;
  /** Short title for buttons (clarify, related topics), at most {@link maxLabelChars} characters. */
  readonly label?: string;
  readonly category: Category;
  readonly audience?: readonly Audience[];
  readonly questions: readonly string[];
  readonly keywords: readonly string[];
  readonly answer: string;
  readonly related: readonly string[];
  readonly resources: readonly string[];
  readonly sources: readonly SourceRef[];
  readonly reviewedOn: string;
  readonly en?: { readonly title: string; readonly label?: string; readonly questions?: readonly string[]; readonly answer: string };
  readonly origin: Origin;
}

const englishForms = (e: GuideEntry): string[] => (e.en ? [e.en.title, ...(e.en.questions ?? [])] : []);

/** The ways an entry is asked: its title and questions, in French and, when it has them, English. */
export function askedForms(e: GuideEntry): string[] {
  return [e.title, ...e.questions, ...englishForms(e)];
}

/** The texts that name an entry: its asked forms and its keywords (its answer aside). */
export function namingForms(e: GuideEntry): string[] {
  return [e.title, ...e.questions, ...e.keywords, ...englishForms(e)];
}

/** One way to reach a resource; an `unverified` value is never shown as confirmed. */
export interface Contact {
  readonly type: 'phone' | 'text' | 'web' | 'chat';
  readonly value: string;
  readonly label?: string;
  readonly hours?: string;
  readonly status: 'verified' | 'unverified';
  readonly verifiedOn: string;
  /** Absent only for an unverified contact, whose note says where it came from. */
  readonly source?: SourceRef;
  /** Caveat shown to users under the contact (old source, hours unknown...). */
  readonly note?: string;
  readonly en?: { readonly label?: string; readonly hours?: string; readonly note?: string };
}

/** A referral resource (a help line, an organisation, a police service...). */
export interface Resource {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly needs: readonly Need[];
  readonly territory: Territory;
  readonly audience: readonly Audience[];
  readonly contacts: readonly Contact[];
  /** Words that, found in an answer, mean the answer names this resource (e.g. « DPJ », « 811 »). Default: none. */
  readonly mentions?: readonly string[];
  readonly en?: { readonly name?: string; readonly description?: string };
  readonly origin: Origin;
}

/** Words that mean the same thing to a worker (abbreviations, slang, spelling variants). */
export type SynonymGroup = readonly string[];

/** How a source reads on a card: the organisation and the title of the page. */
export interface SourceName {
  readonly key: string;
  readonly org: string;
  readonly title: string;
  readonly url?: string;
}

/** The loaded, validated knowledge base. */
export interface KnowledgeBase {
  readonly entries: readonly GuideEntry[];
  /** Names of the cited sources (`sources.yaml`); empty when the folder has none. */
  readonly sourceNames: ReadonlyMap<string, SourceName>;
  readonly resources: readonly Resource[];
  readonly synonyms: readonly SynonymGroup[];
  readonly entryById: ReadonlyMap<string, GuideEntry>;
  readonly resourceById: ReadonlyMap<string, Resource>;
}

/** Every problem code kbcheck can report. Errors stop the bot; warnings do not. */
export type ProblemCode =
  | 'yaml-syntax'
  | 'schema'
  | 'duplicate-id'
  | 'unknown-related'
  | 'unknown-resource'
  | 'missing-topic'
  | 'invalid-phone'
  | 'missing-file'
  | 'stale-review'
  | 'stale-verification'
  | 'answer-too-long'
  | 'duplicate-question'
  | 'label-too-long'
  | 'missing-label'
  | 'register-tu'
  | 'report-hedge'
  | 'screenshot-image'
  | 'suicide-line'
  | 'missing-english'
  | 'unknown-source'
  | 'resource-not-shown';

/** A content problem, reported as data with its position. */
export interface ContentProblem {
  readonly code: ProblemCode;
  readonly severity: 'error' | 'warning';
  readonly file: string;
  readonly line: number;
  readonly message: string;
}
