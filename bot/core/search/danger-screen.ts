/**
 * Immediate-danger screen, run before any search. It looks for signs that a child is in danger
 * now (confined, beaten, forced, handed to a client) or that a life is at risk (suicide, threat to
 * kill, weapon, overdose), and discounts the same words when the message is general, past or about
 * training (« l'an dernier son pimp l'a séquestrée », « dans le film le pimp menace de la tuer »).
 * Patterns run on folded text (lower case, no accents); in doubt the screen errs towards safety.
 */
import type { DangerSignal } from './decision.js';
import { foldText } from './french-analyzer.js';

/** Signs that a life is at risk. */
export const lifeCues: readonly RegExp[] = [
  /\bse suicid/, /\bsuicidaire/, /\btentative de suicide/, /\bse (tuer|pendre|jeter)\b/, /\bveu[tx] mourir\b/, /\ben finir\b/,
  /\bveu[tx] (pas|plus|pu) vivre\b/,
  /\bsauter (du|d'un|en bas)/, /\b(pris|prendre|avale|avaler) (toutes )?(ses|mes|des|tous ses) (pilules|medicaments|comprimes)/,
  /\b(overdose|surdose)\b/, /\btuer\b/, /\ba mort\b/, /\b(gun|arme|fusil|pistolet|revolver|couteau|knife|machette)s?\b/,
  /\betrangl/, /\bsaigne/, /\binconscient/, /\bne respire/, /\brespire (pu|plus|pas)\b/,
  /\bkill (her|him|them|my)sel(f|ves)\b/, /\bwants? to die\b/, /\bsuicidal\b/,
];

/** Signs that a child is being harmed or held now. */
export const harmCues: readonly RegExp[] = [
  /\bsequestr/, /\benfermee?s?\b/, /\b(la|le|les|l') ?retien(t|nent)\b/, /\bretenue?s? (par|contre|de force)\b/, /\b(peut|peuvent) (pas|plus|pu) (sortir|partir)\b/,
  /\bforc(e|ent|er|ee|ees)\b (a|de)\b/, /\bde force\b/, /\b(battre|bat|frappe|frappent|frapper|tabass|brutalis)/, /\bagress(e|ee|er|ent)\b/,
  /\bse fait (agresser|violer|battre|frapper|etrangler)/, /\bviol(e|ee|er|ent)\b/, /\blivree?s? a\b/, /\b(est|sont) en danger\b/,
  /\b(is|are) being (held|beaten|raped|abused|trafficked)\b/, /\bkidnapp/,
];

/** Cues that count only with a time marker of now (a transfer, a pick-up, a man with a child). */
export const harmIfNowCues: readonly RegExp[] = [
  /\b(amenee?s?|emmenee?s?|transportee?s?|deplacee?s?) a\b/, /\bvient la chercher\b/, /\bs'en vient\b/, /\bavec (un|son|le) (homme|client|adulte|gars|pimp|proxenete)\b/,
  /\b(client|homme|adulte|pimp|proxenete)s? (est|sont) avec\b/,
];

/** Markers that the danger is happening now. */
export const nowMarkers: readonly RegExp[] = [
  /\ben ce moment\b/, /\bpresentement\b/, /\bmaintenant\b/, /\bla la\b/, /\btout de suite\b/, /\bce soir\b/, /\bcette nuit\b/,
  /\ben train de\b/, /\bvient de\b/, /\bdans \d+ ?(minutes?|min|heures?|h)\b/, /\bimmediatement\b/, /\bright now\b/, /\btonight\b/, /\bnow\b/,
];

/** Markers of a past event. */
export const pastMarkers: readonly RegExp[] = [
  /\bl'(an|annee) (derniere?|passee)\b/, /\bil y a (\d+|deux|trois|quatre|quelques|plusieurs) (ans|annees|mois|semaines)\b/,
  /\b(le mois|l'ete|l'hiver) (passe|dernier)\b/, /\bla semaine (passee|derniere)\b/, /\blast (year|month|week)\b/, /\bdans le passe\b/, /\bautrefois\b/, /\b(years|months) ago\b/,
];

/** Markers of a general, training or fictional context. */
export const generalMarkers: readonly RegExp[] = [
  /\ben general\b/, /\bstatistique/, /\bformation\b/, /\batelier\b/, /\bfilm\b/, /\bdocumentaire\b/, /\bcas fictif\b/,
  /\bmise en situation\b/, /\bscenario\b/, /\bexercice\b/, /\broman\b/, /\bserie\b/, /\bin general\b/, /\bstatistics\b/,
  // A definition or a what-if question: « c'est quoi la séquestration », « quoi faire si elle est enfermée ».
  /\b(qu'est-ce que|c'est quoi) (la|le|l'|les|un|une)\b/, /\bwhat is\b/,
  /\b(quoi faire|que faire|comment (reagir|intervenir|faire|agir)) (si|quand|lorsqu'?)\b/, /\bwhat (to do|should i do) (if|when)\b/,
];

const negated = (text: string, index: number, length: number) =>
  /^\s+(pas|jamais|plus|pu)\b/.test(text.slice(index + length)) || /\b(pas|jamais)\s+$/.test(text.slice(Math.max(0, index - 12), index));

function hasCue(text: string, cues: readonly RegExp[]): boolean {
  return cues.some((cue) => {
    const found = new RegExp(cue.source, 'g');
    for (let m = found.exec(text); m; m = found.exec(text)) if (!negated(text, m.index, m[0].length)) return true;
    return false;
  });
}

const hasAny = (text: string, markers: readonly RegExp[]) => markers.some((m) => m.test(text));

/** Screens a message for immediate danger; both flags are false for general, past or training mentions. */
export function screenDanger(message: string): DangerSignal {
  const text = foldText(message).replace(/[’‘`´]/g, "'").replace(/\s+/g, ' ');
  const now = hasAny(text, nowMarkers);
  // A time marker of now outweighs past and general framing; without it, either one discounts the cues.
  const discounted = !now && (hasAny(text, pastMarkers) || hasAny(text, generalMarkers));
  if (discounted) return { immediate: false, lifeAtRisk: false };
  const lifeAtRisk = hasCue(text, lifeCues);
  const immediate = lifeAtRisk || hasCue(text, harmCues) || (now && hasCue(text, harmIfNowCues));
  return { immediate, lifeAtRisk };
}
