/**
 * Stop words: function words that carry no topic, removed before stemming. French (with the
 * Québec colloquial forms workers type: « pis », « ben », « pu », « c'tu »), plus the English
 * function words of the questions asked in English. « faire » and « genre » are not stop words:
 * « faire chanter » is blackmail and « identité de genre » a topic. Written accent-free, because the analyzer
 * folds accents before looking words up here.
 */

const french = `
a afin ai aie aient ainsi alors as au aucun aucune aujourd auquel aura aurai auraient aurais aurait aussi autre autres aux
auxquelles auxquels avaient avais avait avant avec avez aviez avions avoir avons ayant bah ben bon c ca car ce ceci cela celle
celles celui cependant certain certaine certaines certains ces cet cette ceux chaque chez ci combien comme comment d dans de
dela depuis des desquelles desquels dois doit doivent donc dont du duquel durant elle elles en encore entre es est et etaient
etais etait etant etc ete etes etiez etions etre eu eue eues eurent eus eut eux faut
fut hui il ils j je jusqu jusque l la laquelle le lequel les lesquelles lesquels leur leurs lorsqu lorsque lui m ma mais me
meme memes mes moi mon n ne ni nos notre nous o on ont ou par parce parmi pas peu peut peuvent peux pis plus pour pourquoi pu
puis puisqu puisque qu quand que quel quelle quelles quelqu quelque quelques quels qui quoi quoiqu s sa sans se sera serai
seraient serais serait seront ses si sien sienne soi soient sois soit sommes son sont sous suis sur t ta te tes toi ton tous
tout toute toutes tres trop tu un une va vais vas voici voila vont vos votre vous vu y ya faque mettons tse ok svp
`;

const english = `
about am an and are as at be been being but by can could did do does doing for from had has have he her him his how i if in
into is it its me my of on or our she so some someone than that the their them there they this to too was we were what when
where which who why will with would you your
`;

/** Accent-free French and English stop words. */
export const stopWords: ReadonlySet<string> = new Set(`${french} ${english}`.split(/\s+/).filter((w) => w.length > 0));
