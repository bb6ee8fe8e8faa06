/**
 * Picks the referral resources for a question that asks for a number, a line, a service or a
 * contact (« numéro de la DPJ », « ligne pour les parents », « qui appeler »): the resources the
 * resource index finds for the question, with a bonus for those the answering entry lists.
 */
import type { GuideEntry, KnowledgeBase, Need, Resource } from '../knowledge/types.js';
import type { SearchIndex } from './build-index.js';
import type { DangerSignal } from './decision.js';
import { foldMessage } from '../text/fold-text.js';
import type { SearchOptions } from './search-options.js';

/** Phrasings of a request for a contact (folded text). */
export const contactRequests: readonly RegExp[] = [
  /\bnumeros?\b/, /\btelephone\b/, /\btel\b/, /\blignes?\b/, /\bappel(er|le|les|lez)\b/, /\bjoindre\b/, /\bcontact(er|s)?\b/,
  /\bcoordonnees\b/, /\bressources?\b/, /\borganismes?\b/, /\bservices? (pour|d'aide|qui)\b/, /\baide pour\b/,
  /\b(a|vers) qui (m'adresser|s'adresser|referer|je (refere|m'adresse))\b/, /\bou (m'adresser|s'adresser|referer|trouver de l'aide)\b/,
  /\bsite (web|internet)\b/, /\btexto\b/, /\bclavard/, /\bnumber\b/, /\bphone\b/, /\bcall\b/, /\bhotline\b/, /\bhelpline\b/,
];

/** Phrasings of a question about calling outside office hours or right now (folded text). */
export const offHoursRequests: readonly RegExp[] = [
  /\b(la|de|cette|en pleine) nuit\b/, /\b(ce|le|du|a) soir\b/, /\b(la |en |de )?fin de semaine\b/, /\bweek-?end\b/, /\b24 ?(h|heures)\b/, /\b24\/7\b/,
  /\bmaintenant\b/, /\btout de suite\b/, /\b(est |sont )?fermee?s?\b/, /\bjours? feries?\b/, /\bclosed\b/, /\bat night\b/, /\bovernight\b/, /\bright now\b/, /\bafter hours\b/,
];

/** True when the question asks whom to call at night, on a weekend or right now. */
export function asksOffHours(question: string): boolean {
  const text = foldMessage(question);
  return offHoursRequests.some((p) => p.test(text));
}

/**
 * Resources for a question about calling at night, on a weekend or now: those that answer now
 * (a verified 24/7 number or a short code) first, the matched ones among them before the rest of
 * the guide's, in the guide's order; at most `max`.
 */
export function resourcesAnsweringNow(knowledge: KnowledgeBase, matched: readonly Resource[], answersNow: (r: Resource) => boolean, max: number): Resource[] {
  const now = [...matched.filter(answersNow), ...knowledge.resources.filter((r) => answersNow(r) && !matched.includes(r))];
  return now.slice(0, max);
}

/** True when the question asks for a number, a line, a service or a contact. */
export function asksForContact(question: string): boolean {
  const text = foldMessage(question);
  return contactRequests.some((p) => p.test(text));
}

/**
 * The best resources for a question, best first, at most `maxResources`. The words of the request itself
 * (« numéro », « ligne », « appeler ») are taken out first: they would match resource names.
 */
export function matchResources(
  question: string,
  index: SearchIndex,
  knowledge: KnowledgeBase,
  answer: GuideEntry | undefined,
  options: Pick<SearchOptions, 'listedResourceBonus' | 'minResourceScore' | 'maxResources'>,
): Resource[] {
  const need = contactRequests.reduce((text, p) => text.replace(new RegExp(p.source, 'g'), ' '), foldMessage(question));
  const hits = index.search(need);
  const top = hits[0]?.score ?? 0;
  const scores = new Map<string, number>();
  for (const h of hits) scores.set(h.id, top > 0 ? h.score / top : 0);
  for (const id of answer?.resources ?? []) scores.set(id, (scores.get(id) ?? 0) + options.listedResourceBonus);
  return [...scores.entries()]
    .filter(([, score]) => score >= options.minResourceScore)
    .sort((a, b) => b[1] - a[1])
    .map(([id]) => knowledge.resourceById.get(id))
    .filter((r): r is Resource => r !== undefined)
    .slice(0, options.maxResources);
}

/**
 * The numbers a reply to a danger word shows, in the order a person in that moment needs them:
 * 911 first, the suicide line right after it when a life is at risk, then the DPJ report. The
 * emergency card adds the other urgent resources (police) after those; the safety band keeps
 * just the three. Chosen here once; the cards render them as given.
 */
export function safetyResources(knowledge: KnowledgeBase, danger: DangerSignal): Resource[] {
  if (danger.safety === 'none') return [];
  const wanted: Need[] = danger.lifeAtRisk ? ['urgence', 'suicide'] : ['urgence'];
  // The suicide line is for a life at risk only, even though it is also an urgent resource.
  const fits = (r: Resource) => r.needs.some((n) => wanted.includes(n)) && (danger.lifeAtRisk || !r.needs.includes('suicide'));
  const rank = (r: Resource) => {
    if (r.contacts.length > 0 && r.contacts.every((c) => c.value === '911')) return 0;
    if (danger.lifeAtRisk && r.needs.includes('suicide')) return 1;
    return r.needs.includes('signalement') ? 2 : 3;
  };
  // Array.prototype.sort is stable: the knowledge base's order stands within a rank.
  const ranked = knowledge.resources.filter(fits).sort((a, b) => rank(a) - rank(b));
  return danger.safety === 'band' ? ranked.filter((r) => rank(r) < 3) : ranked;
}
