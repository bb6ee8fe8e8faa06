/**
 * The local Bot Connector stub of every bench (pipeline, broadcast, consultation, year) and of the
 * two-instance tests: answers what the connector client posts (replies, proactive messages, 1:1
 * chat creation, updates) on a loopback port, records each accepted message, and lets a caller
 * hold, throttle or fail chosen requests.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One message the stub accepted. */
export interface StubMessage {
  readonly conversationId: string;
  readonly activity: Record<string, unknown>;
  /** When it was accepted, by the stub's clock (`now`; default epoch ms). */
  readonly at: number;
}

/** What to do with a request: accept it (default), hold it forever, accept it after a delay, or answer with an error status. */
export type StubDecision = undefined | 'hold' | { readonly delayMs: number } | { readonly status: number; readonly headers?: Record<string, string> };

/** A running stub. */
export interface ConnectorStub {
  /** The service URL to give activities (`http://127.0.0.1:<port>/`). */
  readonly serviceUrl: string;
  readonly messages: StubMessage[];
  /** Requests received and not answered yet. */
  inFlight(): number;
  /** Messages accepted (also counted when `record` is off). */
  accepted(): number;
  /** Decides each message post; default: accept. */
  intercept(decide: (conversationId: string, activity: Record<string, unknown>) => StubDecision): void;
  stop(): Promise<void>;
}

/** Options of {@link startConnectorStub}. */
export interface ConnectorStubOptions {
  /** Keep every accepted message in `messages` (a bench turns it off to keep memory flat). Default: true. */
  readonly record?: boolean;
  /** The clock of `at`. Default: Date.now (a latency bench passes performance.now). */
  readonly now?: () => number;
}

/** Starts the stub on a free loopback port. */
export async function startConnectorStub(options: ConnectorStubOptions = {}): Promise<ConnectorStub> {
  const record = options.record ?? true;
  const now = options.now ?? Date.now;
  const messages: StubMessage[] = [];
  let acceptedCount = 0;
  /** The interceptor, if a caller set one (otherwise every message is accepted unread). */
  let decide: ((c: string, a: Record<string, unknown>) => StubDecision) | undefined;
  let inFlight = 0;
  let seq = 0;
  const held = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    inFlight++;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      // Parsed only when something reads it (a kept message, an interceptor, a chat creation): the
      // connector's parsing is Microsoft's work, not the bot's, and a bench must not count it.
      let parsed: Record<string, unknown> | undefined;
      const body = () => (parsed ??= chunks.length > 0 ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {});
      const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
        inFlight--;
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(value));
      };
      const url = req.url ?? '';
      if (req.method === 'POST' && /^\/v3\/conversations\/?$/.test(url)) {
        const member = (body().members as Array<{ id: string }> | undefined)?.[0]?.id ?? 'unknown';
        return json(200, { id: `a:${member}`, activityId: `c${++seq}` });
      }
      const post = /^\/v3\/conversations\/([^/]+)\/activities(?:\/[^/]+)?$/.exec(url);
      if (req.method === 'POST' && post) {
        const conversationId = decodeURIComponent(post[1] ?? '');
        const decision = decide?.(conversationId, body());
        if (decision === 'hold') {
          held.add(res);
          return undefined;
        }
        const accept = () => {
          acceptedCount++;
          if (record) messages.push({ conversationId, activity: body(), at: now() });
          json(200, { id: `m${++seq}` });
        };
        if (decision && 'delayMs' in decision) return void setTimeout(accept, decision.delayMs);
        if (decision) return json(decision.status, { error: { code: 'stub', message: 'stub' } }, decision.headers);
        return accept();
      }
      return json(200, { id: `u${++seq}` });
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    messages,
    inFlight: () => inFlight,
    accepted: () => acceptedCount,
    intercept(fn) {
      decide = fn;
    },
    async stop() {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
