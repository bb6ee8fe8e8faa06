/**
 * Reference numbers a worker can read over the phone: `C-` and six characters without the ones
 * people confuse (0/O, 1/I/L, U/V). Random, so submissions never contend for a counter.
 */
import { randomInt } from 'node:crypto';

const alphabet = '23456789ABCDEFGHJKMNPQRSTWXYZ';
const pattern = new RegExp(`^C-[${alphabet}]{6}$`);

/** A new random reference; `pick(n)` returns an integer in [0, n) (tests fix it). */
export function newReference(pick: (n: number) => number = randomInt): string {
  let ref = 'C-';
  for (let i = 0; i < 6; i++) ref += alphabet[pick(alphabet.length)];
  return ref;
}

/** True when `value` is shaped like a reference (anything else from a card is ignored). */
export function isReference(value: unknown): value is string {
  return typeof value === 'string' && pattern.test(value);
}
