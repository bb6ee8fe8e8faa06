/**
 * The message catalogues as ICU MessageFormat: every message compiles in its language, both
 * languages take the same values, plain messages read as written (templates show them as they
 * are), plurals and selects follow each language's rules, each message is compiled once, French
 * typography is applied everywhere (but the safeguard and resource tables, kept as written), and the
 * French interface says « vous ».
 */
import { describe, expect, it } from 'vitest';
import { consultationMessagesFor } from '../../bot/core/i18n/consultations-messages.js';
import { compiledMessageCount, formatMessage, messageArguments } from '../../bot/core/i18n/message-format.js';
import { messagesFor } from '../../bot/core/i18n/messages.js';
import { resourceMessagesFor } from '../../bot/core/i18n/resources-messages.js';
import { securityMessagesFor } from '../../bot/core/i18n/security-messages.js';
import { formatTraining, trainingMessagesFor } from '../../bot/core/i18n/trainings-messages.js';
import { frenchSpacing } from '../../bot/core/i18n/typography.js';

/** The catalogues French spacing is applied to. */
const spaced = {
  messages: messagesFor,
  trainings: trainingMessagesFor,
  consultations: consultationMessagesFor,
} as const;
/** Every catalogue: the spaced ones, and the safeguard and resource tables kept as written. */
const catalogues = { ...spaced, security: securityMessagesFor, resources: resourceMessagesFor } as const;

const entriesOf = (tables: Readonly<Record<string, (lang: 'fr' | 'en') => object>>) =>
  Object.entries(tables).flatMap(([name, table]) =>
    Object.keys(table('fr')).map((key) => [`${name}.${key}`, (table('fr') as Record<string, string>)[key]!, (table('en') as Record<string, string>)[key]!] as const),
  );
const entries = entriesOf(catalogues);
const spacedEntries = entriesOf(spaced);

const sample = (names: readonly string[]) => Object.fromEntries(names.map((n) => [n, n === 'unit' || n === 'article' || n === 'next' ? 'other' : 2]));

describe('message catalogues', () => {
  it.each(entries)('%s compiles in both languages, English taking no value French does not', (_key, fr, en) => {
    // French may need more (an organisation's article); English never needs a value French lacks.
    for (const name of messageArguments('en', en)) expect(messageArguments('fr', fr)).toContain(name);
    const values = sample(messageArguments('fr', fr));
    expect(() => formatMessage('fr', fr, values)).not.toThrow();
    expect(() => formatMessage('en', en, values)).not.toThrow();
  });

  it('shows plain messages as written, so templates may use them as they are', () => {
    for (const [key, fr, en] of entries) {
      if (messageArguments('fr', fr).length === 0) expect(formatMessage('fr', fr), key).toBe(fr);
      if (messageArguments('en', en).length === 0) expect(formatMessage('en', en), key).toBe(en);
    }
  });

  it('compiles each message once and reuses it', () => {
    formatTraining('fr', 'broadcastStatus', { sent: 1, failed: 0, unreachable: 1, pending: 0 });
    const compiled = compiledMessageCount();
    for (let i = 0; i < 100; i++) formatTraining('fr', 'broadcastStatus', { sent: i, failed: i, unreachable: i, pending: i });
    expect(compiledMessageCount()).toBe(compiled);
  });
});

describe('plural and select rules', () => {
  it('says « 1 envoi, 0 échec, 1 personne non joignable » (French: 0 and 1 are singular)', () => {
    expect(formatTraining('fr', 'broadcastStatus', { sent: 1, failed: 0, unreachable: 1, pending: 0 }).replace(/[\u202f\u00a0]/g, ' ')).toBe(
      'Diffusion : 1 envoi, 0 échec, 1 personne non joignable, 0 en attente.',
    );
    expect(formatTraining('fr', 'reportLine', { sent: 3, failed: 2, unreachable: 0, pending: 1, total: 6 })).toMatch(/^3 envois, 2 échecs, 0 personne non joignable \(Balise non installé\)/);
  });

  it('uses the English rules in English (0 is plural)', () => {
    expect(formatTraining('en', 'broadcastStatus', { sent: 1, failed: 0, unreachable: 0, pending: 0 })).toBe('Broadcast: 1 sent, 0 failed, 0 people not reachable, 0 pending.');
    expect(formatTraining('en', 'broadcastStatus', { sent: 2, failed: 1, unreachable: 1, pending: 0 })).toBe('Broadcast: 2 sent, 1 failed, 1 person not reachable, 0 pending.');
  });

  it('says « 1 place restante » and « 3 places restantes »', () => {
    expect(formatTraining('fr', 'seatsLeft', { n: 1, capacity: 20 })).toBe('1 place restante sur 20');
    expect(formatTraining('fr', 'seatsLeft', { n: 3, capacity: 20 })).toBe('3 places restantes sur 20');
    expect(formatTraining('en', 'seatsLeft', { n: 1, capacity: 20 })).toBe('1 seat left out of 20');
    expect(formatTraining('fr', 'published', { n: 1 })).toContain('vers 1 destinataire\u202f;');
  });

  it('names the session to register for first, or says none is planned', () => {
    const named = formatTraining('fr', 'prerequisiteMissing', { track: 'Volet 1', next: 'mardi 12 janvier 2027' });
    expect(named).toContain('Inscrivez-vous d’abord à la session du Volet 1 du mardi 12 janvier 2027');
    expect(named).not.toContain('cette session (');
    expect(formatTraining('fr', 'prerequisiteMissing', { track: 'Volet 1', next: 'none' })).toContain('Aucune session du Volet 1 ouverte aux inscriptions');
  });
});

describe('French typography', () => {
  it('puts a narrow no-break space before ; ? ! and a no-break space before : and inside « »', () => {
    expect(frenchSpacing('Un jeune est en danger? Oui! Voici : le 911; « guide »')).toBe('Un jeune est en danger\u202f? Oui\u202f! Voici\u00a0: le 911\u202f; «\u00a0guide\u00a0»');
    // Already spaced, or with the wrong space, it ends the same.
    expect(frenchSpacing('danger ? Voici\u202f: x')).toBe('danger\u202f? Voici\u00a0: x');
  });

  it('leaves links, times and ICU syntax alone', () => {
    expect(frenchSpacing('https://exemple.org/a?b=1 à 10:00')).toBe('https://exemple.org/a?b=1 à 10:00');
    expect(frenchSpacing('{n, plural, one {# place} other {# places}}')).toBe('{n, plural, one {# place} other {# places}}');
  });

  it('is applied to every French message: no ordinary space, and no missing space, before ; : ? !', () => {
    for (const [key, fr] of spacedEntries) {
      const text = formatMessage('fr', fr, sample(messageArguments('fr', fr)));
      expect(text, key).not.toMatch(/[^\u202f\u00a0:/][;?!](?=\s|$|\*)/u);
      expect(text, key).not.toMatch(/[^\u00a0\d/:][:](?=\s|$|\*)/u);
      expect(text, key).not.toMatch(/« |[^\u00a0]»/u);
    }
  });

  it('leaves English as written', () => {
    expect(messagesFor('en').sourceLabel).toBe('Source:');
    expect(messagesFor('fr').sourceLabel).toBe('Source\u00a0:');
  });
});

describe('register', () => {
  it('addresses people with « vous » in every French message, never « tu »', () => {
    const tu = /(^|[\s(«])(tu|toi|ton|ta|tes)(?=[\s,.!?;:)»]|$)|-toi\b/iu;
    for (const [key, fr] of entries) expect(fr, key).not.toMatch(tu);
  });
});
