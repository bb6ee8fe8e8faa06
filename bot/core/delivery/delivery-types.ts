/**
 * Proactive delivery, as the core sees it: a durable outbox of messages to people or channels.
 * The core enqueues plain payloads; the Teams side renders and sends them (see teams/delivery/).
 */

/** Who receives a message: a person (1:1 chat, created if needed) or a channel / known conversation. */
export type Recipient =
  | { readonly kind: 'user'; readonly userId: string; readonly aadObjectId?: string; readonly name?: string }
  | { readonly kind: 'conversation'; readonly conversationId: string; readonly name?: string };

/** What to deliver: a payload kind the Teams side knows how to render, and its plain data. */
export interface Payload {
  readonly kind: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** The outcome of one send attempt, as the sender reports it. */
export type SendOutcome =
  | { readonly ok: true }
  /** Throttled (HTTP 429): try again after `retryAfterMs`. */
  | { readonly ok: false; readonly reason: 'throttled'; readonly retryAfterMs: number }
  /** Transient failure (5xx, network): back off and retry. */
  | { readonly ok: false; readonly reason: 'transient'; readonly detail: string }
  /** The recipient cannot be reached (app not installed, 403/404): do not retry; fall back if possible. */
  | { readonly ok: false; readonly reason: 'unreachable'; readonly detail: string };

/** Sends one payload to one recipient; implemented by the Teams side, stubbed with nock in tests. */
export interface Sender {
  send(recipient: Recipient, payload: Payload): Promise<SendOutcome>;
}

/** States of a delivery: pending → sending → sent | failed | unreachable. */
export type DeliveryState = 'pending' | 'sending' | 'sent' | 'failed' | 'unreachable';

/** One message to one recipient, stored in the outbox. */
export interface Delivery {
  /** Unique per (job, recipient): enqueuing the same id twice is a no-op, so a recipient gets it at most once. */
  readonly id: string;
  /** The job it belongs to (a broadcast, a consultation request...), to tally progress. */
  readonly jobId: string;
  readonly recipient: Recipient;
  readonly payload: Payload;
  readonly state: DeliveryState;
  readonly attempts: number;
  /** ISO time before which it is not tried (backoff, Retry-After). */
  readonly notBefore: string;
  /** ISO time a `sending` claim expires (a crashed worker's claim is taken over after it). */
  readonly leaseUntil?: string;
  readonly lastError?: string;
  /** Delivered instead when the recipient is unreachable (e.g. the backup coordinator). */
  readonly fallback?: Recipient;
}

/** Progress of a job's deliveries. */
export interface DeliveryTally {
  readonly total: number;
  readonly sent: number;
  readonly failed: number;
  readonly unreachable: number;
  readonly pending: number;
}
