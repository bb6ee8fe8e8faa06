/**
 * The shape every feature has, and the one place that mounts the list of features in order:
 * turn routes on the teams-ai Application, HTTP routes on the server, outbox payload renderers
 * for the Teams sender, the message catalogues it speaks with (checked whole in both languages),
 * start-up and stop work. A feature declares; only this module mounts.
 */
import type { Application } from '@microsoft/teams-ai';
import type { Server } from 'restify';
import type { Language } from '../core/i18n/detect-language.js';
import { listCardTemplates } from './cards/render-card.js';
import type { PayloadRenderer } from './delivery/teams-sender.js';

/** One feature of Balise, as its factory returns it (e.g. `resourcesFeature(deps)`). Every part but the name is optional. */
export interface Feature {
  /** Short unique name (`resources`, `trainings`...), used in logs and errors. */
  readonly name: string;
  /** Mounts its turn routes (commands, card verbs, invokes) and the outbox listeners those routes rely on. */
  readonly routes?: (app: Application) => void;
  /** Mounts its routes on the bot's HTTP server (files served by link). */
  readonly httpRoutes?: (server: Server) => void;
  /** The Adaptive Card templates (`adaptive-cards/<name>.json`) it renders; several features may share one. */
  readonly cards?: readonly string[];
  /** The outbox payload kinds it owns, each with the renderer that turns it into a card. */
  readonly payloadRenderers?: ReadonlyArray<readonly [string, PayloadRenderer]>;
  /**
   * The message catalogues (`bot/core/i18n/`) its replies and cards read, by name; several features
   * may share one. The mounter checks that each says every message in French and in English.
   */
  readonly messages?: ReadonlyArray<readonly [string, MessageTable]>;
  /**
   * True when its routes read or write teams-ai turn state (`state.conversation`, `state.user`).
   * The application then keeps turn state in the store, shared by every instance; while no feature
   * says so, a turn neither reads nor writes any (Balise's own features keep theirs in records).
   */
  readonly turnState?: boolean;
  /** Start-up work, run once before the server listens (demo seed, jobs to resume, timers). */
  readonly start?: () => Promise<void>;
  /** Stop work, run once at shutdown, in the reverse order of the list. */
  readonly stop?: () => Promise<void>;
}

/** A catalogue's table of one language (its `…MessagesFor` function). */
export type MessageTable = (language: Language) => object;

/** Thrown when the list of features is inconsistent (a wiring fault, found at start-up). */
export class FeatureMountError extends Error {
  constructor(message: string) {
    super(`features: ${message}`);
    this.name = 'FeatureMountError';
  }
}

/**
 * Checks the list: names unique, each declared card template shipped, each payload kind owned by
 * one feature, each message catalogue whole (every message in French and in English). Returns the payload renderers put together, for the Teams sender.
 */
export function checkFeatures(features: readonly Feature[]): ReadonlyMap<string, PayloadRenderer> {
  const names = new Set<string>();
  const templates = new Set(listCardTemplates());
  const renderers = new Map<string, PayloadRenderer>();
  const owners = new Map<string, string>();
  for (const feature of features) {
    if (names.has(feature.name)) throw new FeatureMountError(`duplicate feature "${feature.name}"`);
    names.add(feature.name);
    for (const card of feature.cards ?? []) {
      if (!templates.has(card)) throw new FeatureMountError(`feature "${feature.name}" declares an unknown card template "${card}"`);
    }
    for (const [name, table] of feature.messages ?? []) checkCatalogue(feature.name, name, table);
    for (const [kind, render] of feature.payloadRenderers ?? []) {
      const owner = owners.get(kind);
      if (owner) throw new FeatureMountError(`payload kind "${kind}" is rendered by both "${owner}" and "${feature.name}"`);
      owners.set(kind, feature.name);
      renderers.set(kind, render);
    }
  }
  return renderers;
}

/** Mounts every feature's turn routes in list order (teams-ai tries routes in the order they were added). */
export function mountRoutes(app: Application, features: readonly Feature[]): void {
  for (const feature of features) feature.routes?.(app);
}

/** Mounts every feature's HTTP routes on the server. */
export function mountHttpRoutes(server: Server, features: readonly Feature[]): void {
  for (const feature of features) feature.httpRoutes?.(server);
}

/** Runs each feature's start-up work in list order; returns what stops them all, in reverse order. */
export async function startFeatures(features: readonly Feature[]): Promise<() => Promise<void>> {
  const started: Feature[] = [];
  for (const feature of features) {
    await feature.start?.();
    started.push(feature);
  }
  return async () => {
    for (const feature of started.reverse()) await feature.stop?.();
  };
}

function checkCatalogue(feature: string, name: string, table: MessageTable): void {
  const fr = table('fr') as Readonly<Record<string, unknown>>;
  const en = table('en') as Readonly<Record<string, unknown>>;
  const missing = [...Object.keys(fr).filter((k) => !(k in en)).map((k) => `${k} (en)`), ...Object.keys(en).filter((k) => !(k in fr)).map((k) => `${k} (fr)`)];
  // A text may be empty on purpose in one language (« French only » says nothing in French), never missing.
  const notText = [...Object.entries(fr), ...Object.entries(en)].filter(([, v]) => typeof v !== 'string').map(([k]) => k);
  if (missing.length + notText.length > 0) {
    throw new FeatureMountError(`feature "${feature}" speaks with catalogue "${name}", which lacks ${[...missing, ...notText.map((k) => `${k} (not a text)`)].join(', ')}`);
  }
}
