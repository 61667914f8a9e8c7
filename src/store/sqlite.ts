/**
 * The embedded store: SQLite under the data directory, fanzha.sqlite (WAL) for everything but the shared
 * rate-limit counts (fanzha-rate.sqlite, below). Writes are group-committed: every
 * write that arrives in the same event-loop turn shares one transaction and one fsync (synchronous=FULL),
 * and a request is acknowledged only after its commit, so an acknowledged report survives a crash.
 *
 * Rate-limit counts shared between processes (src/server/rate-limit.ts) live in a second file beside it,
 * fanzha-rate.sqlite, on their own connection with synchronous=NORMAL: they are written several times a second
 * per process, and an fsync (≈ 4 ms here) each time would stall the event loop; in WAL mode NORMAL commits without
 * one. Counts are worth no fsync: after a power cut the last ones may be missing, which only lets a client a few
 * more requests in the current window. Being another file, those writes never wait for a report commit's lock.
 * The file is opened on the first rate-limit write (a single process on SQLite shares no counts and never does);
 * the main file's rate_limit_hits table (migration 2) stays empty on SQLite (migration 4 emptied it once, for files
 * an older version wrote).
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, RATE_LIMIT_HITS_TABLE, statementsFor } from './schema.js';
import { PURGE_RATE_HITS, rateHitsOf, rateHitUpserts, SqlStore, type Param, type Statement } from './sql-store.js';
import type { RateHits } from './types.js';

type Row = Record<string, unknown>;
interface Pending {
  statements: Statement[];
  resolve: () => void;
  reject: (e: unknown) => void;
}

export const SQLITE_FILE = 'fanzha.sqlite';
/** The rate-limit counters' file, beside the main one. */
export const SQLITE_RATE_FILE = 'fanzha-rate.sqlite';

/** The settings each connection must run with (test/store/sqlite-sync.test.ts checks them). */
export interface ConnectionPragmas {
  journalMode: string;
  /** 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA. */
  synchronous: number;
  busyTimeout: number;
}

function pragmasOf(db: Database.Database): ConnectionPragmas {
  return {
    journalMode: String(db.pragma('journal_mode', { simple: true })),
    synchronous: Number(db.pragma('synchronous', { simple: true })),
    busyTimeout: Number(db.pragma('busy_timeout', { simple: true })),
  };
}

/** A statement prepared once per connection and SQL text. */
function prepared(db: Database.Database, cache: Map<string, Database.Statement>, sql: string): Database.Statement {
  let s = cache.get(sql);
  if (!s) {
    s = db.prepare(sql);
    cache.set(sql, s);
  }
  return s;
}

export class SqliteStore extends SqlStore {
  readonly dialect = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly cache = new Map<string, Database.Statement>();
  private queue: Pending[] = [];
  private flushScheduled = false;
  private closed = false;
  /** The rate-limit connection (fanzha-rate.sqlite), opened on first use, and its prepared statements. */
  private rateDb: Database.Database | null = null;
  private readonly rateCache = new Map<string, Database.Statement>();

  constructor(
    file: string,
    /** Where the rate-limit counters go (default: fanzha-rate.sqlite beside `file`). */
    private readonly rateFile = join(dirname(file), SQLITE_RATE_FILE),
  ) {
    super();
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('foreign_keys = ON');
    // COUNT(DISTINCT …) in the reputation query builds small temporary b-trees; backed by a file (the default),
    // each costs a few hundred µs of allocator system calls.
    this.db.pragma('temp_store = MEMORY');
    this.migrate();
  }

