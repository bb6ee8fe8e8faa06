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

// « Québec » alone reads as the city as much as the province: every label says which.
const territoryLabels: Record<Territory, { fr: string; en: string }> = {
  'Capitale-Nationale': { fr: 'Région de la Capitale-Nationale', en: 'Capitale-Nationale region (Québec City area)' },
  Québec: { fr: 'Ensemble du Québec (province)', en: 'All of Québec (province)' },
  Canada: { fr: 'Canada (services pancanadiens)', en: 'Canada-wide services' },
};

/** The label of a need. */
export function needLabel(need: Need, lang: Language): string {
  return labels[need][lang];
}

/** The label of a territory. */
export function territoryLabel(territory: Territory, lang: Language): string {
  return territoryLabels[territory][lang];
}

/** The territories whose resources serve people in `territory`: itself and the wider ones. */
export function coveredBy(territory: Territory): Territory[] {
  return territories.slice(territories.indexOf(territory));
}

/** Every need as a choice. */
export function needChoices(lang: Language): Array<{ value: Need; label: string }> {
  return needs.map((value) => ({ value, label: labels[value][lang] }));
}

/** Every territory as a choice, with "all" first. */
export function territoryChoices(lang: Language): Array<{ value: Territory | ''; label: string }> {
  return [{ value: '', label: lang === 'en' ? 'All resources' : 'Toutes les ressources' }, ...territories.map((value) => ({ value, label: territoryLabels[value][lang] }))];
}

/** The title of a resource list: « Ressources : Hébergement — Région de la Capitale-Nationale ». */
export function resourcesTitle(need: Need, territory: Territory | undefined, lang: Language): string {
  const head = lang === 'en' ? 'Resources:' : 'Ressources :';
  return `${head} ${labels[need][lang]}${territory ? ` — ${territoryLabels[territory][lang]}` : ''}`;
}
