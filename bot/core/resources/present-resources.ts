/**
 * Turns referral resources into what a card shows. The rule for unverified contacts lives here,
 * once: their value is never shown; the resource says its contact is to be confirmed.
 */
import type { Language } from '../i18n/detect-language.js';
import type { Contact, KnowledgeBase, Need, Resource, Territory } from '../knowledge/types.js';

/** One contact line ready for a card: text, and a link when there is one. */
export interface ContactLine {
  readonly text: string;
  readonly href?: string;
  /** The line as Markdown: a link when there is an href (tap-to-call in Teams). */
  readonly markdown: string;
}

/** A resource as a card shows it. */
export interface ResourceView {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly lines: readonly ContactLine[];
  /** Set when at least one contact was left out because it is not verified. */
  readonly caveat?: string;
  readonly verifiedOn?: string;
}

const typeLabel = { fr: { phone: 'Téléphone', text: 'Texto', web: 'Site', chat: 'Clavardage' }, en: { phone: 'Phone', text: 'Text', web: 'Website', chat: 'Chat' } };

/** `tel:` URI of a North American number or short code. */
export function telHref(value: string): string {
  return `tel:${value.replace(/[^\d+]/g, '')}`;
}

function lineOf(c: Contact, lang: Language): ContactLine {
  const line = rawLineOf(c, lang);
  return { ...line, markdown: line.href ? `[${line.text}](${line.href})` : line.text };
}

function rawLineOf(c: Contact, lang: Language): Omit<ContactLine, 'markdown'> {
  // "Clavardage – Clavardage" reads badly: a label that already names the type stands alone.
  const type = typeLabel[lang][c.type];
  const label = c.label?.toLowerCase().startsWith(type.toLowerCase()) ? c.label : [type, c.label].filter(Boolean).join(' – ');
  const hours = c.hours ? ` (${c.hours})` : '';
  if (c.type === 'phone') return { text: `${label} : ${c.value}${hours}`, href: telHref(c.value) };
  if (c.type === 'text') return { text: `${label} : ${c.value}${hours}`, href: `sms:${c.value.replace(/[^\d]/g, '')}` };
  return { text: `${label} : ${c.value}${hours}`, href: /^https?:/.test(c.value) ? c.value : undefined };
}

/** Presents a resource: verified contacts only, with the date they were checked. */
export function presentResource(r: Resource, lang: Language): ResourceView {
  const verified = r.contacts.filter((c) => c.status === 'verified');
  const hidden = r.contacts.length - verified.length;
  const dates = verified.map((c) => c.verifiedOn).sort();
  const caveat =
    hidden === 0
      ? undefined
      : lang === 'en'
        ? verified.length === 0
          ? 'Contact details not confirmed: check the official website before using them.'
          : 'Some contact details are not confirmed and are not shown.'
        : verified.length === 0
          ? 'Coordonnées non confirmées : vérifiez sur le site officiel avant de les utiliser.'
          : 'Certaines coordonnées non confirmées ne sont pas affichées.';
  return {
    id: r.id,
    name: (lang === 'en' && r.en?.name) || r.name,
    description: (lang === 'en' && r.en?.description) || r.description,
    lines: verified.map((c) => lineOf(c, lang)),
    caveat,
    verifiedOn: dates[0],
  };
}

/** Resources for a need (and optionally a territory), those with a verified contact first. */
export function findResources(kb: KnowledgeBase, need: Need, territory?: Territory): Resource[] {
  const hasVerified = (r: Resource) => r.contacts.some((c) => c.status === 'verified');
  return kb.resources
    .filter((r) => r.needs.includes(need) && (!territory || r.territory === territory))
    .sort((a, b) => Number(hasVerified(b)) - Number(hasVerified(a)));
}

/** Resources by id, in the order given, skipping unknown ids. */
export function resourcesByIds(kb: KnowledgeBase, ids: readonly string[]): Resource[] {
  return ids.map((id) => kb.resourceById.get(id)).filter((r): r is Resource => r !== undefined);
}
