/**
 * `GET /calendar/<sessionId>.ics`: the calendar file behind "Ajouter au calendrier". Teams opens an
 * Action.OpenUrl in the browser, which downloads the file and hands it to the calendar app. The
 * file describes the session only (no one's registration), so the route needs no sign-in.
 */
import type { Server } from 'restify';
import type { Logger } from '../../../logger.js';
import type { RecordStore } from '../../../core/storage/record-store.js';
import { sessionCalendar } from '../../../core/trainings/session-calendar.js';
import { trainingsPartition, type TrainingSession } from '../../../core/trainings/session-types.js';
import { isSessionId, sessionKey } from '../../../core/trainings/training-service.js';

/** What the route needs. */
export interface CalendarRouteDeps {
  readonly store: RecordStore;
  readonly logger: Logger;
}

/** Mounts the calendar route on the bot's HTTP server. */
export function registerCalendarRoute(server: Server, deps: CalendarRouteDeps): void {
  server.get('/calendar/:file', async (req, res) => {
    const file = String(req.params?.file ?? '');
    const id = file.endsWith('.ics') ? file.slice(0, -'.ics'.length) : '';
    const session = isSessionId(id) ? (await deps.store.get<TrainingSession>(trainingsPartition, sessionKey(id)))?.value : undefined;
    if (!session) {
      res.send(404, { code: 'NotFound', message: 'Session inconnue.' });
      return;
    }
    const lang = /^en\b/i.test(String(req.headers['accept-language'] ?? '')) ? 'en' : 'fr';
    deps.logger.info({ sessionId: id }, 'calendar file served');
    res.sendRaw(200, sessionCalendar(session, lang), {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="formation-${id}.ics"`,
      'Cache-Control': 'no-store',
    });
  });
}
