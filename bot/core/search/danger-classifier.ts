/**
 * The danger classifier (text-classifier.ts, logistic regression), which the danger screen adds to
 * its rules: the rules know the vocabulary someone wrote down, the classifier recognises the many
 * other ways people say the same thing (« se fait fesser », « cadenas sur la porte »). It is
 * trained by scripts/train-danger-model.ts on the tuning halves only and stored as weights in
 * danger-model.json; its threshold was chosen by cross-validation there, not on the locked half.
 */
import { readFileSync } from 'node:fs';
import { repoPath } from '../../paths.js';
import { scoreFeatures, type TextModel } from './text-classifier.js';

/** The danger model: a text model and the two thresholds chosen by cross-validation. */
export interface DangerModel extends TextModel {
  /** Score at or above which a message gets the emergency card. */
  readonly emergencyThreshold: number;
  /** Score at or above which a message gets the safety band. */
  readonly bandThreshold: number;
  /**
   * Score below which a rules emergency gets the safety band instead of the emergency card (911
   * stays shown), when the message holds no sure sign of now: chosen by cross-validation one unit of
   * log odds below the lowest-scored such emergency the rules caught. Absent: the classifier never
   * lowers the rules' tier.
   */
  readonly vetoThreshold?: number;
  /**
   * Life at risk among emergencies (the suicide line joins 911): a second text model, trained on
   * the tuning emergencies labelled `life`, with its threshold chosen by cross-validation. It may
   * only add « life at risk » to what the rules found, never remove it.
   */
  readonly life?: TextModel & { readonly threshold: number };
}

/** The danger model's score for a normalised message's features (`textFeatures`): log odds of an emergency. */
export const scoreDanger = (model: DangerModel, features: ReadonlySet<string>): number => scoreFeatures(model, features);

let stored: DangerModel | undefined;

/** Where the trained model is kept (read at run time from the repository, as the card templates are). */
export const dangerModelPath = repoPath('bot', 'core', 'search', 'danger-model.json');

/** The shipped model, loaded on first use. */
export function storedDangerModel(): DangerModel {
  stored ??= JSON.parse(readFileSync(dangerModelPath, 'utf8')) as DangerModel;
  return stored;
}
