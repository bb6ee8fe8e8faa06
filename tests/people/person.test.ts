import { describe, expect, it } from 'vitest';
import { personOfRegistrant, personRecord, registeredPerson, toRecipient } from '../../bot/core/people/person.js';

const turnPerson = { id: '29:abc', aadObjectId: '00000000-0000-4000-8000-000000000100', name: 'Sophie Tremblay', tenantId: '00000000-0000-4000-8000-00000000000a' };

describe('person', () => {
  it('keeps the id, the AAD object id and the name in records, never the tenant', () => {
    expect(personRecord(turnPerson)).toStrictEqual({ id: '29:abc', aadObjectId: '00000000-0000-4000-8000-000000000100', name: 'Sophie Tremblay' });
    expect(personRecord({ id: '29:x' })).toStrictEqual({ id: '29:x' });
  });

  it('reads a stored registrant (flat `userId` shape) back as the same person', () => {
    const stored = { registrationId: 'r1', userId: '29:abc', aadObjectId: '00000000-0000-4000-8000-000000000100', name: 'Sophie Tremblay', lang: 'fr', registeredAt: '2026-01-01T00:00:00.000Z' };
    expect(personOfRegistrant(stored)).toStrictEqual(personRecord(turnPerson));
    expect(personOfRegistrant(registeredPerson(turnPerson))).toStrictEqual(personRecord(turnPerson));
  });

  it('addresses a person by Teams id, with the AAD object id to open a chat', () => {
    expect(toRecipient(turnPerson)).toStrictEqual({ kind: 'user', userId: '29:abc', aadObjectId: '00000000-0000-4000-8000-000000000100', name: 'Sophie Tremblay' });
    expect(toRecipient({ id: '29:x' })).toStrictEqual({ kind: 'user', userId: '29:x' });
  });
});
