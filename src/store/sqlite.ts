/**
 * The embedded store: one SQLite file (WAL) under the data directory. Writes are group-committed: every
 * write that arrives in the same event-loop turn shares one transaction and one fsync (synchronous=FULL),
 * and a request is acknowledged only after its commit, so an acknowledged report survives a crash.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './schema.js';
import { SqlStore, type Param, type Statement } from './sql-store.js';

type Row = Record<string, unknown>;
interface Pending {
  statements: Statement[];
  resolve: () => void;
  reject: (e: unknown) => void;
}

export const SQLITE_FILE = 'fanzha.sqlite';

export class SqliteStore extends SqlStore {
  readonly dialect = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly cache = new Map<string, Database.Statement>();
  private queue: Pending[] = [];
  private flushScheduled = false;
  private closed = false;

  constructor(file: string) {
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
    this.db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`);
    // IMMEDIATE takes the write lock first, so two processes starting on one file migrate one after the other.
    const apply = this.db.transaction(() => {
      const done = new Set((this.db.prepare('SELECT version FROM schema_migrations').all() as Row[]).map((r) => Number(r['version'])));
      for (const m of MIGRATIONS) {
        if (done.has(m.version)) continue;
        for (const s of m.statements) this.db.exec(s);
        this.db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, Date.now());
      }
    });
    apply.immediate();
  }

  private stmt(sql: string): Database.Statement {
    let s = this.cache.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.cache.set(sql, s);
    }
    return s;
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
  }

  protected dayExpr(column: string): string {
    return `strftime('%Y-%m-%d', ${column} / 1000, 'unixepoch')`;
  }
}

export function openSqliteStore(dataDir: string): SqliteStore {
  mkdirSync(dataDir, { recursive: true });
  return new SqliteStore(join(dataDir, SQLITE_FILE));
}
