/**
 * Personal data in the chat: a question that identifies someone gets a warning (which kinds, never
 * the text), and a « Pas utile » question is kept only when the strict check finds nothing.
 */
import { describe, expect, it } from 'vitest';
import { riskInStoredText } from '../../bot/core/privacy/strict-check.js';
import { verbs } from '../../bot/teams/verbs.js';
import { appRig, shown } from './app-rig.js';

const sophie = { id: 'user-id-0', aadObjectId: '00000000-0000-4000-8000-000000000100', name: 'Sophie Tremblay' };

/** Realistic questions that identify a youth, as workers might send them to « Pas utile ». */
const identifyingQuestions = [
  'Quels signes chez Jessica Tremblay (14 ans) doivent alerter?',
  'comment aider maude lachance qui fugue encore',
  'Mon élève Émilie a un chum de 25 ans, je fais quoi?',
  'Que faire pour la jeune née le 14 mars 2010?',
  'Elle a 13 ans et fréquente un homme de 27 ans, je signale?',
  'La fille du groupe 302 à Rochebelle se fait recruter, que faire?',
  'Je peux appeler la mère au 418-555-0147?',
  'Dossier 2024-03378 : est-ce que je refais un signalement?',
  'Elle habite au 45 rue des Érables, la police peut y aller?',
  'Son snap c’est @lili_xo_418, je le donne à la police?',
  'Est-ce que Kayla doit porter plainte contre son pimp?',
  'Comment parler à Océane de son nouveau chum?',
];
const anonymousQuestions = ['Quels sont les signes de recrutement?', 'Comment signaler à la DPJ?', 'Que faire si une jeune fugue souvent?', 'Où trouver de l’aide pour une victime?'];

describe('the chat warning', () => {
  it('warns when a question names a youth and gives a birth date, without repeating them', async () => {
    const rig = appRig({ local: true });
    const replies = await rig.say(sophie, 'Jessica Tremblay née le 14 mars 2010 se fait recruter, que faire?');
    const text = shown(replies);
    expect(text).toContain('semble contenir des renseignements qui permettent d’identifier une personne (nom, date de naissance)');
    expect(replies.filter((r) => r.text?.includes('identifier une personne'))[0]?.text).not.toContain('Jessica');
    expect(rig.logLines.join('')).not.toContain('Jessica');
  });

  it('does not warn on an anonymous question', async () => {
    const rig = appRig({ local: true });
    expect(shown(await rig.say(sophie, 'Une jeune de 15 ans se fait recruter, que faire?'))).not.toContain('identifier une personne');
  });
});

describe('feedback questions', () => {
  it.each(identifyingQuestions)('does not keep « %s »', async (question) => {
    const rig = appRig({ local: true });
    await rig.say(sophie, '', undefined, { verb: verbs.feedback, entryId: rig.deps.knowledge.entries[0]?.id, useful: false, question });
    const [record] = await rig.store.list<{ question?: string; useful: boolean }>('feedback');
    expect(record?.value.useful).toBe(false);
    expect(record?.value.question).toBeUndefined();
  });

  it('keeps an anonymous question, so the Table learns what was missing', async () => {
    for (const question of anonymousQuestions) expect(riskInStoredText(question), question).toBeUndefined();
    const rig = appRig({ local: true });
    await rig.say(sophie, '', undefined, { verb: verbs.feedback, entryId: rig.deps.knowledge.entries[0]?.id, useful: false, question: anonymousQuestions[0] });
    const [record] = await rig.store.list<{ question?: string }>('feedback');
    expect(record?.value.question).toBe(anonymousQuestions[0]);
  });
});
