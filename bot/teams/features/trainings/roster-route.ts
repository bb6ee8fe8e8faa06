/**
 * `GET /roster/<sessionId>.csv?expires=…&signature=…`: the roster file behind « Télécharger le
 * fichier CSV ». Only a link Balise signed a few minutes ago works (see `core/trainings/roster-link.ts`);
 * anything else gets a 404 that says nothing about the session.
 */
import type { Server } from 'restify';
import type { Logger } from '../../../logger.js';
import type { RecordStore } from '../../../core/storage/record-store.js';
import { rosterCsv, rosterFileName } from '../../../core/trainings/roster-csv.js';
import type { RosterLinks } from '../../../core/trainings/roster-link.js';
import { trainingsPartition, type TrainingSession } from '../../../core/trainings/session-types.js';
import { isSessionId, sessionKey } from '../../../core/trainings/training-service.js';

/** What the route needs. */
export interface RosterRouteDeps {
  readonly store: RecordStore;
  readonly logger: Logger;
  readonly now: () => Date;
  readonly rosterLinks: RosterLinks;
}

/** Mounts the roster file route on the bot's HTTP server. */
export function registerRosterRoute(server: Server, deps: RosterRouteDeps): void {
  server.get('/roster/:file', async (req, res) => {
    const file = String(req.params?.file ?? '');
    const id = file.endsWith('.csv') ? file.slice(0, -'.csv'.length) : '';
    const query = new URL(req.url ?? '/', 'http://x').searchParams;
    const valid = isSessionId(id) && deps.rosterLinks.verify(id, query.get('expires') ?? '', query.get('signature') ?? '', deps.now());
    const session = valid ? (await deps.store.get<TrainingSession>(trainingsPartition, sessionKey(id)))?.value : undefined;
    if (!session) {
      res.send(404, { code: 'NotFound', message: 'Lien expiré ou inconnu.' });
      return;
    }
    const lang = query.get('lang') === 'en' ? 'en' : 'fr';
    deps.logger.info({ sessionId: id }, 'roster file served');
    // A byte-order mark, so a spreadsheet opens the accents as UTF-8.
    res.sendRaw(200, `\ufeff${rosterCsv(session, lang)}\r\n`, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${rosterFileName(session, lang)}"`,
      'Cache-Control': 'no-store',
    });
  });
}
