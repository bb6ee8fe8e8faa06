/**
 * Turns referral resources into what a card shows. The rule for unverified contacts lives here,
 * once: their value is never shown; the card says once that some were left out, and says once what
 * the date means (checked against the Table's fact sheet, not confirmed with the organisation).
 */
import type { Language } from '../i18n/detect-language.js';
import type { Contact, KnowledgeBase, Need, Resource, Territory } from '../knowledge/types.js';
import { coveredBy } from './need-labels.js';
import { formatResource, resourceMessagesFor } from '../i18n/resources-messages.js';

/** One contact line ready for a card: text, and a link when there is one. */
export interface ContactLine {
  readonly text: string;
  readonly href?: string;
  /** The line as Markdown: a link when there is an href (tap-to-call in Teams). */
  readonly markdown: string;
  /** The contact's caveat (old source, hours unknown...), in the card's language. */
  readonly note?: string;
}

/** A resource as a card shows it. */
export interface ResourceView {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly lines: readonly ContactLine[];
  /** Set when the resource has no confirmed contact at all: what to do instead. */
  readonly caveat?: string;
}

/** Resources as a card shows them, with the two card-level notes said once. */
export interface ResourceListView {
  readonly resources: readonly ResourceView[];
  /** « Certaines coordonnées non confirmées ne sont pas affichées. » when a contact was left out. */
  readonly hiddenNote?: string;
  /** What the date means, with the earliest check date of the contacts shown. */
  readonly checkedNote?: string;
}

/** `tel:` URI of a North American number or short code. */
export function telHref(value: string): string {
  return `tel:${value.replace(/[^\d+]/g, '')}`;
}

function lineOf(c: Contact, lang: Language): ContactLine {
  const type = formatResource(lang, 'contactType', { type: c.type });
  const own = lang === 'en' ? c.en?.label : c.label;
  // "Clavardage – Clavardage" reads badly: a label that already names the type stands alone.
  const label = own?.toLowerCase().startsWith(type.toLowerCase()) ? own : [type, own].filter(Boolean).join(' – ');
  const hoursText = lang === 'en' ? c.en?.hours : c.hours;
  const hours = hoursText ? ` (${hoursText})` : '';
  const text = `${label}${resourceMessagesFor(lang).colon}${c.value}${hours}`;
  const href = c.type === 'phone' ? telHref(c.value) : c.type === 'text' ? `sms:${c.value.replace(/[^\d]/g, '')}` : /^https?:/.test(c.value) ? c.value : undefined;
  const note = lang === 'en' ? c.en?.note : c.note;
  return { text, href, markdown: href ? `[${text}](${href})` : text, ...(note ? { note } : {}) };
}

/** Two numbers with the same caveat show it once, under the second. */
function withoutRepeatedNotes(lines: ContactLine[]): ContactLine[] {
  return lines.map((line, i) => {
    if (line.note === undefined || lines[i + 1]?.note !== line.note) return line;
    const { note: _repeated, ...rest } = line;
    return rest;
  });
}

/** Presents one resource: verified contacts only, each with its caveat. */
export function presentResource(r: Resource, lang: Language): ResourceView {
  const verified = r.contacts.filter((c) => c.status === 'verified');
  return {
    id: r.id,
    name: (lang === 'en' && r.en?.name) || r.name,
    description: (lang === 'en' && r.en?.description) || r.description,
    lines: withoutRepeatedNotes(verified.map((c) => lineOf(c, lang))),
    ...(verified.length === 0 ? { caveat: resourceMessagesFor(lang).noneConfirmed } : {}),
  };
}

/** Presents resources for one card: each resource, then the hidden-contacts and date notes once. */
export function presentResources(resources: readonly Resource[], lang: Language): ResourceListView {
  const t = resourceMessagesFor(lang);
  const shown = resources.flatMap((r) => r.contacts.filter((c) => c.status === 'verified'));
  // A resource with nothing confirmed already says so itself; the card note is for the partly hidden ones.
  const partlyHidden = resources.some((r) => r.contacts.some((c) => c.status === 'unverified') && r.contacts.some((c) => c.status === 'verified'));
  const earliest = shown.map((c) => c.verifiedOn).sort()[0];
  return {
    resources: resources.map((r) => presentResource(r, lang)),
    ...(partlyHidden ? { hiddenNote: t.someHidden } : {}),
    ...(earliest ? { checkedNote: formatResource(lang, 'checkedAgainstFactSheet', { date: earliest }) } : {}),
  };
}

/** True when a resource has a confirmed contact that answers now: a 24-hour line or a short code (911, 811). */
export function callableNow(r: Resource): boolean {
  return r.contacts.some((c) => c.status === 'verified' && c.type !== 'web' && (/^\d{3}$/.test(c.value) || /24/.test(c.hours ?? '')));
}

/** True when `text` names the resource (one of its `mentions`, or its name), case-insensitively. */
export function namedIn(text: string, r: Resource): boolean {
  const lower = text.toLowerCase();
  return [...(r.mentions ?? []), r.name].some((m) => lower.includes(m.toLowerCase()));
}

/** Most resources an answer card shows. */
export const maxAnswerResources = 5;

/**
 * The resources of an answer card, in the order a worker needs them: 911 first; the suicide line
 * next when the answer speaks of suicide; then those the text names, those that answer now, the
 * rest in the entry's order. Resources with nothing confirmed to show are left out (the text says
 * whom to call instead); at most {@link maxAnswerResources}.
 */
export function orderAnswerResources(kb: KnowledgeBase, ids: readonly string[], answer: string): Resource[] {
  const list = resourcesByIds(kb, ids).filter((r) => r.contacts.some((c) => c.status === 'verified'));
  const suicide = /suicid/i.test(answer);
  const rank = (r: Resource) => {
    if (r.id === 'urgence-911') return 0;
    if (suicide && r.needs.includes('suicide')) return 1;
    const named = namedIn(answer, r);
    const now = callableNow(r);
    return named && now ? 2 : named ? 3 : now ? 4 : 5;
  };
  // Array.prototype.sort is stable: equal ranks keep the entry's order.
  return [...list].sort((a, b) => rank(a) - rank(b)).slice(0, maxAnswerResources);
}

/**
 * Resources for a need, and optionally a territory: a territory also gets the lines that cover it
 * (a province-wide line serves the Capitale-Nationale). Those with a confirmed contact first, then
 * those that answer now, then the narrowest territory first. When a territory leaves nothing the
 * worker can act on (no national shelter, say), the need's resources of every territory follow, so
 * a list never ends without something to call.
 */
export function findResources(kb: KnowledgeBase, need: Need, territory?: Territory): Resource[] {
  const hasVerified = (r: Resource) => r.contacts.some((c) => c.status === 'verified');
  const reach = (r: Resource) => ['Capitale-Nationale', 'Québec', 'Canada'].indexOf(r.territory);
  const ofNeed = kb.resources
    .filter((r) => r.needs.includes(need))
    .sort((a, b) => Number(hasVerified(b)) - Number(hasVerified(a)) || Number(callableNow(b)) - Number(callableNow(a)) || reach(a) - reach(b));
  if (!territory) return ofNeed;
  const here = ofNeed.filter((r) => coveredBy(territory).includes(r.territory));
  return here.some(hasVerified) ? here : [...here, ...ofNeed.filter((r) => !here.includes(r))];
}

/** Resources by id, in the order given, skipping unknown ids. */
export function resourcesByIds(kb: KnowledgeBase, ids: readonly string[]): Resource[] {
  return ids.map((id) => kb.resourceById.get(id)).filter((r): r is Resource => r !== undefined);
}
