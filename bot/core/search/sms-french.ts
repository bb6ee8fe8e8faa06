/**
 * SMS and Québec colloquial spellings rewritten to the written forms the pattern lists and the
 * search know (« chu » → « je suis », « mtn » → « maintenant », « ya » → « il y a »), on folded
 * text. Word by word, so « pu » stays (it is the colloquial « plus » of a negation and the lists
 * know it), and only whole words are replaced.
 */

/** Folded SMS or colloquial word → its written form. */
export const smsWords: Readonly<Record<string, string>> = {
  chu: 'je suis', chui: 'je suis', jsuis: 'je suis', jsui: 'je suis', jsu: 'je suis', chuis: 'je suis',
  mtn: 'maintenant', mnt: 'maintenant', maint: 'maintenant', asteure: 'maintenant', astheure: 'maintenant', asteur: 'maintenant', ajd: "aujourd'hui", auj: "aujourd'hui",
  ya: 'il y a', yen: "il y en a", pk: 'pourquoi', pkoi: 'pourquoi', pcq: 'parce que', pck: 'parce que', prcq: 'parce que',
  ds: 'dans', dns: 'dans', tjrs: 'toujours', tjs: 'toujours', qqn: "quelqu'un", qqun: "quelqu'un", qqch: 'quelque chose', qq: 'quelques',
  kil: "qu'il", kel: "qu'elle", kelle: "qu'elle", koi: 'quoi', ki: 'qui', ke: 'que', tt: 'tout', tte: 'toute', ts: 'tous', bcp: 'beaucoup',
  jcrois: 'je crois', jpense: 'je pense', jsp: 'je sais pas', chais: 'je sais', jveux: 'je veux', jvais: 'je vais', jva: 'je vais', jvai: 'je vais',
  tse: 'tu sais', kosse: "qu'est-ce", kesse: "qu'est-ce", kse: "qu'est-ce", stie: '', tabarnak: '', criss: '', calisse: '', osti: '',
  asoir: 'ce soir', '2night': 'tonight', rn: 'right now', rite: 'right', plz: 'please', pls: 'please', u: 'you', ur: 'your', r: 'are',
  dla: 'de la', cest: "c'est", c: "c'est", ct: "c'etait", jai: "j'ai",
  pis: 'et', pi: 'et', ben: 'bien', bin: 'bien', icitte: 'ici', pantoute: 'pas du tout', ouin: 'oui', nn: 'non',
};

/** Rewrites SMS and colloquial spellings of a folded, lower-case text. */
export function expandSms(folded: string): string {
  // A word joined by an apostrophe (« c'est », « j'ai ») is already written out.
  const words = folded.replace(/[\p{L}\p{N}']+/gu, (word) => (word.includes("'") ? word : (smsWords[word] ?? word)));
  // « à soir » is Québec French for « ce soir »; « a » alone is too common to rewrite.
  return words.replace(/\ba soir\b/g, 'ce soir').replace(/\s+/g, ' ');
}
