/**
 * The outbox's {@link Sender} for Teams: renders a payload to a card and sends it proactively
 * through the Bot Connector, into the user's personal chat (created if needed) or a known
 * conversation. Maps connector answers to outcomes: 429 → throttled (Retry-After), 5xx and network
 * errors → transient, 403/404 → unreachable.
 */
import type { TeamsAdapter } from '@microsoft/teams-ai';
import { TurnContext, type ConversationReference } from 'botbuilder';
import type { Payload, Recipient, SendOutcome, Sender } from '../../core/delivery/delivery-types.js';
import { messagesFor, type Messages } from '../../core/i18n/messages.js';
import type { RecordStore } from '../../core/storage/record-store.js';
import type { CardAttachment } from '../cards/render-card.js';
import { anyServiceUrl, findAadReference, findConversationReference, findUserReference, saveCreatedChat } from '../conversation-refs.js';

/** Renders one payload kind into a card. */
export type PayloadRenderer = (payload: Payload, t: Messages) => CardAttachment;

/** What the sender needs. */
export interface TeamsSenderDeps {
  readonly adapter: TeamsAdapter;
  readonly botAppId: string;
  readonly store: RecordStore;
  /** Payload kinds and their renderers (`checkFeatures` puts the features' together); read at each send. */
  readonly renderers: ReadonlyMap<string, PayloadRenderer>;
  /** Tenant of the deployment, for creating 1:1 chats. */
  readonly tenantId?: string;
}

/** Thrown when a payload kind has no renderer: a programming fault, not a delivery outcome. */
export class UnknownPayloadError extends Error {
  constructor(kind: string) {
    super(`teams-sender: no renderer for payload kind "${kind}"`);
    this.name = 'UnknownPayloadError';
  }
}

function outcomeOf(err: unknown): SendOutcome {
  const e = err as { statusCode?: number; response?: { headers?: { get?: (h: string) => string | undefined } }; message?: string; code?: string };
  const status = e.statusCode;
  if (status === 429) {
    const header = e.response?.headers?.get?.('retry-after');
    const seconds = header ? Number(header) : NaN;
    return { ok: false, reason: 'throttled', retryAfterMs: Number.isFinite(seconds) ? seconds * 1000 : 1000 };
  }
  if (status === 403 || status === 404) return { ok: false, reason: 'unreachable', detail: `HTTP ${status}` };
  return { ok: false, reason: 'transient', detail: status ? `HTTP ${status}` : (e.code ?? 'network error') };
}

/** Creates the Teams sender. */
export function createTeamsSender(deps: TeamsSenderDeps): Sender {
  async function referenceFor(recipient: Recipient): Promise<Partial<ConversationReference> | 'create' | undefined> {
    if (recipient.kind === 'conversation') return (await findConversationReference(deps.store, recipient.conversationId))?.reference;
    const known = (await findUserReference(deps.store, recipient.userId)) ?? (recipient.aadObjectId ? await findAadReference(deps.store, recipient.aadObjectId) : undefined);
    return known?.reference ?? 'create';
  }

  return {
    async send(recipient: Recipient, payload: Payload): Promise<SendOutcome> {
      const render = deps.renderers.get(payload.kind);
      if (!render) throw new UnknownPayloadError(payload.kind);
      const lang = payload.data.lang === 'en' ? 'en' : 'fr';
      const card = render(payload, messagesFor(lang));
      const activity = { type: 'message', attachments: [card] };
      const reference = await referenceFor(recipient);
      if (!reference) return { ok: false, reason: 'unreachable', detail: 'conversation never seen by Balise' };
      // botbuilder hands an error thrown inside a proactive turn to the adapter's onTurnError (the
      // app's apology handler), not to the caller: catch it inside the turn so the outbox sees it.
      let failure: unknown;
      let created: Partial<ConversationReference> | undefined;
      const post = async (context: TurnContext) => {
        try {
          await context.sendActivity(activity);
          if (reference === 'create') created = TurnContext.getConversationReference(context.activity);
        } catch (err) {
          failure = err;
        }
      };
      try {
        if (reference === 'create') {
          const serviceUrl = await anyServiceUrl(deps.store);
          if (!serviceUrl || recipient.kind !== 'user') return { ok: false, reason: 'unreachable', detail: 'no conversation with this person' };
          // Teams takes a Teams user id (29:…) or the AAD object id the directory holds.
          const memberId = recipient.userId.startsWith('29:') || !recipient.aadObjectId ? recipient.userId : recipient.aadObjectId;
          await deps.adapter.createConversationAsync(
            deps.botAppId,
            'msteams',
            serviceUrl,
            '',
            { isGroup: false, members: [{ id: memberId, name: recipient.name ?? '' }], tenantId: deps.tenantId, channelData: { tenant: { id: deps.tenantId } } } as never,
            post,
          );
          if (created?.conversation?.id) {
            const { activityId: _ignored, ...kept } = created;
            await saveCreatedChat(deps.store, recipient.userId, recipient.aadObjectId, kept);
          }
        } else {
          await deps.adapter.continueConversationAsync(deps.botAppId, reference, post);
        }
        return failure === undefined ? { ok: true } : outcomeOf(failure);
      } catch (err) {
        if (err instanceof UnknownPayloadError) throw err;
        return outcomeOf(err);
      }
    },
  };
}
