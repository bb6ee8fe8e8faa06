/**
 * Short-lived signed links to a roster file: `/roster/<sessionId>.csv?expires=<ms>&signature=<hmac>`.
 * The roster holds names, so the link works only for a few minutes and only with the signature
 * Balise computed (HMAC-SHA256 with a secret of this process); anyone without it gets a 404.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Options of {@link createRosterLinks}, each with its default. */
export interface RosterLinkOptions {
  /** How long a link works, in ms. Default: 10 minutes. */
  readonly validForMs?: number;
  /** The signing key. Default: 32 random bytes, so links die when the process restarts. */
  readonly secret?: Buffer;
}

/** Makes and checks roster links. */
export interface RosterLinks {
  /** How long a link works, in minutes (for the message). */
  readonly validMinutes: number;
  /** The path and query of a roster file (to append to the bot's public URL). */
  pathFor(sessionId: string, now: Date): string;
  /** True when `expires` and `signature` are the ones Balise made for `sessionId` and the link has not expired. */
  verify(sessionId: string, expires: string, signature: string, now: Date): boolean;
}

/** Creates the roster link signer. */
export function createRosterLinks(options: RosterLinkOptions = {}): RosterLinks {
  const validForMs = options.validForMs ?? 10 * 60_000;
  const secret = options.secret ?? randomBytes(32);
  const sign = (sessionId: string, expires: string) => createHmac('sha256', secret).update(`roster\n${sessionId}\n${expires}`).digest('base64url');
  return {
    validMinutes: Math.round(validForMs / 60_000),
    pathFor(sessionId, now) {
      const expires = String(now.getTime() + validForMs);
      return `/roster/${encodeURIComponent(sessionId)}.csv?expires=${expires}&signature=${sign(sessionId, expires)}`;
    },
    verify(sessionId, expires, signature, now) {
      if (!/^\d{1,15}$/.test(expires) || Number(expires) <= now.getTime()) return false;
      const expected = Buffer.from(sign(sessionId, expires));
      const given = Buffer.from(signature);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
