/**
 * Starts a real, throw-away PostgreSQL cluster (Debian's postgresql 15) on a private loopback port for tests,
 * and stops and deletes it afterwards. As root, initdb/pg_ctl run as the postgres user (runuser).
 * Without PostgreSQL installed: tests FAIL when CI=true, and skip with a clear message otherwise.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const BIN_DIRS = [process.env['PG_BIN'], '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin'].filter((d): d is string => Boolean(d));

export interface PgCluster {
  /** postgres://… for a fresh database on the cluster. */
  url: string;
  port: number;
  /** Creates another empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): void;
}

export function pgBinDir(): string | null {
  return BIN_DIRS.find((d) => existsSync(join(d, 'initdb'))) ?? null;
}

/** Why the PG tests cannot run, or null; throws in CI so a missing PostgreSQL is never a silent pass. */
export function pgSkipReason(): string | null {
  if (pgBinDir()) return null;
  const msg = `PostgreSQL not found (looked for initdb in ${BIN_DIRS.join(', ')}); install Debian's postgresql to run these tests`;
  if (process.env['CI'] === 'true') throw new Error(`${msg} — CI=true, so this is a failure, not a skip`);
  return `SKIPPED: ${msg}`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

function asPostgres(args: string[]): void {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const [cmd, ...rest] = args as [string, ...string[]];
  if (isRoot) execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...rest], { stdio: 'pipe' });
  else execFileSync(cmd, rest, { stdio: 'pipe' });
}

export async function startPostgres(): Promise<PgCluster> {
  const bin = pgBinDir();
  if (!bin) throw new Error('PostgreSQL binaries not found');
  const dir = mkdtempSync(join(tmpdir(), 'fanzha-pg-'));
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  const data = join(dir, 'data');
  const port = await freePort();
  asPostgres([join(bin, 'initdb'), '-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  asPostgres([
    join(bin, 'pg_ctl'),
    '-D',
    data,
    '-l',
    join(dir, 'server.log'),
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=100`,
    '-w',
    'start',
  ]);
  let stopped = false;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    try {
      asPostgres([join(bin, 'pg_ctl'), '-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  process.once('exit', stop);
  const base = `postgres://postgres@127.0.0.1:${port}`;
  return {
    url: `${base}/postgres`,
    port,
    stop,
    async createDatabase(name: string): Promise<string> {
      if (!/^[a-z_][a-z0-9_]{0,40}$/.test(name)) throw new Error(`bad database name ${name}`);
      const c = new pg.Client({ connectionString: `${base}/postgres` });
      await c.connect();
      try {
        await c.query(`CREATE DATABASE ${name}`);
      } finally {
        await c.end();
      }
      return `${base}/${name}`;
    },
  };
}
