/**
 * Cross-checks a parsed knowledge base: unique ids, references that exist, every required topic
 * covered, phone formats; and the warnings that do not stop the bot (stale reviews, long answers,
 * a question asked in two entries).
 */
import { foldToAscii } from '../text/fold-text.js';
import { checkEntryTexts } from './check-text.js';
import type { ContentProblem, GuideEntry, Resource, SourceName } from './types.js';

/** A review or verification older than this many days is flagged. */
export const staleAfterDays = 365;

/** North American number (optional leading 1) or an emergency/short code such as 911, 811, 535353. */
const phonePattern = /^(?:(?:\+?1[ -])?\(?\d{3}\)?[ -]\d{3}-\d{4}|\d{3}|\d{5,6})$/;

/** True when `value` is a phone number or short code Balise accepts. */
export function isValidPhone(value: string): boolean {
  return phonePattern.test(value.trim());
}

/** Lower-case, accent-free, punctuation-free text, to compare questions. */
export function normalizeQuestion(q: string): string {
  return foldToAscii(q, ' ').trim();
}

function daysBetween(isoDate: string, today: Date): number {
  return (today.getTime() - new Date(`${isoDate}T00:00:00Z`).getTime()) / 86_400_000;
}

interface CheckInput {
  readonly entries: readonly GuideEntry[];
  readonly resources: readonly Resource[];
  readonly topics: ReadonlyArray<{ id: string; line: number }>;
  /** Ids of entries and resources already reported as invalid: references to them are not errors again. */
  readonly invalidIds?: readonly string[];
  /** Names of sources (`sources.yaml`); when given, every cited key must have one. Default: not checked. */
  readonly sourceNames?: ReadonlyMap<string, SourceName>;
  readonly today: Date;
}

/** Returns every cross-reference problem and warning. */
export function checkKnowledge({ entries, resources, topics, invalidIds = [], sourceNames, today }: CheckInput): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const at = (o: { file: string; line: number }) => ({ file: o.file, line: o.line });

  const seen = new Map<string, GuideEntry>();
  for (const e of entries) {
    const first = seen.get(e.id);
    if (first) problems.push({ code: 'duplicate-id', severity: 'error', ...at(e.origin), message: `id « ${e.id} » déjà utilisé (${first.origin.file}:${first.origin.line})` });
    else seen.set(e.id, e);
  }
  const resourceIds = new Map<string, Resource>();
  for (const r of resources) {
    const first = resourceIds.get(r.id);
    if (first) problems.push({ code: 'duplicate-id', severity: 'error', ...at(r.origin), message: `ressource « ${r.id} » déjà définie (ligne ${first.origin.line})` });
    else resourceIds.set(r.id, r);
  }

  const reported = new Set(invalidIds);
  const questionOwner = new Map<string, string>();
  for (const e of entries) {
    for (const rel of e.related) {
      if (!seen.has(rel) && !reported.has(rel)) problems.push({ code: 'unknown-related', severity: 'error', ...at(e.origin), message: `${e.id} : related « ${rel} » n'existe pas` });
    }
    for (const res of e.resources) {
      const resource = resourceIds.get(res);
      if (!resource && !reported.has(res)) problems.push({ code: 'unknown-resource', severity: 'error', ...at(e.origin), message: `${e.id} : ressource « ${res} » n'existe pas dans ressources.yaml` });
      // A resource with no confirmed contact shows nothing on an answer card: say whom to call in the text instead.
      if (resource && !resource.contacts.some((c) => c.status === 'verified')) {
        problems.push({ code: 'resource-not-shown', severity: 'warning', ...at(e.origin), message: `${e.id} : la ressource « ${res} » n'a aucune coordonnée confirmée et n'apparaîtra pas sur la carte` });
      }
    }
    for (const s of sourceNames ? e.sources : []) {
      if (!sourceNames?.has(s.key)) problems.push({ code: 'unknown-source', severity: 'error', ...at(e.origin), message: `${e.id} : la source ${s.key} n'a pas de nom dans sources.yaml` });
    }
    if (daysBetween(e.reviewedOn, today) > staleAfterDays) {
      problems.push({ code: 'stale-review', severity: 'warning', ...at(e.origin), message: `${e.id} : révisé le ${e.reviewedOn}, il y a plus de 12 mois` });
    }
    for (const q of e.questions) {
      const key = normalizeQuestion(q);
      const owner = questionOwner.get(key);
      if (owner && owner !== e.id) problems.push({ code: 'duplicate-question', severity: 'warning', ...at(e.origin), message: `${e.id} : la question « ${q} » est aussi dans ${owner}` });
      else questionOwner.set(key, e.id);
    }
  }

  problems.push(...checkEntryTexts(entries));

  for (const r of resources) {
    if (!r.en?.name || !r.en.description) problems.push({ code: 'missing-english', severity: 'warning', ...at(r.origin), message: `${r.id} : nom ou description sans version anglaise (en.name, en.description)` });
    for (const c of r.contacts) {
      // Only what a card shows needs English: the label, hours and note of a verified contact.
      const untranslated = c.status === 'verified' ? (['label', 'hours', 'note'] as const).filter((k) => c[k] !== undefined && c.en?.[k] === undefined) : [];
      if (untranslated.length > 0) problems.push({ code: 'missing-english', severity: 'warning', ...at(r.origin), message: `${r.id} : coordonnée « ${c.value} » sans anglais pour ${untranslated.join(', ')} (en.${untranslated[0]})` });
      if ((c.type === 'phone' || c.type === 'text') && !isValidPhone(c.value)) {
        problems.push({ code: 'invalid-phone', severity: 'error', ...at(r.origin), message: `${r.id} : « ${c.value} » n'est pas un numéro nord-américain valide (ex. 418 661-6951, 1 800 463-4834, 911)` });
      }
      if (daysBetween(c.verifiedOn, today) > staleAfterDays) {
        problems.push({ code: 'stale-verification', severity: 'warning', ...at(r.origin), message: `${r.id} : coordonnée « ${c.value} » vérifiée le ${c.verifiedOn}, il y a plus de 12 mois` });
      }
    }
  }

  for (const t of topics) {
    if (!seen.has(t.id) && !reported.has(t.id)) problems.push({ code: 'missing-topic', severity: 'error', file: 'sujets.yaml', line: t.line, message: `le sujet obligatoire « ${t.id} » n'a pas d'entrée dans guide/` });
  }
  return problems;
}
