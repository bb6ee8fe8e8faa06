/**
 * Drives the real local Teams client (Microsoft 365 Agents Playground) through its page's internal
 * API (pinned version 0.2.28): send a message or submit a card as the current user, and collect the
 * bot's replies from its WebSocket stream.
 */
import WebSocket from 'ws';

/** A reply as the playground shows it. */
export interface PlaygroundMessage {
  readonly conversationId: string;
  readonly messageId: string;
  readonly text?: string;
  readonly attachments: ReadonlyArray<{ contentType: string; content: { body?: unknown[]; actions?: unknown[] } & Record<string, unknown> }>;
}

/** A connected client. */
export interface PlaygroundClient {
  /** Sends `text` in a conversation and resolves with the replies that arrive within the wait. */
  say(conversationId: string, text: string, options?: { expect?: number; from?: string }): Promise<PlaygroundMessage[]>;
  /** Submits card data (an Action.Submit) in reply to a bot message. */
  submit(conversationId: string, replyToId: string, value: Record<string, unknown>, options?: { expect?: number; from?: string }): Promise<PlaygroundMessage[]>;
  /** Sends an Action.Execute (adaptiveCard/action invoke); resolves with the invoke response. */
  execute(conversationId: string, replyToId: string, action: { verb: string; data: Record<string, unknown> }, options?: { from?: string }): Promise<{ type?: string; value?: unknown }>;
  /** Waits until a received message satisfies `test` (bounded: 30 s); resolves with it. */
  waitFor(test: (m: PlaygroundMessage) => boolean): Promise<PlaygroundMessage>;
  /** Every message received so far. */
  readonly received: PlaygroundMessage[];
  close(): void;
}

/** Connects to the playground at `baseUrl` (e.g. http://127.0.0.1:56150). */
export async function connectPlayground(baseUrl: string): Promise<PlaygroundClient> {
  const received: PlaygroundMessage[] = [];
  const waiters: Array<() => void> = [];
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/_ws_conversation/v1/conversations/stream`);
  ws.on('message', (data) => {
    const event = JSON.parse(data.toString()) as { action?: string; actionConversationId?: string; message?: { messageId: string; text?: string; attachments?: PlaygroundMessage['attachments'] } };
    if (event.action !== 'createMessage' || !event.message) return;
    const { messageId, text, attachments = [] } = event.message;
    // The playground shows each attachment of one activity as its own message ("<id>-<suffix>"):
    // put them back together, so a reply is what the bot sent in one activity.
    const base = messageId.split('-')[0] ?? messageId;
    const previous = received.at(-1);
    if (previous && previous.messageId.split('-')[0] === base) {
      received[received.length - 1] = { ...previous, attachments: [...previous.attachments, ...attachments] };
    } else {
      received.push({ conversationId: event.actionConversationId ?? '', messageId, text, attachments });
    }
    for (const w of waiters.splice(0)) w();
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });

  /** Waits until `count` new messages arrived after index `from` (bounded: 30 s). */
  async function collect(from: number, count: number): Promise<PlaygroundMessage[]> {
    const deadline = Date.now() + 30_000;
    while (received.length - from < count && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 250);
      });
    }
    // The playground delivers each attachment of an activity as its own message: wait until the
    // conversation has been quiet for a while, so that a loaded machine does not cut a reply in two
    // (nor leave its tail to the next test).
    for (let seen = -1; seen !== received.length && Date.now() < deadline; ) {
      seen = received.length;
      await new Promise((r) => setTimeout(r, 500));
    }
    return received.slice(from);
  }

  async function post(path: string, body: unknown): Promise<string> {
    const res = await fetch(`${baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await res.text();
    if (!res.ok) throw new Error(`playground: ${path} answered ${res.status} ${text}`);
    return text;
  }

  return {
    received,
    async say(conversationId, text, options = {}) {
      const from = received.length;
      await post(`/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`, { type: 'text', text, textFormat: 'plain', from: { id: options.from ?? 'user-id-0' } });
      return collect(from, options.expect ?? 1);
    },
    async submit(conversationId, replyToId, value, options = {}) {
      const from = received.length;
      await post('/_conversation/v1/submit', { conversation: { id: conversationId }, replyToId, value, from: { id: options.from ?? 'user-id-0' } });
      return collect(from, options.expect ?? 1);
    },
    async execute(conversationId, replyToId, action, options = {}) {
      const text = await post('/_conversation/v1/invoke', {
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: action.verb, data: action.data } },
        from: { id: options.from ?? 'user-id-0' },
        conversation: { id: conversationId },
        replyToId,
      });
      return text ? (JSON.parse(text) as { type?: string; value?: unknown }) : {};
    },
    async waitFor(test) {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const found = received.find(test);
        if (found) return found;
        if (Date.now() > deadline) throw new Error('playground: the expected message never came');
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 250);
        });
      }
    },
    close() {
      ws.close();
    },
  };
}

/** All TextBlock texts of a reply's cards, flattened (to assert on what a person reads). */
export function cardTexts(message: PlaygroundMessage | undefined): string[] {
  const texts: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (n.type === 'TextBlock' && typeof n.text === 'string') texts.push(n.text);
      Object.values(n).forEach(walk);
    }
  };
  for (const a of message?.attachments ?? []) walk(a.content);
  return texts;
}

/** The data of the first action with `verb` in a reply (Action.Submit data or Action.Execute), if any. */
export function actionData(message: PlaygroundMessage | undefined, verb: string): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  const walk = (node: unknown) => {
    if (found) return;
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      const data = n.data as Record<string, unknown> | undefined;
      if (n.type === 'Action.Submit' && data?.verb === verb) found = data;
      else if (n.type === 'Action.Execute' && n.verb === verb) found = { ...(data ?? {}), verb };
      else Object.values(n).forEach(walk);
    }
  };
  for (const a of message?.attachments ?? []) walk(a.content);
  return found;
}
