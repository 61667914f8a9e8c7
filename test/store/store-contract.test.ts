/** The Store contract against real SQLite files and a real PostgreSQL cluster. */
import { after, before } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { PostgresStore } from '../../src/store/postgres.js';
import { pgSkipReason, startPostgres, type PgCluster } from '../helpers/postgres.js';
import { runStoreContract } from './contract.js';

const dirs: string[] = [];
runStoreContract('sqlite', async () => {
  const d = mkdtempSync(join(tmpdir(), 'fanzha-store-'));
  dirs.push(d);
  return openSqliteStore(d);
});

const pgSkip = pgSkipReason();
if (pgSkip) console.log(`# ${pgSkip}`);
let cluster: PgCluster | null = null;
let n = 0;
before(async () => {
  if (!pgSkip) cluster = await startPostgres();
});
after(() => {
  cluster?.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
runStoreContract(
  'postgres',
  async () => {
    if (!cluster) throw new Error('PostgreSQL cluster did not start');
    return PostgresStore.open(await cluster.createDatabase(`contract_${++n}`));
  },
  pgSkip ?? false,
);
