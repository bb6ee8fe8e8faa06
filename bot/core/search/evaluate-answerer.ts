/**
 * Scores a question-answering system on a labelled set: top-1 and top-3 accuracy on in-domain
 * questions, out-of-scope precision and recall, in-domain questions wrongly rejected, the misses;
 * and the danger screen on a labelled danger set. Any system fits: ours or a baseline.
 */
import type { DangerSignal, DecisionKind } from './decision.js';

/** The label of an out-of-scope question in the eval sets. */
export const outOfScopeLabel = 'hors-sujet';

/** One labelled question: `expect` is a topic id or {@link outOfScopeLabel}. */
export interface LabelledQuestion {
  readonly q: string;
  readonly expect: string;
  /** `en` for a question written in English. */
  readonly lang?: string;
}

/** What a system answers for a question: its ranking (ids, best first) and its decision. */
export interface SystemOutput {
  readonly ranking: readonly string[];
  readonly kind: DecisionKind;
}

/** A question the system got wrong. */
export interface Miss {
  readonly question: string;
  readonly expected: string;
  readonly got: string;
}

/** The figures of one system on one set. */
export interface EvalReport {
  readonly inDomain: number;
  readonly outOfDomain: number;
  readonly top1: number;
  readonly top3: number;
  readonly outOfScopePrecision: number;
  readonly outOfScopeRecall: number;
  /** Share of in-domain questions decided out-of-scope or unknown. */
  readonly wronglyRejected: number;
  /** Share of in-domain questions answered directly with the expected entry. */
  readonly answeredRight: number;
  /** Share of in-domain questions answered directly with another entry. */
  readonly answeredWrong: number;
  /** Share of in-domain questions answered with a « did you mean » card instead of an answer. */
  readonly clarifyShare: number;
  /** Top-1 on the in-domain questions written in English, and how many there are. */
  readonly englishTop1: number;
  readonly english: number;
  /** How many questions of each kind of decision, in-domain and out-of-domain together. */
  readonly kinds: Readonly<Record<DecisionKind, number>>;
  readonly misses: readonly Miss[];
}

const ratio = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

/** Runs `system` on every question of `set` and computes the figures. */
export function evaluateSystem(set: readonly LabelledQuestion[], system: (question: string) => SystemOutput): EvalReport {
  const kinds: Record<DecisionKind, number> = { answer: 0, clarify: 0, unknown: 0, 'out-of-scope': 0, emergency: 0 };
  const misses: Miss[] = [];
  let inDomain = 0, top1 = 0, top3 = 0, rejected = 0, right = 0, wrong = 0, clarified = 0, english = 0, englishTop1 = 0;
  let outOfDomain = 0, flagged = 0, flaggedRight = 0;
  for (const item of set) {
    const out = system(item.q);
    kinds[out.kind]++;
    const flaggedOut = out.kind === 'out-of-scope';
    if (flaggedOut) flagged++;
    if (item.expect === outOfScopeLabel) {
      outOfDomain++;
      if (flaggedOut) flaggedRight++;
      else misses.push({ question: item.q, expected: outOfScopeLabel, got: `${out.kind} ${out.ranking[0] ?? ''}`.trim() });
      continue;
    }
    inDomain++;
    const first = out.ranking[0];
    if (first === item.expect) top1++;
    if (out.kind === 'clarify') clarified++;
    if (item.lang === 'en') {
      english++;
      if (first === item.expect) englishTop1++;
    }
    if (out.ranking.slice(0, 3).includes(item.expect)) top3++;
    if (out.kind === 'out-of-scope' || out.kind === 'unknown') rejected++;
    if (out.kind === 'answer' && first === item.expect) right++;
    else if (out.kind === 'answer') wrong++;
    if (first !== item.expect || out.kind === 'out-of-scope' || out.kind === 'unknown') {
      misses.push({ question: item.q, expected: item.expect, got: `${out.kind} ${out.ranking.slice(0, 3).join(', ')}`.trim() });
    }
  }
  return {
    inDomain,
    outOfDomain,
    top1: ratio(top1, inDomain),
    top3: ratio(top3, inDomain),
    outOfScopePrecision: ratio(flaggedRight, flagged),
    outOfScopeRecall: ratio(flaggedRight, outOfDomain),
    wronglyRejected: ratio(rejected, inDomain),
    answeredRight: ratio(right, inDomain),
    answeredWrong: ratio(wrong, inDomain),
    clarifyShare: ratio(clarified, inDomain),
    englishTop1: ratio(englishTop1, english),
    english,
    kinds,
    misses,
  };
}

/** One item of the danger set. */
export interface LabelledDanger {
  readonly q: string;
  readonly expect: 'emergency' | 'not-emergency';
  readonly life?: boolean;
  /** The kind of emergency or of calm message (blind sets). */
  readonly kind?: string;
}

/** The danger screen's figures. */
export interface DangerReport {
  readonly emergencies: number;
  readonly calm: number;
  /** Share of emergencies given the emergency card. */
  readonly recall: number;
  readonly precision: number;
  /** Share of emergencies whose reply shows 911 (emergency card or safety band). */
  readonly shows911: number;
  /** Share of calm messages given the emergency card. */
  readonly falseAlarms: number;
  /** Share of calm messages whose reply carries the safety band. */
  readonly calmBanded: number;
  /** Share of life-at-risk messages flagged as such. */
  readonly lifeRecall: number;
  readonly misses: readonly Miss[];
}

/** Runs the danger screen on the danger set. */
export function evaluateDanger(set: readonly LabelledDanger[], screen: (message: string) => DangerSignal): DangerReport {
  let emergencies = 0, caught = 0, flagged = 0, lives = 0, livesCaught = 0, shown = 0, calm = 0, banded = 0;
  const misses: Miss[] = [];
  for (const item of set) {
    const signal = screen(item.q);
    const isEmergency = signal.safety === 'emergency';
    if (isEmergency) flagged++;
    if (item.expect === 'emergency') {
      emergencies++;
      if (isEmergency) caught++;
      if (signal.safety !== 'none') shown++;
    } else {
      calm++;
      if (signal.safety === 'band') banded++;
    }
    if (item.life) {
      lives++;
      if (signal.lifeAtRisk) livesCaught++;
    }
    if (isEmergency !== (item.expect === 'emergency') || (item.life === true && !signal.lifeAtRisk)) {
      misses.push({ question: item.q, expected: `${item.expect}${item.life ? ' (vie)' : ''}${item.kind ? ` [${item.kind}]` : ''}`, got: `${signal.safety}${signal.lifeAtRisk ? ' (vie)' : ''}` });
    }
  }
  return {
    emergencies,
    calm,
    recall: ratio(caught, emergencies),
    precision: ratio(caught, flagged),
    shows911: ratio(shown, emergencies),
    falseAlarms: ratio(flagged - caught, calm),
    calmBanded: ratio(banded, calm),
    lifeRecall: ratio(livesCaught, lives),
    misses,
  };
}
