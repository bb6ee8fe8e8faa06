/**
 * "Ajouter au calendrier" through the bot's real HTTP server, and the roster CSV: quoting, and
 * cells a spreadsheet would run as formulas defused.
 */
import type { Server } from 'restify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rosterCsv, rosterFileName } from '../../bot/core/trainings/roster-csv.js';
import { createRosterLinks } from '../../bot/core/trainings/roster-link.js';
import { sessionCalendar } from '../../bot/core/trainings/session-calendar.js';
import { createLogger } from '../../bot/logger.js';
import { createServer, listen } from '../../bot/server/create-server.js';
import { createMemoryStore } from '../../bot/storage/memory-store.js';
import { registerCalendarRoute } from '../../bot/teams/features/trainings/calendar-route.js';
import { registerRosterRoute } from '../../bot/teams/features/trainings/roster-route.js';
import { putSessions, sessionAt } from './fixtures.js';

const now = new Date('2026-11-28T15:00:00Z');
const session = sessionAt(now, 'sess-1', 'volet-1', 20, {
  notes: 'Apportez le Guide',
  registered: [
    { registrationId: 'r1', userId: 'u1', name: 'Côté, Nathalie "Nat"', lang: 'fr', registeredAt: '2026-11-28T15:00:00.000Z' },
    { registrationId: 'r2', userId: 'u2', name: '=HYPERLINK("http://evil")', lang: 'fr', registeredAt: '2026-11-28T16:00:00.000Z' },
  ],
  waitlist: [{ registrationId: 'r3', userId: 'u3', aadObjectId: 'aad-3', name: 'Éric Pelletier', lang: 'fr', registeredAt: '2026-11-29T10:00:00.000Z' }],
});

describe('session calendar', () => {
  it('has one event per day, in UTC, with the place and no participant', () => {
    const ics = sessionCalendar(session);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(ics).toContain(`DTSTART:${session.days[0]!.start.replace(/[-:]/g, '').slice(0, 15)}Z`);
    expect(ics).toContain('LOCATION:Salle de test');
    expect(ics).not.toContain('Pelletier');
  });
});

describe('calendar route', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    const store = createMemoryStore();
    await putSessions(store, session);
    const logger = createLogger('silent');
    server = createServer({ logger, maxBodyBytes: 1024, processActivity: async () => undefined, checkReady: async () => ({}) });
    registerCalendarRoute(server, { store, logger });
    base = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('serves the .ics of a session as a calendar download', async () => {
    const res = await fetch(`${base}/calendar/sess-1.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(res.headers.get('content-disposition')).toContain('formation-sess-1.ics');
    expect(await res.text()).toMatch(/^BEGIN:VCALENDAR/);
  });

  it('answers 404 for an unknown session or a malformed name', async () => {
    expect((await fetch(`${base}/calendar/unknown.ics`)).status).toBe(404);
    expect((await fetch(`${base}/calendar/sess-1.txt`)).status).toBe(404);
    expect((await fetch(`${base}/calendar/${encodeURIComponent('../x')}.ics`)).status).toBe(404);
  });
});

describe('roster CSV', () => {
  it('lists seats then the waitlist, quoting commas and quotes and defusing formulas, with Québec local times', () => {
    const lines = rosterCsv(session).split('\r\n');
    expect(lines[0]).toBe('statut,rang,nom,identifiant,inscrit le (heure de Québec),place obtenue le (heure de Québec)');
    // 15:00 UTC on 28 November is 10:00 in Québec (EST, UTC-5).
    expect(lines[1]).toBe('inscrit,1,"Côté, Nathalie ""Nat""",u1,2026-11-28 10:00,');
    expect(lines[2]).toBe(`inscrit,2,"'=HYPERLINK(""http://evil"")",u2,2026-11-28 11:00,`);
    expect(lines[3]).toBe("liste d'attente,1,Éric Pelletier,aad-3,2026-11-29 05:00,");
  });

  it('is named with the track and the first day of the session', () => {
    expect(rosterFileName(session)).toBe(`inscriptions-volet-1-${session.days[0]!.start.slice(0, 10)}.csv`);
    expect(rosterFileName(session, 'en')).toMatch(/^registrations-volet-1-\d{4}-\d{2}-\d{2}\.csv$/);
  });
});

describe('roster file route', () => {
  let server: Server;
  let base: string;
  let clock = now;
  const links = createRosterLinks({ validForMs: 10 * 60_000 });
  beforeAll(async () => {
    const store = createMemoryStore();
    await putSessions(store, session);
    const logger = createLogger('silent');
    server = createServer({ logger, maxBodyBytes: 1024, processActivity: async () => undefined, checkReady: async () => ({}) });
    registerRosterRoute(server, { store, logger, now: () => clock, rosterLinks: links });
    base = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('serves the CSV as a named file through a link Balise signed', async () => {
    clock = now;
    const res = await fetch(`${base}${links.pathFor('sess-1', now)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toContain(rosterFileName(session));
    expect(await res.text()).toContain('Éric Pelletier');
  });

  it('refuses a link once expired, with a forged signature or for another session', async () => {
    const path = links.pathFor('sess-1', now);
    clock = new Date(now.getTime() + 11 * 60_000);
    expect((await fetch(`${base}${path}`)).status).toBe(404);
    clock = now;
    expect((await fetch(`${base}${path.replace(/signature=[^&]+/, 'signature=AAAA')}`)).status).toBe(404);
    expect((await fetch(`${base}${path.replace('sess-1', 'sess-2')}`)).status).toBe(404);
    expect((await fetch(`${base}/roster/sess-1.csv`)).status).toBe(404);
  });
});
