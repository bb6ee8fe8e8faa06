/**
 * Finds person names in free text as workers type them: « Océane Tremblay », « Jade L. »,
 * « rosalie gauthier » (lower case), « Zoé-Lynn Paquette-Girard » (compounds), « L'élève Jérémy »,
 * « la famille Simard-Boucher », « daughter Alyssa ». Works on word tokens, with the lists of
 * `quebec-names.ts`; place and institution names (Sainte-Foy, Place Laurier) are not names.
 */
import { foldText } from '../text/fold-text.js';
import { givenNames, surnames } from './quebec-names.js';

/** A name found: its text and where it starts. */
export interface NameSpan {
  readonly match: string;
  readonly index: number;
}

interface Token {
  readonly text: string;
  readonly index: number;
  readonly end: number;
}

const givenSet = new Set(givenNames.flatMap((n) => n.split('-')).map(foldText));
const surnameSet = new Set(surnames.flatMap((n) => n.split('-')).map(foldText));

/** Given names that are also ordinary words when typed in lower case (« rose », « pierre »). */
const ordinaryWhenLower = new Set(['rose', 'pierre', 'marc', 'jean', 'luc', 'louis', 'claude', 'ann', 'anne', 'lou', 'kim', 'noa', 'jay', 'alex', 'victor', 'simon', 'martin', 'ariel', 'mia', 'eva', 'ali', 'adam', 'maxime', 'dominique', 'camille', 'charles', 'julien', 'laurent', 'francis', 'florence', 'victoria', 'france', 'olive', 'pier', 'lily', 'stella', 'sasha', 'emy', 'ellie']);
/** Surnames that are ordinary French words in lower case (« du côté », « un parent »). */
const ordinarySurnames = new Set(['cote', 'parent', 'gagne', 'boucher', 'fontaine', 'richard', 'racine', 'paradis', 'jacques', 'julien', 'martin', 'champagne', 'breton', 'plante', 'lambert', 'marchand', 'carrier', 'picard', 'dumas', 'vallee', 'roy', 'bernard', 'samson', 'renaud', 'massé', 'masse', 'lajoie', 'laroche', 'forget', 'godin', 'allard', 'leduc']);
/** Capitalised words that start place, institution or time names, never a person. */
const notPersons = new Set(
  [
    'saint', 'sainte', 'st', 'ste', 'place', 'rue', 'avenue', 'boulevard', 'boul', 'chemin', 'route', 'centre', 'carre', 'galeries', 'ecole', 'polyvalente',
    'college', 'cegep', 'universite', 'hopital', 'clinique', 'parc', 'pont', 'vieux', 'port', 'plaines', 'madame', 'monsieur', 'sureté', 'surete', 'service',
    'le', 'la', 'les', 'l', 'un', 'une', 'des', 'du', 'de', 'd', 'mon', 'ma', 'mes', 'son', 'sa', 'ses', 'elle', 'il', 'on', 'nous', 'vous', 'je', 'j', 'y', 'ya',
    'est', 'et', 'pis', 'mais', 'ou', 'quand', 'depuis', 'selon', 'apres', 'avant', 'en', 'au', 'aux', 'a', 'the', 'she', 'he', 'her', 'his', 'on', 'in', 'at',
    'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche', 'janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout',
    'septembre', 'octobre', 'novembre', 'decembre', 'noel', 'paques', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
    'snap', 'snapchat', 'instagram', 'insta', 'tiktok', 'facebook', 'discord', 'grade', 'secondaire', 'sec', 'groupe', 'group', 'dossier', 'fiche',
  ].map(foldText),
);
/** Words after which a capitalised word is a person: « mon élève X », « sa cousine X », « la famille X ». */
const personCues = new Set(
  ['eleve', 'cliente', 'client', 'jeune', 'fille', 'fils', 'soeur', 'sœur', 'frere', 'cousine', 'cousin', 'amie', 'ami', 'chum', 'blonde', 'famille', 'family', 'daughter', 'son', 'student', 'sister', 'brother', 'usagere', 'patiente', 'protegee', 'nom', 'prenom', 'name', 'vieille', 'vieux', 'petite', 'mme', 'mlle'].map(foldText),
);

const isCapitalised = (w: string) => /^\p{Lu}/u.test(w);
const parts = (w: string) => foldText(w).split('-').filter(Boolean);
const isGiven = (w: string) => parts(w).length > 0 && parts(w).every((p) => givenSet.has(p));
const isSurname = (w: string) => parts(w).length > 0 && parts(w).every((p) => surnameSet.has(p) || p === 'st' || p === 'ste');
/** A capitalised word that may be a surname: capitalised, every part capitalised (Paquette-Girard), not a place word. */
const looksLikeSurname = (w: string) => w.split('-').every((p) => isCapitalised(p)) && !notPersons.has(parts(w)[0] ?? '') && w.length > 1;

function tokenize(text: string): Token[] {
  return [...text.matchAll(/\p{L}+(?:-\p{L}+)*/gu)].map((m) => ({ text: m[0], index: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
}

/** True when only blanks separate two tokens (a comma or a parenthesis breaks a name). */
const adjacent = (text: string, a: Token, b: Token) => /^\s+$/.test(text.slice(a.end, b.index));

/** Every person name in `text`, in order. */
export function findNames(text: string): NameSpan[] {
  const tokens = tokenize(text);
  const found: NameSpan[] = [];
  const add = (from: Token, to: Token) => {
    const last = found[found.length - 1];
    if (last && last.index + last.match.length >= from.index) return;
    found.push({ match: text.slice(from.index, to.end), index: from.index });
  };
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i] as Token;
    const next = tokens[i + 1];
    const previous = tokens[i - 1];
    const afterPlaceWord = !!previous && adjacent(text, previous, w) && notPersons.has(parts(previous.text)[0] ?? '') && !personCues.has(foldText(previous.text));
    const cue = !!previous && personCues.has(foldText(previous.text)) && /^[\s:,]+$/.test(text.slice(previous.end, w.index));
    const initial = next && /^\s+$/.test(text.slice(w.end, next.index)) && next.text.length === 1 && text[next.end] === '.' && isCapitalised(next.text);
    if (isCapitalised(w.text) && !afterPlaceWord) {
      // « Océane Tremblay », « Jade L. », « Jessica Tremblay-Gagnon »
      if (isGiven(w.text) && next && adjacent(text, w, next) && (initial || (looksLikeSurname(next.text) && !isGiven(next.text)) || isSurname(next.text))) {
        add(w, initial ? { ...next, end: next.end + 1 } : next);
        i++;
        continue;
      }
      // « Maïka Bouchard »: any capitalised word before a known surname.
      if (!notPersons.has(parts(w.text)[0] ?? '') && next && adjacent(text, w, next) && isCapitalised(next.text) && isSurname(next.text)) {
        add(w, next);
        i++;
        continue;
      }
      // « daughter Alyssa », « la famille Simard-Boucher », « Florence » alone mid-sentence.
      if (cue && looksLikeSurname(w.text)) {
        add(w, w);
        continue;
      }
      if (isGiven(w.text) && !notPersons.has(parts(w.text)[0] ?? '')) {
        add(w, w);
        continue;
      }
    }
    // « rosalie gauthier », « noemie levesque »: typed in lower case.
    if (!isCapitalised(w.text) && isGiven(w.text) && !ordinaryWhenLower.has(foldText(w.text)) && next && adjacent(text, w, next) && isSurname(next.text) && !ordinarySurnames.has(foldText(next.text))) {
      add(w, next);
      i++;
    }
  }
  return found;
}
