/**
 * The `verb` of every Action.Submit: card templates receive these as `${verbs.x}` and the
 * `actionSubmit` routes use the same constants, so a card and its handler cannot drift apart.
 */
export const verbs = {
  help: 'help',
  ask: 'ask',
  feedback: 'feedback',
  resources: 'resources',
  resourcesForNeed: 'resources-for-need',
  trainings: 'trainings',
  register: 'register',
  myRegistrations: 'my-registrations',
  cancelRegistration: 'cancel-registration',
  announceForm: 'announce-form',
  announcePreview: 'announce-preview',
  announcePublish: 'announce-publish',
  roster: 'roster',
  acknowledge: 'acknowledge',
  consultationForm: 'consultation-form',
  consultationSubmit: 'consultation-submit',
  consultationConfirm: 'consultation-confirm',
  myRequests: 'my-requests',
  openRequests: 'open-requests',
  claim: 'claim',
  assign: 'assign',
  close: 'close',
} as const;

export type Verb = (typeof verbs)[keyof typeof verbs];