  private migrate(): void {
    const applied = (): Set<number> => new Set((this.db.prepare('SELECT version FROM schema_migrations').all() as Row[]).map((r) => Number(r['version'])));
    // An up-to-date file is only read: opening it (every CLI command, every worker) takes no write lock.
    const hasTable = this.db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`).get() !== undefined;
    const before = hasTable ? applied() : null;
    if (before && MIGRATIONS.every((m) => before.has(m.version))) return;
    this.db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`);
    // IMMEDIATE takes the write lock first, so two processes starting on one file migrate one after the other.
    const apply = this.db.transaction(() => {
      const done = applied();
      for (const m of MIGRATIONS) {
        if (done.has(m.version)) continue;
        for (const s of statementsFor(m, 'sqlite')) this.db.exec(s);
        this.db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, Date.now());
      }
    });
    apply.immediate();
  }

  private stmt(sql: string): Database.Statement {
    return prepared(this.db, this.cache, sql);
  }


  /** The rate-limit connection: WAL, synchronous=NORMAL, its one table created if missing. */
  private rate(): Database.Database {
    if (this.closed) throw new Error('store is closed');
    if (this.rateDb) return this.rateDb;
    const db = new Database(this.rateFile);
    try {
      // Short: the other processes hold this file's lock for a few µs (no fsync), never for a report commit.
      db.pragma('busy_timeout = 1000');
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.exec(`CREATE TABLE IF NOT EXISTS ${RATE_LIMIT_HITS_TABLE}`);
    } catch (e) {
      db.close();
      throw e;
    }
    this.rateDb = db;
    return db;
  }

  /** The shared upserts (rateHitUpserts), on the rate file, in one transaction: one commit, consistent totals. */
  override async addRateHits(rows: RateHits[]): Promise<RateHits[]> {
    if (rows.length === 0) return [];
    const db = this.rate();
    const out: RateHits[] = [];
    db.transaction(() => {
      for (const c of rateHitUpserts(rows)) out.push(...rateHitsOf(prepared(db, this.rateCache, c.sql).all(...c.params) as Row[]));
    }).immediate();
    return out;
  }

  override async purgeRateHits(before: number): Promise<number> {
    return prepared(this.rate(), this.rateCache, PURGE_RATE_HITS).run(before).changes;
  }

  /** The settings of the main connection and of the rate-limit one (null until opened). */
  connectionPragmas(): { main: ConnectionPragmas; rate: ConnectionPragmas | null } {
    return { main: pragmasOf(this.db), rate: this.rateDb ? pragmasOf(this.rateDb) : null };
  }

  protected async all(sql: string, params: Param[] = []): Promise<Row[]> {
    return this.stmt(sql).all(...params) as Row[];
  }

  protected async run(sql: string, params: Param[] = []): Promise<number> {
    await this.drain();
    return this.stmt(sql).run(...params).changes;
  }

  protected batch(statements: Statement[]): Promise<void> {
    if (this.closed) return Promise.reject(new Error('store is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ statements, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.flushScheduled = false;
    const work = this.queue;
    this.queue = [];
    if (work.length === 0) return;
    const results: (unknown | null)[] = [];
    try {
      this.db.transaction(() => {
        for (const p of work) {
          // Each write in its own savepoint: one failing insert does not fail its neighbours.
          try {
            this.db.transaction(() => {
              for (const s of p.statements) this.stmt(s.sql).run(...s.params);
            })();
            results.push(null);
          } catch (e) {
            results.push(e ?? new Error('write failed'));
          }
        }
      }).immediate();
    } catch (e) {
      for (const p of work) p.reject(e);
      return;
    }
    work.forEach((p, i) => (results[i] === null ? p.resolve() : p.reject(results[i])));
  }

  /** Commits queued writes now (before a direct write or close, to keep order). */
  private async drain(): Promise<void> {
    if (this.queue.length > 0) this.flush();
  }

  async ping(): Promise<void> {
    this.stmt('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    this.db.close();
    this.rateDb?.close();
  }

  protected dayExpr(column: string): string {
    return `strftime('%Y-%m-%d', ${column} / 1000, 'unixepoch')`;
  }
}

export function openSqliteStore(dataDir: string): SqliteStore {
  mkdirSync(dataDir, { recursive: true });
  return new SqliteStore(join(dataDir, SQLITE_FILE));
}
