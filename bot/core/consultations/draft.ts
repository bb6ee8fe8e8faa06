/**
 * The worker's form, checked: every problem at once (a list of codes the card shows), then a review
 * of the description — personal data found, danger signalled — before anything is stored.
 */
import { createHash } from 'node:crypto';
import type { Directory } from '../directory/directory.js';
import { categories, type Category } from '../knowledge/types.js';
import { findPersonalData, type PersonalDataFinding } from '../privacy/find-personal-data.js';
import type { DangerSignal } from '../search/decision.js';
import { isReference } from './reference.js';
import { contactMethods, urgencies, type ContactMethod, type Urgency } from './request.js';

/** A valid form. */
export interface Draft {
  /** The reference shown on the form; submitting twice with it creates one request. */
  readonly reference?: string;
  readonly organisationId: string;
  readonly category: Category;
  readonly urgency: Urgency;
  readonly description: string;
  readonly contact: { readonly method: ContactMethod; readonly phone?: string };
}

/** What can be wrong with a form. */
export type DraftProblem = 'organisation' | 'category' | 'urgency' | 'description-empty' | 'description-too-long' | 'contact' | 'phone';

/** Longest description kept, in characters. */
export const maxDescriptionLength = 1500;

/** A North American number, with an optional extension ("poste 123"). */
const phonePattern = /^(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}(?:\s*(?:poste|ext\.?|x)\s*\d{1,6})?$/i;
const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const oneOf = <T extends string>(values: readonly T[], v: unknown): T | undefined => (values as readonly unknown[]).includes(v) ? (v as T) : undefined;

/** Checks the submitted fields; `draft` is set only when there is no problem. */
export function parseDraft(input: Readonly<Record<string, unknown>>, directory: Directory): { draft?: Draft; problems: DraftProblem[] } {
  const problems: DraftProblem[] = [];
  const organisationId = text(input.organisationId);
  if (!directory.organisation(organisationId)) problems.push('organisation');
  const category = oneOf(categories, input.category);
  if (!category) problems.push('category');
  const urgency = oneOf(urgencies, input.urgency);
  if (!urgency) problems.push('urgency');
  const description = text(input.description).replace(/\r\n/g, '\n');
  if (description.length < 10) problems.push('description-empty');
  if (description.length > maxDescriptionLength) problems.push('description-too-long');
  const method = oneOf(contactMethods, input.contactMethod);
  if (!method) problems.push('contact');
  const phone = text(input.phone);
  if (method === 'phone' && !phonePattern.test(phone)) problems.push('phone');
  if (problems.length > 0 || !category || !urgency || !method) return { problems };
  return {
    problems,
    draft: {
      ...(isReference(input.reference) ? { reference: input.reference } : {}),
      organisationId,
      category,
      urgency,
      description,
      contact: method === 'phone' ? { method, phone } : { method },
    },
  };
}

/** What the review of a draft found. */
export interface DraftReview {
  readonly findings: readonly PersonalDataFinding[];
  readonly danger: DangerSignal;
  /** Immediate danger, from the urgency chosen or the description. */
  readonly urgent: boolean;
  /** Identifies the description reviewed: a confirmation applies only to the text the worker saw. */
  readonly fingerprint: string;
}

/** Reviews the description: personal data and danger (the urgency `immediate` is danger too). */
export function reviewDraft(draft: Draft, screenDanger: (text: string) => DangerSignal): DraftReview {
  const screened = screenDanger(draft.description);
  const danger: DangerSignal = draft.urgency === 'immediate' ? { ...screened, safety: 'emergency', immediate: true } : screened;
  return { findings: findPersonalData(draft.description), danger, urgent: danger.immediate, fingerprint: fingerprintOf(draft.description) };
}

/** A short digest of a description (not a secret: it only ties a confirmation to a text). */
export function fingerprintOf(description: string): string {
  return createHash('sha256').update(description).digest('base64url').slice(0, 16);
}
