/**
 * Hands one HTTP request to the Teams adapter and answers it, instead of botbuilder's
 * `CloudAdapter.process`, which prints the whole error (stack and all) to stderr and sends its
 * message back to the caller. Here an authentication failure is one JSON log line and a fixed 401
 * body; any other fault is a fixed 500 body. In local mode (no credentials) only loopback service
 * URLs are accepted: the bot would otherwise post its replies to any URL a caller names.
 */
import type { Application } from '@microsoft/teams-ai';
import type { Activity } from 'botbuilder';
import type { Logger } from '../logger.js';
import type { BaliseAdapter } from './create-bot-app.js';

/** The HTTP request and response as the adapter sees them (restify's satisfy this). */
export interface ActivityRequest {
  readonly body?: unknown;
  readonly headers: Record<string, string | string[] | undefined>;
}
export interface ActivityResponse {
  send(status: number, body?: unknown): unknown;
  readonly headersSent: boolean;
}

/** True for an http(s) URL whose host only this machine can reach. */
export function isLoopbackUrl(url: unknown): boolean {
  if (typeof url !== 'string' || url.length > 2048) return false;
  try {
    const { protocol, hostname } = new URL(url);
    const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
    return (protocol === 'http:' || protocol === 'https:') && (host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host));
  } catch {
    return false;
  }
}

/** Errors of the JWT library that botbuilder lets through as they are: a refused token all the same. */
const tokenErrors = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

/** The status an adapter fault deserves: 401 for a refused token, 500 for anything else (metadata unreachable included). */
function statusOf(err: unknown): 401 | 500 {
  const e = err as { name?: unknown; statusCode?: unknown };
  if (typeof e.name === 'string' && tokenErrors.has(e.name)) return 401;
  if (typeof e.statusCode === 'number') return e.statusCode === 401 || e.statusCode === 403 ? 401 : 500;
  return e.name === 'AuthenticationError' ? 401 : 500;
}

/** What the processor needs. */
export interface ActivityProcessorDeps {
  readonly adapter: Pick<BaliseAdapter, 'authenticateAndRun'>;
  readonly app: Pick<Application, 'run'>;
  readonly logger: Logger;
  /** True without credentials: tokens are not checked, so the service URL must be loopback. */
  readonly localMode: boolean;
}

/** Builds the request handler of `POST /api/messages` (the body is already a JSON object with a `type`). */
export function createActivityProcessor(deps: ActivityProcessorDeps): (req: ActivityRequest, res: ActivityResponse) => Promise<void> {
  return async (req, res) => {
    const activity = req.body as Partial<Activity>;
    if (deps.localMode && !isLoopbackUrl(activity.serviceUrl)) {
      deps.logger.warn({ reason: 'service-url-not-loopback' }, 'activity refused in local mode');
      res.send(403, { code: 'Forbidden', message: 'Mode local : seules les adresses de service locales (127.0.0.1) sont acceptées.' });
      return;
    }
    const header = req.headers.authorization ?? req.headers.Authorization;
    const authorization = typeof header === 'string' ? header : '';
    try {
      const invokeResponse = await deps.adapter.authenticateAndRun(authorization, activity as Activity, (context) => deps.app.run(context).then(() => undefined));
      if (!res.headersSent) res.send(invokeResponse?.status ?? 200, invokeResponse?.body);
    } catch (err) {
      const status = statusOf(err);
      // One line, no stack: the name and botbuilder's short reason ("Unauthorized. Invalid AppId...").
      const reason = typeof (err as Error).message === 'string' ? (err as Error).message.split('\n')[0]?.slice(0, 200) : undefined;
      if (status === 401) deps.logger.warn({ status, err: { name: (err as Error).name, message: reason } }, 'authentication failed');
      else deps.logger.error({ status, err: { name: (err as Error).name, message: reason } }, 'activity processing failed');
      if (res.headersSent) return;
      res.send(status, status === 401 ? { code: 'Unauthorized', message: 'Authentification refusée.' } : { code: 'InternalError', message: 'Erreur interne.' });
    }
  };
}

/**
 * botbuilder's token extractor prints a refused token's error (stack included) or its whole key
 * list to stderr, over many lines. Those two messages become one debug line of the logger instead;
 * anything else printed goes through unchanged. Returns the function that restores `console.error`.
 */
export function routeBotbuilderAuthNoise(logger: Logger): () => void {
  /* eslint-disable no-console -- the one place that must replace botbuilder's console output */
  const original = console.error;
  console.error = (...args: unknown[]) => {
    const [first] = args;
    const expired = first instanceof Error && tokenErrors.has(first.name);
    const keyDump = typeof first === 'string' && first.startsWith('Error finding key for token');
    if (expired || keyDump) {
      logger.debug({ source: 'botbuilder', reason: expired ? (first as Error).name : 'key-not-found' }, 'token refused by botbuilder');
      return;
    }
    original.apply(console, args);
  };
  return () => {
    console.error = original;
  };
  /* eslint-enable no-console */
}
