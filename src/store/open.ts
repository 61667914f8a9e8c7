import { openSqliteStore } from './sqlite.js';
import { PostgresStore } from './postgres.js';
import type { Store } from './types.js';

export interface StoreConfig {
  /** postgres://… selects PostgreSQL; otherwise SQLite under dataDir. */
  databaseUrl?: string | undefined;
  dataDir: string;
}

/** Opens (and migrates) the configured store. */
export async function openStore(config: StoreConfig): Promise<Store> {
  const url = config.databaseUrl?.trim();
  if (url && /^postgres(ql)?:\/\//i.test(url)) return PostgresStore.open(url);
  if (url) throw new Error(`DATABASE_URL must start with postgres:// (got "${url.split(':')[0]}:")`);
  return openSqliteStore(config.dataDir);
}

export type { Store } from './types.js';
