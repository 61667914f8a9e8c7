/**
 * The PostgreSQL store (DATABASE_URL=postgres://…): the same schema and statements as SQLite, over a pg pool.
 * Several service processes may share one database; migrations take an advisory lock so only one applies them.
 */
import { createHash } from 'node:crypto';
import pg from 'pg';
import { MIGRATIONS, statementsFor } from './schema.js';
import { rateHitsOf, sortRateHits, SqlStore, type Param, type Statement } from './sql-store.js';
import type { RateHits } from './types.js';

type Row = Record<string, unknown>;
const MIGRATION_LOCK = 0x66616e7a; // "fanz"

/** Turns the shared `?` placeholders into $1, $2, … (the statements contain no literal question marks). */
function toPg(sql: string): string {
  let i = 0;
  return sql.replace(/\?/g, () => `$${++i}`);
}

export class PostgresStore extends SqlStore {
  readonly dialect = 'postgres' as const;
  private readonly pool: pg.Pool;
  private readonly converted = new Map<string, { text: string; name: string }>();

  private constructor(pool: pg.Pool) {
    super();
    this.pool = pool;
  }

  static async open(connectionString: string, poolSize = 10): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString, max: poolSize });
    // An idle client losing its connection must not crash the process; the next query reconnects.
    pool.on('error', () => {});
    const store = new PostgresStore(pool);
    try {
      await store.migrate();
    } catch (e) {
      await pool.end();
      throw e;
    }
    return store;
  }

  private async migrate(): Promise<void> {
    const c = await this.pool.connect();
    try {
      await c.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await c.query(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`);
      const done = new Set((await c.query('SELECT version FROM schema_migrations')).rows.map((r: Row) => Number(r['version'])));
      for (const m of MIGRATIONS) {
        if (done.has(m.version)) continue;
        await c.query('BEGIN');
        try {
          for (const s of statementsFor(m, 'postgres')) await c.query(s);
          await c.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, Date.now()]);
          await c.query('COMMIT');
        } catch (e) {
          await c.query('ROLLBACK');
          throw e;
        }
      }
    } finally {
      await c.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
      c.release();
    }
  }

  /** The statement in PostgreSQL syntax, named so each connection parses and plans it only once. */
  private sql(sql: string): { text: string; name: string } {
    let s = this.converted.get(sql);
    if (s === undefined) {
      s = { text: toPg(sql), name: `fz_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}` };
      this.converted.set(sql, s);
    }
    return s;
  }

  private q(c: pg.Pool | pg.PoolClient, sql: string, params: Param[]): Promise<pg.QueryResult> {
    const { text, name } = this.sql(sql);
    return c.query({ text, name, values: params });
  }

  protected async all(sql: string, params: Param[] = []): Promise<Row[]> {
    return (await this.q(this.pool, sql, params)).rows as Row[];
  }

  protected async run(sql: string, params: Param[] = []): Promise<number> {
    return (await this.q(this.pool, sql, params)).rowCount ?? 0;
  }

  protected async batch(statements: Statement[]): Promise<void> {
    if (statements.length === 1) {
      await this.q(this.pool, statements[0]!.sql, statements[0]!.params);
      return;
    }
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      for (const s of statements) await this.q(c, s.sql, s.params);
      await c.query('COMMIT');
    } catch (e) {
      await c.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      c.release();
    }
  }

  /** One statement whatever the number of buckets (arrays instead of a VALUES list per row count). */
  override async addRateHits(rows: RateHits[]): Promise<RateHits[]> {
    if (rows.length === 0) return [];
    const sorted = sortRateHits(rows);
    const res = await this.pool.query({
      name: 'fz_rate_hits',
      text: `INSERT INTO rate_limit_hits (window_start, bucket, hits)
        SELECT w, b, h FROM unnest($1::bigint[], $2::text[], $3::bigint[]) WITH ORDINALITY AS t(w, b, h, o) ORDER BY o
        ON CONFLICT (window_start, bucket) DO UPDATE SET hits = rate_limit_hits.hits + EXCLUDED.hits
        RETURNING window_start, bucket, hits`,
      values: [sorted.map((r) => r.windowStart), sorted.map((r) => r.bucket), sorted.map((r) => r.hits)],
    });
    return rateHitsOf(res.rows as Row[]);
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  protected dayExpr(column: string): string {
    return `to_char(to_timestamp(${column} / 1000.0) AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;
  }
}
