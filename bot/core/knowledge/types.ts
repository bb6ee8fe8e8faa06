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
  readonly category: Category;
  readonly audience?: readonly Audience[];
  readonly questions: readonly string[];
  readonly keywords: readonly string[];
  readonly answer: string;
  readonly related: readonly string[];
  readonly resources: readonly string[];
  readonly sources: readonly SourceRef[];
  readonly reviewedOn: string;
  readonly en?: { readonly title: string; readonly questions?: readonly string[]; readonly answer: string };
  readonly origin: Origin;
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
  readonly note?: string;
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
  readonly en?: { readonly name?: string; readonly description?: string };
  readonly origin: Origin;
}

/** Words that mean the same thing to a worker (abbreviations, slang, spelling variants). */
export type SynonymGroup = readonly string[];

/** The loaded, validated knowledge base. */
export interface KnowledgeBase {
  readonly entries: readonly GuideEntry[];
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
  | 'duplicate-question';

/** A content problem, reported as data with its position. */
export interface ContentProblem {
  readonly code: ProblemCode;
  readonly severity: 'error' | 'warning';
  readonly file: string;
  readonly line: number;
  readonly message: string;
}
