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
  /** Action.Submit: show one request (with `requestId`) or the open requests, in the clicker's 1:1 chat. */
  openRequest: 'open-request',
  /** Action.Execute: the request card's refresh, its current state for a handler viewing it. */
  refreshRequest: 'refresh-request',
  claim: 'claim',
  assign: 'assign',
  close: 'close',
} as const;

export type Verb = (typeof verbs)[keyof typeof verbs];

/**
 * Verbs no new card carries, still accepted because cards already posted in Teams keep theirs.
 * `open-requests` served both as the submit (open a request) and the refresh of the request card;
 * the routes take it as `openRequest` when submitted and as `refreshRequest` when executed.
 */
export const retiredVerbs = {
  openRequests: 'open-requests',
} as const;
