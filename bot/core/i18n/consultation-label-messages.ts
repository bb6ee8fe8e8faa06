/**
 * The labels both sides of a consultation read (part of the consultations catalogue, assembled in
 * `consultations-messages.ts`): urgencies, states, themes and how long ago. ICU MessageFormat.
 */

/** In French. */
export const labelFr = {
  consultUrgencyImmediate: 'Danger immédiat (maintenant)',
  consultUrgencyToday: 'Aujourd’hui',
  consultUrgencyWeek: 'Cette semaine',
  consultUrgencyNone: 'Pas urgent',
  consultStateOpen: 'En attente',
  consultStateClaimed: 'Prise en charge',
  consultStateAssigned: 'Assignée',
  consultStateClosed: 'Close',
  consultCategoryComprendre: 'Comprendre le phénomène',
  consultCategoryDetecter: 'Détecter',
  consultCategoryIntervenir: 'Intervenir',
  consultCategorySignaler: 'Signaler et cadre légal',
  consultCategoryCyber: 'Cyberexploitation',
  consultCategoryTable: 'La Table et les pivots',
  consultCategoryFormations: 'Formations et prévention',
  consultAge: '{unit, select, now {à l’instant} minutes {il y a {n} min} hours {il y a {h} h {m}} other {il y a {d} j {h} h}}',
};

/** In English. */
export const labelEn: { readonly [K in keyof typeof labelFr]: string } = {
  consultUrgencyImmediate: 'Immediate danger (now)',
  consultUrgencyToday: 'Today',
  consultUrgencyWeek: 'This week',
  consultUrgencyNone: 'Not urgent',
  consultStateOpen: 'Waiting',
  consultStateClaimed: 'Taken',
  consultStateAssigned: 'Assigned',
  consultStateClosed: 'Closed',
  consultCategoryComprendre: 'Understanding the phenomenon',
  consultCategoryDetecter: 'Detecting',
  consultCategoryIntervenir: 'Intervening',
  consultCategorySignaler: 'Reporting and the law',
  consultCategoryCyber: 'Online exploitation',
  consultCategoryTable: 'The Table and its pivots',
  consultCategoryFormations: 'Training and prevention',
  consultAge: '{unit, select, now {just now} minutes {{n} min ago} hours {{h} h {m} ago} other {{d} d {h} h ago}}',
};
