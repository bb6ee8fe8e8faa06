/**
 * The safeguard and resource catalogues joined the ICU catalogues (checked with the others in
 * `message-format.test.ts`): the formatted sentences are the ones Balise said before, kept as
 * written (no automatic French spacing in these two).
 */
import { describe, expect, it } from 'vitest';
import { formatResource } from '../../bot/core/i18n/resources-messages.js';
import { formatSecurity } from '../../bot/core/i18n/security-messages.js';

describe('safeguard and resource catalogues', () => {
  it('says what the resource lists said before', () => {
    expect(formatResource('fr', 'contactType', { type: 'phone' })).toBe('Téléphone');
    expect(formatResource('fr', 'contactType', { type: 'chat' })).toBe('Clavardage');
    expect(formatResource('en', 'contactType', { type: 'web' })).toBe('Website');
    expect(formatResource('fr', 'sources', { n: 1 })).toBe('Source :');
    expect(formatResource('fr', 'sources', { n: 3 })).toBe('Sources :');
    expect(formatResource('en', 'sources', { n: 1 })).toBe('Source:');
    expect(formatResource('en', 'sources', { n: 2 })).toBe('Sources:');
    expect(formatResource('fr', 'moreSources', { n: 1 })).toBe('et 1 autre');
    expect(formatResource('fr', 'moreSources', { n: 2 })).toBe('et 2 autres');
    expect(formatResource('en', 'moreSources', { n: 2 })).toBe('and 2 more');
    expect(formatResource('fr', 'checkedAgainstFactSheet', { date: '2026-01-15' })).toBe(
      'Coordonnées relevées dans les sources de la fiche factuelle de la Table (contrôle du 2026-01-15), pas confirmées auprès des organismes.',
    );
    expect(formatResource('en', 'checkedAgainstFactSheet', { date: '2026-01-15' })).toBe(
      "Contact details taken from the sources of the Table's fact sheet (checked on 2026-01-15), not confirmed with the organisations.",
    );
  });

  it('fills the safeguard messages through the same mechanism', () => {
    expect(formatSecurity('fr', 'sentPrivately', { ref: 'C-7K4M2Q' })).toBe('La demande C-7K4M2Q vous a été envoyée en conversation privée avec Balise.');
    expect(formatSecurity('en', 'noticeTitle', { ref: 'C-7K4M2Q' })).toBe('New consultation request C-7K4M2Q');
    expect(formatSecurity('fr', 'chatWarning', { kinds: 'nom' })).toContain('(nom)');
  });
});
