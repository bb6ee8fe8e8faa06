/** Opens the store the configuration names: embedded SQLite (default), memory, or Azure Table Storage. */
import type { Config } from '../config.js';
import type { RecordStore } from '../core/storage/record-store.js';
import { createAzureTableStore } from './azure-table-store.js';
import { createMemoryStore } from './memory-store.js';
import { createSqliteStore } from './sqlite-store.js';

/** Opens the configured store. */
export async function openStore(config: Config): Promise<RecordStore> {
  switch (config.storage) {
    case 'memory':
      return createMemoryStore();
    case 'azure-table':
      return createAzureTableStore(config.azureStorageConnectionString ?? '');
    default:
      return createSqliteStore(config.dataDir);
  }
}
