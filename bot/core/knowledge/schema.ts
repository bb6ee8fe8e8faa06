/**
 * The content contract, as zod schemas: what a guide entry and a resource must hold.
 * `docs/knowledge-format.md` documents the same contract for editors; `npm run kb:schema`
 * writes a JSON Schema from these for YAML editors.
 */
import { z } from 'zod';
import { audiences, categories, needs, territories } from './types.js';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date attendue au format AAAA-MM-JJ');
const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'identifiant attendu en minuscules-avec-tirets');
const text = z.string().trim().min(1, 'texte vide');

/** `key` is a fact-sheet source key (S1, S25b...) or `seed`; fact-sheet keys carry their URL. */
export const sourceSchema = z
  .object({ key: z.string().regex(/^(S\d+[a-z]?|seed)$/, 'clé de source attendue : S<numéro> ou seed'), url: z.string().url('URL invalide').optional() })
  .strict()
  .refine((s) => s.key === 'seed' || s.url !== undefined, { message: 'une source de la fiche factuelle doit donner son URL', path: ['url'] });

export const guideEntrySchema = z
  .object({
    id,
    title: text,
    label: text.optional(),
    category: z.enum(categories),
    audience: z.array(z.enum(audiences)).optional(),
    questions: z.array(text).min(3, 'au moins 3 questions').max(8, 'au plus 8 questions'),
    keywords: z.array(text).min(1, 'au moins un mot-clé'),
    answer: text,
    related: z.array(id),
    resources: z.array(id),
    sources: z.array(sourceSchema).min(1, 'au moins une source'),
    reviewedOn: date,
    en: z.object({ title: text, label: text.optional(), questions: z.array(text).optional(), answer: text }).strict().optional(),
  })
  .strict();

export const contactSchema = z
  .object({
    type: z.enum(['phone', 'text', 'web', 'chat']),
    value: text,
    label: text.optional(),
    hours: text.optional(),
    status: z.enum(['verified', 'unverified']),
    verifiedOn: date,
    /** Required for a verified contact; an unverified one may have none (its note says why). */
    source: sourceSchema.optional(),
    note: text.optional(),
    en: z.object({ label: text.optional(), hours: text.optional(), note: text.optional() }).strict().optional(),
  })
  .strict()
  .refine((c) => c.status === 'unverified' || c.source !== undefined, { message: 'une coordonnée vérifiée doit citer sa source', path: ['source'] });

export const resourceSchema = z
  .object({
    id,
    name: text,
    description: text,
    needs: z.array(z.enum(needs)).min(1, 'au moins un besoin'),
    territory: z.enum(territories),
    audience: z.array(z.enum(audiences)).min(1, 'au moins un public'),
    contacts: z.array(contactSchema).min(1, 'au moins un moyen de joindre la ressource'),
    mentions: z.array(text).optional(),
    en: z.object({ name: text.optional(), description: text.optional() }).strict().optional(),
  })
  .strict();

/** One line of `sources.yaml`: how a fact-sheet source is named on cards. */
export const sourceNameSchema = z
  .object({ key: z.string().regex(/^(S\d+[a-z]?|seed)$/, 'clé de source attendue : S<numéro> ou seed'), org: text, title: text, url: z.string().url('URL invalide').optional() })
  .strict();

export const synonymsSchema = z.array(z.array(text).min(2, 'un groupe de synonymes a au moins 2 termes'));

/** zod's messages in French, so a coordinator reads every problem in one language. */
export const frenchErrorMap: z.ZodErrorMap = (issue, ctx) => {
  switch (issue.code) {
    case 'invalid_type':
      return { message: issue.received === 'undefined' ? 'champ obligatoire manquant' : `type attendu : ${issue.expected}, reçu : ${issue.received}` };
    case 'invalid_enum_value':
      return { message: `valeur « ${String(issue.received)} » inconnue ; valeurs permises : ${issue.options.join(', ')}` };
    case 'unrecognized_keys':
      return { message: `champ(s) inconnu(s) : ${issue.keys.join(', ')}` };
    default:
      return { message: ctx.defaultError };
  }
};
