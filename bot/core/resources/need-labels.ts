/** How each need and territory reads in French and English (resource picker, result titles). */
import type { Language } from '../i18n/detect-language.js';
import { needs, territories, type Need, type Territory } from '../knowledge/types.js';

const labels: Record<Need, { fr: string; en: string }> = {
  urgence: { fr: 'Urgence', en: 'Emergency' },
  signalement: { fr: 'Signaler au DPJ', en: 'Report to the DPJ' },
  jeunes: { fr: 'Lignes pour les jeunes', en: 'Youth lines' },
  victimes: { fr: 'Aide aux victimes', en: 'Victim support' },
  cyber: { fr: 'Exploitation en ligne, images intimes', en: 'Online exploitation, intimate images' },
  garcons: { fr: 'Garçons', en: 'Boys' },
  lgbtq: { fr: 'Jeunes LGBTQ+', en: 'LGBTQ+ youth' },
  parents: { fr: 'Parents', en: 'Parents' },
  hebergement: { fr: 'Hébergement', en: 'Shelter' },
  police: { fr: 'Police', en: 'Police' },
  juridique: { fr: 'Juridique, processus judiciaire', en: 'Legal, court process' },
  suicide: { fr: 'Prévention du suicide', en: 'Suicide prevention' },
  intervenants: { fr: 'Soutien aux intervenants', en: 'Support for workers' },
};

/** The label of a need. */
export function needLabel(need: Need, lang: Language): string {
  return labels[need][lang];
}

/** Every need as a choice. */
export function needChoices(lang: Language): Array<{ value: Need; label: string }> {
  return needs.map((value) => ({ value, label: labels[value][lang] }));
}

/** Every territory as a choice, with "all" first. */
export function territoryChoices(lang: Language): Array<{ value: Territory | ''; label: string }> {
  return [{ value: '', label: lang === 'en' ? 'All' : 'Tous' }, ...territories.map((value) => ({ value, label: value }))];
}
