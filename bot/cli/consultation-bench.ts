/**
 * `npx tsx bot/cli/consultation-bench.ts [--requests 200] [--concurrency 4] [--failure-rate 0.3]`:
 * workers submit consultation requests through the real HTTP pipeline (POST /api/messages of a bot
 * started by `startBot`, memory storage) and the alerts travel through the real outbox and Teams
 * sender to a local Bot Connector stub (a real HTTP server on 127.0.0.1, the activities' serviceUrl).
 * Prints submit-to-alert latency (p50/p99) with a healthy connector, then the alerts lost and
 * duplicated when the connector fails a share of its message posts (both must be 0: the exit code is 1 otherwise).
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { runPhase, type ConsultationBenchPhase } from './consultation-bench-phase.js';

export type { ConsultationBenchPhase } from './consultation-bench-phase.js';

/** Options of the bench, each with its default. */
export interface ConsultationBenchOptions {
  /** Requests submitted per phase. Default: 200. */
  readonly requests?: number;
  /** Submissions in flight at once. Default: 4. */
  readonly concurrency?: number;
  /** Share of connector calls that fail (HTTP 503) in the second phase. Default: 0.3. */
  readonly failureRate?: number;
  /** Seed of the failure draw (which calls fail; the interleaving of calls still varies). Default: 7. */
  readonly seed?: number;
  /** Requests sent first, before failures start and outside the latency figures (JIT, caches). Default: 5. */
  readonly warmup?: number;
  /** Where lines go. Default: standard output. */
  readonly print?: (line: string) => void;
}

/** What the bench measured. */
export interface ConsultationBenchResult {
  readonly clean: ConsultationBenchPhase;
  readonly failing: ConsultationBenchPhase;
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

/** Runs both phases and prints their lines. */
export async function runConsultationBench(options: ConsultationBenchOptions = {}): Promise<ConsultationBenchResult> {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const settings = { requests: options.requests ?? 200, concurrency: options.concurrency ?? 4, failureRate: options.failureRate ?? 0.3, seed: options.seed ?? 7, warmup: options.warmup ?? 5 };
  print(`consultation bench: ${settings.requests} measured requests per phase (after ${settings.warmup} warm-up), ${settings.concurrency} at a time, POST /api/messages (startBot, memory storage) → outbox → Teams sender → connector stub on 127.0.0.1`);
  const clean = await runPhase(0, settings);
  print(`healthy connector: stored ${clean.stored}/${clean.submitted}; submit → coordinator alert p50 ${ms(clean.coordinatorP50Ms)}, p99 ${ms(clean.coordinatorP99Ms)}; submit → every alert (coordinator + Pivots channel) p50 ${ms(clean.allAlertsP50Ms)}, p99 ${ms(clean.allAlertsP99Ms)}`);
  print(`healthy connector: alerts expected ${clean.expectedAlerts}, lost ${clean.lost}, duplicated ${clean.duplicated}`);
  const failing = await runPhase(settings.failureRate, settings);
  print(`connector failing ${Math.round(settings.failureRate * 100)} % of calls (seed ${settings.seed}): ${failing.failedCalls} calls answered 503; stored ${failing.stored}/${failing.submitted}; submit → coordinator alert p50 ${ms(failing.coordinatorP50Ms)}, p99 ${ms(failing.coordinatorP99Ms)}`);
  print(`connector failing: alerts expected ${failing.expectedAlerts}, lost ${failing.lost}, duplicated ${failing.duplicated} (outbox deliveries given up: ${failing.outboxFailed}; errors logged by the bot's turn-error handler: ${failing.turnErrors})`);
  return { clean, failing };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { requests: { type: 'string' }, concurrency: { type: 'string' }, 'failure-rate': { type: 'string' }, seed: { type: 'string' }, warmup: { type: 'string' } } });
  const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
  const result = await runConsultationBench({ requests: num(values.requests), concurrency: num(values.concurrency), failureRate: num(values['failure-rate']), seed: num(values.seed), warmup: num(values.warmup) });
  const ok = [result.clean, result.failing].every((p) => p.lost === 0 && p.duplicated === 0 && p.stored === p.submitted);
  process.exit(ok ? 0 : 1);
}
