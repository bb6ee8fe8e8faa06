import { describe, expect, it } from 'vitest';
import { createDirectory, type DirectoryData } from '../../bot/core/directory/directory.js';
import { assigneesOf, escalationRoutes, handlersOf, routeConsultation } from '../../bot/core/consultations/routing.js';
import { demoDirectory, pivotsChannel } from './helpers.js';

const person = (id: string) => ({ id, name: `Personne ${id}` });

describe('routing', () => {
  it('alerts the coordinators with the backup as fallback, and the Pivots channel without one', () => {
    const routes = routeConsultation(demoDirectory(), 'ciusss-cn');
    expect(routes).toEqual([
      {
        recipient: { kind: 'user', userId: 'user-id-2', aadObjectId: '00000000-0000-4000-8000-000000000102', name: 'Isabelle Roy' },
        fallback: { kind: 'user', userId: 'user-id-3', aadObjectId: '00000000-0000-4000-8000-000000000103', name: 'Julie Bouchard' },
      },
      { recipient: { kind: 'conversation', conversationId: pivotsChannel, name: 'Pivots' } },
    ]);
  });

  it('routes nowhere for an organisation the directory does not know', () => {
    expect(routeConsultation(demoDirectory(), 'inconnue')).toEqual([]);
  });

  it('uses the Table-wide Pivots channel when the organisation has none, and no channel when neither exists', () => {
    const spvq = routeConsultation(demoDirectory(), 'spvq');
    expect(spvq.map((r) => (r.recipient.kind === 'user' ? r.recipient.userId : r.recipient.conversationId))).toEqual(['user-id-4', pivotsChannel]);
    const bare = createDirectory({ organisations: [{ id: 'o', name: 'O', coordinators: [person('c')], backupCoordinators: [], pivots: [], members: [] }], tableCoordinators: [], channels: { announcements: [] } } as DirectoryData);
    expect(routeConsultation(bare, 'o')).toEqual([{ recipient: { kind: 'user', userId: 'c', name: 'Personne c' } }]);
  });

  it('escalates to the backup coordinators, falling back to a Table coordinator', () => {
    const routes = escalationRoutes(demoDirectory(), 'ciusss-cn');
    expect(routes).toHaveLength(1);
    expect(routes[0]).toMatchObject({ recipient: { userId: 'user-id-3' }, fallback: { userId: 'user-id-5' } });
  });

  it('escalates to the Table coordinators when the organisation has no backup', () => {
    const d = createDirectory({
      organisations: [{ id: 'o', name: 'O', coordinators: [person('c')], backupCoordinators: [], pivots: [], members: [] }],
      tableCoordinators: [person('t1'), person('t2')],
      channels: { announcements: [] },
    } as DirectoryData);
    expect(escalationRoutes(d, 'o').map((r) => r.recipient.kind === 'user' && r.recipient.userId)).toEqual(['t1', 't2']);
  });

  it('offers the pivots first as assignees, and refreshes cards for every handler including the Table', () => {
    expect(assigneesOf(demoDirectory(), 'ciusss-cn').map((p) => p.id)).toEqual(['user-id-1', 'user-id-2', 'user-id-3']);
    expect(handlersOf(demoDirectory(), 'ciusss-cn').map((p) => p.id)).toEqual(['user-id-2', 'user-id-3', 'user-id-1', 'user-id-5']);
  });
});
