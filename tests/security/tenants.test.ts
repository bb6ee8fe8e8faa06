/**
 * One organisation's tenant: activities from other tenants are refused before anything else, roles
 * match on the AAD object id and the tenant (never on a Teams id alone), and the announcement
 * audience holds only allowed tenants.
 */
import { describe, expect, it } from 'vitest';
import { loadDirectory } from '../../bot/core/directory/directory.js';
import { repoPath } from '../../bot/paths.js';
import { conversationRefsPartition } from '../../bot/teams/conversation-refs.js';
import { announcementAudience } from '../../bot/teams/features/trainings/audience.js';
import { appRig, otherTenant, shown, tenant } from './app-rig.js';

const sophie = { id: 'user-id-0', aadObjectId: '00000000-0000-4000-8000-000000000100', name: 'Sophie Tremblay' };
const nathalie = { id: 'user-id-5', aadObjectId: '00000000-0000-4000-8000-000000000105', name: 'Nathalie Côté' };

describe('allowed tenants', () => {
  it('refuses a message from another tenant politely, logs it, and remembers nothing of it', async () => {
    const rig = appRig();
    const replies = await rig.say({ id: '29:stranger', aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000001', name: 'X' }, 'formations', otherTenant);
    expect(shown(replies)).toContain('réservé aux organisations membres de la Table');
    expect(shown(replies)).not.toContain('S\'inscrire');
    expect(rig.logLines.filter((l) => l.includes('tenant not allowed'))).toHaveLength(1);
    expect(rig.logLines.join('')).toContain(otherTenant);
    expect(await rig.store.list(conversationRefsPartition)).toEqual([]);
  });

  it('refuses an activity with no tenant at all', async () => {
    const rig = appRig();
    const replies = await rig.send({ type: 'message', text: 'aide', from: { id: '29:x', name: 'X' }, conversation: { id: 'a:x', conversationType: 'personal' } as never });
    expect(shown(replies)).toContain('réservé aux organisations membres');
  });

  it('answers an allowed tenant normally and remembers where to reach them', async () => {
    const rig = appRig();
    const replies = await rig.say(sophie, 'aide');
    expect(shown(replies)).not.toContain('réservé aux organisations membres');
    expect((await rig.store.list(conversationRefsPartition)).length).toBeGreaterThan(0);
  });

  it("refuses a forged coordinator AAD object id from another tenant the roster (nothing reaches the handler)", async () => {
    const rig = appRig();
    const replies = await rig.say(nathalie, 'inscriptions', otherTenant);
    expect(shown(replies)).toContain('réservé aux organisations membres');
    expect(shown(replies)).not.toContain('roster');
  });

  it('matches roles on the AAD object id and the tenant, never on the Teams id alone', () => {
    const { directory } = loadDirectory(repoPath('demo', 'annuaire-demo.yaml'), 'annuaire', { allowedTenants: [tenant] });
    expect(directory?.isTableCoordinator({ id: nathalie.id, aadObjectId: nathalie.aadObjectId, tenantId: tenant })).toBe(true);
    expect(directory?.isTableCoordinator({ id: nathalie.id, aadObjectId: nathalie.aadObjectId, tenantId: otherTenant })).toBe(false);
    expect(directory?.isTableCoordinator({ id: nathalie.id, tenantId: tenant })).toBe(false);
    expect(directory?.isTableCoordinator({ id: 'someone-else', aadObjectId: nathalie.aadObjectId, tenantId: tenant.toUpperCase() })).toBe(true);
  });

  it('leaves people of other tenants out of the announcement audience', async () => {
    const rig = appRig();
    await rig.say(sophie, 'aide');
    // A reference from another tenant stored before the setting existed.
    await rig.store.commit(conversationRefsPartition, [
      { kind: 'put', key: 'user/29:stranger', value: { userId: '29:stranger', aadObjectId: 'x', reference: { conversation: { id: 'a:s', tenantId: otherTenant } } } },
    ]);
    const audience = await announcementAudience(rig.store, rig.deps.directory, { allowedTenants: [tenant] });
    const users = audience.flatMap((r) => (r.kind === 'user' ? [r.userId] : []));
    expect(users).toEqual([sophie.id]);
    const unfiltered = await announcementAudience(rig.store, rig.deps.directory);
    expect(unfiltered.some((r) => r.kind === 'user' && r.userId === '29:stranger')).toBe(true);
  });
});
