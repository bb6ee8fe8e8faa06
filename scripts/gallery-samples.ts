/** Every card of Balise with realistic sample data, for the gallery (and a glance in review). */
import { messagesFor } from '../bot/core/i18n/messages.js';
import { loadKnowledge } from '../bot/core/knowledge/load-knowledge.js';
import { needChoices, resourcesTitle, territoryChoices } from '../bot/core/resources/need-labels.js';
import { findResources } from '../bot/core/resources/present-resources.js';
import { repoPath } from '../bot/paths.js';
import { safetyResources } from '../bot/core/search/match-resources.js';
import { renderAnswerCard, renderClarifyCard, renderEmergencyCard, renderOutOfScopeCard, renderResourcesCard, renderSafetyBand, renderUnknownCard } from '../bot/teams/cards/answer-cards.js';
import { renderErrorCard, renderHelpCard, renderWelcomeCard } from '../bot/teams/cards/basic-cards.js';
import { renderCard, type CardAttachment } from '../bot/teams/cards/render-card.js';
import { consultationSamples, trainingSamples } from './gallery-samples-workflows.js';

/** The moment every sample is drawn at, so the gallery is the same on every run. */
const galleryNow = new Date('2026-11-28T15:00:00Z');

/** [name, card] pairs, in the order a person meets them. */
export function gallerySamples(): Array<[string, CardAttachment]> {
  const kb = loadKnowledge(repoPath('knowledge')).knowledge;
  if (!kb) throw new Error('gallery: the knowledge base has errors (npm run kb:check)');
  const fr = messagesFor('fr');
  const en = messagesFor('en');
  const calm = { safety: 'emergency', immediate: true, lifeAtRisk: false } as const;
  const life = { ...calm, lifeAtRisk: true } as const;
  const band = { safety: 'band', immediate: false, lifeAtRisk: false } as const;
  const bandLife = { ...band, lifeAtRisk: true } as const;
  const entry = (id: string) => {
    const e = kb.entryById.get(id);
    if (!e) throw new Error(`gallery: no entry ${id}`);
    return e;
  };
  return [
    ['welcome', renderWelcomeCard(fr)],
    ['help', renderHelpCard(fr, false)],
    ['help-coordinator', renderHelpCard(fr, true)],
    ['answer', renderAnswerCard(entry('signes-alerte-jeune'), kb, fr, 'signes recrutement')],
    ['answer-en', renderAnswerCard(entry('obligation-signalement-dpj'), kb, en, 'do I have to report')],
    ['emergency', renderEmergencyCard(calm, safetyResources(kb, calm), fr)],
    ['emergency-life-at-risk', renderEmergencyCard(life, safetyResources(kb, life), fr)],
    ['safety-band', renderSafetyBand(band, safetyResources(kb, band), fr)],
    ['safety-band-life', renderSafetyBand(bandLife, safetyResources(kb, bandLife), fr)],
    ['answer-immediate-danger', renderAnswerCard(entry('securite-immediate'), kb, fr, 'elle est avec son pimp, j\'appelle qui')],
    ['answer-report-dpj', renderAnswerCard(entry('comment-signaler-dpj'), kb, fr, 'comment signaler')],
    ['clarify', renderClarifyCard([entry('obligation-signalement-dpj'), entry('comment-signaler-dpj'), entry('signalement-police')], fr)],
    ['unknown', renderUnknownCard(fr)],
    ['out-of-scope', renderOutOfScopeCard(fr)],
    ['resource-picker', renderCard('resource-picker', fr, { needs: needChoices('fr'), territories: territoryChoices('fr') })],
    ['resources-parents', renderResourcesCard(resourcesTitle('parents', undefined, 'fr'), findResources(kb, 'parents'), fr)],
    ['resources-signalement', renderResourcesCard(resourcesTitle('signalement', undefined, 'fr'), findResources(kb, 'signalement'), fr)],
    ['resources-hebergement', renderResourcesCard(resourcesTitle('hebergement', 'Capitale-Nationale', 'fr'), findResources(kb, 'hebergement', 'Capitale-Nationale'), fr)],
    ['resources-victimes', renderResourcesCard(resourcesTitle('victimes', 'Capitale-Nationale', 'fr'), findResources(kb, 'victimes', 'Capitale-Nationale'), fr)],
    ['resources-signalement-en', renderResourcesCard(resourcesTitle('signalement', undefined, 'en'), findResources(kb, 'signalement'), en)],
    ['error', renderErrorCard(fr, '3f2a9c1e-7d4b-4e2a-9a51-0c6f8b2d1e77')],
    ...trainingSamples(fr, galleryNow),
    ...consultationSamples(fr, galleryNow),
  ];
}
