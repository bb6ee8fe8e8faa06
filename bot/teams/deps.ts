/** What the Teams side receives from the composition root. */
import type { Config } from '../config.js';
import type { Directory } from '../core/directory/directory.js';
import type { Outbox } from '../core/delivery/outbox.js';
import type { KnowledgeBase } from '../core/knowledge/types.js';
import type { QuestionAnswerer } from '../core/search/decision.js';
import type { RecordStore } from '../core/storage/record-store.js';
import type { Logger } from '../logger.js';

/** Dependencies every feature may use; built once by `startBot` (or a test). */
export interface BotDeps {
  readonly config: Config;
  readonly logger: Logger;
  readonly store: RecordStore;
  readonly knowledge: KnowledgeBase;
  readonly answerer: QuestionAnswerer;
  readonly directory: Directory;
  /** The time now; tests pass a controllable clock. */
  readonly now: () => Date;
  /** Durable proactive delivery (announcements, alerts, reminders). */
  readonly outbox: Outbox;
}
