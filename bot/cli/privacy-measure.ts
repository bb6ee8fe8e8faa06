/**
 * `npm run privacy:measure`: recall and false-warning rate of the personal-data check on the blind
 * set, for the tuning half and the locked half (`tests/privacy/`). `--misses` lists the tuning
 * half's errors (never the locked half's: it is not for tuning).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { findPersonalData } from '../core/privacy/find-personal-data.js';
import { repoPath } from '../paths.js';

/** One sentence of the set. */
export interface PrivacyCase {
  readonly q: string;
  readonly expect: 'identifying' | 'anonymous';
  readonly kind: string;
  readonly lang: string;
}

/** Figures of one half. */
export interface PrivacyFigures {
  readonly identifying: number;
  readonly anonymous: number;
  readonly recall: number;
  readonly falseWarnings: number;
  readonly missed: readonly PrivacyCase[];
  readonly flagged: readonly PrivacyCase[];
}

/** Reads a half of the set. */
export function readPrivacySet(name: 'tuning' | 'locked'): PrivacyCase[] {
  return parse(readFileSync(repoPath('tests', 'privacy', `privacy-${name}.yaml`), 'utf8')) as PrivacyCase[];
}

/** Recall on identifying sentences, false-warning rate on anonymous ones. */
export function measurePrivacy(cases: readonly PrivacyCase[]): PrivacyFigures {
  const identifying = cases.filter((c) => c.expect === 'identifying');
  const anonymous = cases.filter((c) => c.expect !== 'identifying');
  const missed = identifying.filter((c) => findPersonalData(c.q).length === 0);
  const flagged = anonymous.filter((c) => findPersonalData(c.q).length > 0);
  return {
    identifying: identifying.length,
    anonymous: anonymous.length,
    recall: (identifying.length - missed.length) / identifying.length,
    falseWarnings: flagged.length / anonymous.length,
    missed,
    flagged,
  };
}

const isMain = process.argv[1]?.endsWith('privacy-measure.ts') || process.argv[1]?.endsWith('privacy-measure.js');
if (isMain) {
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  for (const half of ['tuning', 'locked'] as const) {
    const f = measurePrivacy(readPrivacySet(half));
    console.log(`${half.padEnd(7)} recall ${pct(f.recall)} (${f.identifying - f.missed.length}/${f.identifying})  false warnings ${pct(f.falseWarnings)} (${f.flagged.length}/${f.anonymous})`);
    if (half === 'tuning' && process.argv.includes('--misses')) {
      for (const c of f.missed) console.log(`  missed [${c.kind}] ${c.q}`);
      for (const c of f.flagged) console.log(`  flagged ${JSON.stringify(findPersonalData(c.q))} ${c.q}`);
    }
  }
  console.log('targets on the locked half: recall >= 95 %, false warnings <= 10 %');
}
