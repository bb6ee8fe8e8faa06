/**
 * The Table's training tracks: Volet 1 (the Guide, two days) is the prerequisite of Volet 2
 * (cyberprédation et cybermanipulation, one day) and Volet 3 (vulnérabilité des garçons, one day);
 * the provincial track trains trainers (its length and access rules are not documented, so it
 * takes one or two days and has no prerequisite here).
 */

/** Identifiers of the tracks, in catalogue order. */
export const trackIds = ['volet-1', 'volet-2', 'volet-3', 'formateurs'] as const;

/** One track identifier. */
export type TrackId = (typeof trackIds)[number];

/** What the rules and the cards need to know about a track. */
export interface Track {
  readonly id: TrackId;
  readonly title: { readonly fr: string; readonly en: string };
  /** The name people use: "Volet 1". */
  readonly short: { readonly fr: string; readonly en: string };
  /** Number of days a session lasts: a session has between `minDays` and `maxDays` days. */
  readonly minDays: 1 | 2;
  readonly maxDays: 1 | 2;
  /** A track a person must have completed, or be registered in an earlier session of. */
  readonly prerequisite?: TrackId;
}

const tracks: Readonly<Record<TrackId, Track>> = {
  'volet-1': {
    id: 'volet-1',
    title: { fr: "Volet 1 : Guide de prévention et d'intervention en prostitution juvénile", en: 'Volet 1: Prevention and Intervention Guide on juvenile prostitution' },
    short: { fr: 'Volet 1', en: 'Volet 1' },
    minDays: 2,
    maxDays: 2,
  },
  'volet-2': {
    id: 'volet-2',
    title: { fr: 'Volet 2 : Cyberprédation et cybermanipulation des jeunes à des fins sexuelles', en: 'Volet 2: Online predation and manipulation of youths for sexual purposes' },
    short: { fr: 'Volet 2', en: 'Volet 2' },
    minDays: 1,
    maxDays: 1,
    prerequisite: 'volet-1',
  },
  'volet-3': {
    id: 'volet-3',
    title: { fr: "Volet 3 : Vulnérabilité des garçons à l'exploitation sexuelle", en: "Volet 3: Boys' vulnerability to sexual exploitation" },
    short: { fr: 'Volet 3', en: 'Volet 3' },
    minDays: 1,
    maxDays: 1,
    prerequisite: 'volet-1',
  },
  formateurs: {
    id: 'formateurs',
    title: { fr: 'Formation de formateurs (volet provincial)', en: 'Train-the-trainer (provincial volet)' },
    short: { fr: 'Formation de formateurs', en: 'Train-the-trainer' },
    minDays: 1,
    maxDays: 2,
  },
};

/** True when `id` names a track. */
export function isTrackId(id: unknown): id is TrackId {
  return typeof id === 'string' && (trackIds as readonly string[]).includes(id);
}

/** The track of an identifier. */
export function trackOf(id: TrackId): Track {
  return tracks[id];
}

/** The title of a track in a language. */
export function trackTitle(id: TrackId, lang: 'fr' | 'en'): string {
  return tracks[id].title[lang];
}
