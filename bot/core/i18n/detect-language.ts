/**
 * Decides whether a message is French or English from its text, not from the client's locale
 * (Teams often reports en-US for French speakers). French wins ties and short, unclear messages.
 */
import { francAll } from 'franc-min';

export type Language = 'fr' | 'en';

/** Common English words that short messages and commands use; French has none of them (« a » is both). */
const englishMarkers = new Set([
  'help', 'what', 'how', 'the', 'is', 'are', 'do', 'does', 'can', 'should', 'who', 'where', 'when', 'why',
  'my', 'i', 'to', 'of', 'and', 'with', 'for', 'resources', 'trainings', 'training', 'registrations', 'it', 'this', 'that',
  "i'm", "it's", "don't", "can't", 'have', 'has', 'was', 'were', 'would', 'could', 'they', 'them', 'there', 'youth', 'teen',
  'report', 'child', 'girl', 'boy', 'hi', 'hello', 'thanks', 'please', 'about', 'she', 'he', 'her', 'his',
]);
const frenchMarkers = new Set([
  'aide', 'le', 'la', 'les', 'un', 'une', 'des', 'est', 'je', 'tu', 'il', 'elle', 'que', 'quoi', 'comment',
  'pour', 'avec', 'mon', 'ma', 'mes', 'du', 'de', 'et', 'ou', 'qui', 'bonjour', 'merci', 'formations',
  'ressources', 'inscriptions', 'demandes', 'jeune', 'fille', 'garçon', 'signaler', 'pas', 'faut',
  // Québec colloquial French and SMS spellings: French, however they are typed.
  'pis', 'chum', 'blonde', 'c', 'cé', 'ct', 'chu', 'chui', 'jsuis', 'jsp', 'ya', 'tsé', 'tse', 'ben', 'pcq', 'pk', 'mtn', 'jpense',
  'faque', 'icitte', 'pantoute', 'asteure', 'astheure', 'kessé', 'kosse', 'pu', 'sa', 'ça', 'ca', 'son', 'ses', 'ton', 'ta', 'au', 'aux',
  'ce', 'cette', 'dans', 'sur', 'si', 'en', 'y', 'qu', "c'est", "j'ai", "qu'elle", "qu'il", "est-ce", 'rien', 'gars', 'ado', 'quand', 'ans',
  'tu', 'vous', 'nous', 'on', 'mais', 'ou', 'où', 'parce', 'très', 'trop', 'ben', 'toute', 'tout', 'mettons', 'genre',
]);

/** Returns `en` only when the text is clearly English; `fr` otherwise. */
export function detectLanguage(text: string): Language {
  const words = text.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  let en = 0;
  let fr = 0;
  for (const w of words) {
    if (englishMarkers.has(w)) en++;
    if (frenchMarkers.has(w)) fr++;
  }
  if (en !== fr) return en > fr ? 'en' : 'fr';
  // Marker words tie: ask the trigram model, which needs some length to be reliable.
  if (text.length < 20) return 'fr';
  const [best, runnerUp] = francAll(text, { only: ['fra', 'eng'] });
  // franc scores the best language 1; English must win clearly, or French keeps it.
  return best?.[0] === 'eng' && (runnerUp?.[1] ?? 0) < 0.95 ? 'en' : 'fr';
}
