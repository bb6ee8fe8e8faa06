/**
 * The HTTP edge (restify): `POST /api/messages` into the bot, `GET /healthz` (alive) and
 * `GET /readyz` (knowledge loaded, storage reachable). Malformed requests get a 4xx and no stack.
 */
import restify from 'restify';
import type { Logger } from '../logger.js';

/** What the server needs from the rest of the bot. */
export interface ServerDeps {
  readonly logger: Logger;
  readonly maxBodyBytes: number;
  /** Hands a valid activity request to the bot adapter. */
  readonly processActivity: (req: restify.Request, res: restify.Response) => Promise<void>;
  /** Resolves with details when ready; rejects with the reason when not. */
  readonly checkReady: () => Promise<Record<string, unknown>>;
}

/** Builds the restify server (not yet listening). */
export function createServer(deps: ServerDeps): restify.Server {
  const server = restify.createServer({ name: 'balise', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: deps.maxBodyBytes, mapParams: false, rejectUnknown: true }));

  server.post('/api/messages', async (req, res) => {
    const body = req.body as unknown;
    if (!req.is('application/json') || typeof body !== 'object' || body === null || typeof (body as { type?: unknown }).type !== 'string') {
      res.send(400, { code: 'BadRequest', message: 'Une activité Bot Framework (JSON avec un champ « type ») est attendue.' });
      return;
    }
    try {
      await deps.processActivity(req, res);
    } catch (err) {
      // Authentication failures and adapter faults: answer once, never with a stack.
      deps.logger.error({ err: { name: (err as Error).name, message: (err as Error).message } }, 'activity processing failed');
      if (!res.headersSent) res.send(500, { code: 'InternalError', message: 'Erreur interne.' });
    }
  });

  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok' });
  });

  server.get('/readyz', async (_req, res) => {
    try {
      res.send(200, { status: 'ready', ...(await deps.checkReady()) });
    } catch (err) {
      res.send(503, { status: 'not-ready', reason: (err as Error).message });
    }
  });

  server.on('restifyError', (req, res, err, callback) => {
    // Keep restify's status (400 invalid JSON, 413 too large) but strip anything internal.
    err.toJSON = () => ({ code: err.code ?? err.name, message: err.statusCode && err.statusCode < 500 ? err.message : 'Erreur interne.' });
    deps.logger.warn({ status: err.statusCode, path: req.path() }, 'request rejected');
    return callback();
  });
  return server;
}

/** Starts listening; resolves with the bound port (useful with port 0 in tests). */
export function listen(server: restify.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
