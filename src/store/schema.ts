/**
 * The one schema of the service, as ordered migrations. The SQL is written once in the subset SQLite and
 * PostgreSQL share (TEXT, INTEGER, BIGINT epoch milliseconds), so both stores run the same statements.
 * A migration is never edited after release: add a new one.
 */
export interface Migration {
  version: number;
  name: string;
  statements: string[];
  /** Run on this store only; the other records the version without running it, so versions stay one sequence. */
  only?: 'sqlite' | 'postgres';
}

/** The statements a store of this dialect runs for a migration (none when the migration is the other's). */
export function statementsFor(m: Migration, dialect: 'sqlite' | 'postgres'): string[] {
  return m.only && m.only !== dialect ? [] : m.statements;
}

/** The rate-limit counts' table (name and columns): migration 2, and SQLite's own rate file (src/store/sqlite.ts). */
export const RATE_LIMIT_HITS_TABLE = `rate_limit_hits (window_start BIGINT NOT NULL, bucket TEXT NOT NULL, hits BIGINT NOT NULL,
        PRIMARY KEY (window_start, bucket))`;

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'reports, feedback, api keys',
    statements: [
      `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
      `CREATE TABLE api_keys (id TEXT PRIMARY KEY, hash TEXT NOT NULL UNIQUE, role TEXT NOT NULL, name TEXT,
        created_at BIGINT NOT NULL, revoked_at BIGINT)`,
      `CREATE TABLE reports (id TEXT PRIMARY KEY, kind TEXT NOT NULL, platform TEXT, subject_key TEXT NOT NULL,
        subject_value TEXT NOT NULL, subject_hash TEXT NOT NULL, category TEXT NOT NULL, description TEXT, evidence TEXT,
        occurred_at TEXT, contact TEXT, consent INTEGER NOT NULL, reporter TEXT NOT NULL, directory_match INTEGER NOT NULL,
        analysis_verdict TEXT, analysis_score INTEGER, analysis_category TEXT, status TEXT NOT NULL, review_note TEXT,
        reviewed_by TEXT, reviewed_at BIGINT, merged_into TEXT, created_at BIGINT NOT NULL, evidence_purged_at BIGINT)`,
      `CREATE INDEX reports_subject ON reports (subject_hash, status)`,
      `CREATE INDEX reports_created ON reports (created_at)`,
      `CREATE INDEX reports_status ON reports (status, created_at)`,
      `CREATE TABLE report_mentions (report_id TEXT NOT NULL, hash TEXT NOT NULL, PRIMARY KEY (report_id, hash))`,
      `CREATE INDEX report_mentions_hash ON report_mentions (hash)`,
      `CREATE TABLE feedback (id TEXT PRIMARY KEY, target TEXT NOT NULL, kind TEXT NOT NULL, identifier_hash TEXT,
        subject TEXT, verdict TEXT, note TEXT, reporter TEXT NOT NULL, created_at BIGINT NOT NULL)`,
      `CREATE INDEX feedback_identifier ON feedback (identifier_hash)`,
    ],
  },
  {
    version: 2,
    name: 'shared rate-limit counters',
    statements: [
      // One row per (window, bucket); bucket = salted hash of limiter and key, never a client address.
      `CREATE TABLE ${RATE_LIMIT_HITS_TABLE}`,
    ],
  },
  {
    version: 3,
    name: 'known identifiers',
    statements: [
      // Every hash some report, mention or feedback is about: analyze asks the store for the full facts only of
      // identifiers listed here, so a message whose numbers and links nobody reported costs one primary-key probe.
      `CREATE TABLE known_identifiers (hash TEXT PRIMARY KEY)`,
      `INSERT INTO known_identifiers (hash)
        SELECT subject_hash FROM reports UNION SELECT hash FROM report_mentions
        UNION SELECT identifier_hash FROM feedback WHERE identifier_hash IS NOT NULL`,
    ],
  },
  {
    version: 4,
    name: 'sqlite: rate-limit counts live in fanzha-rate.sqlite',
    only: 'sqlite',
    // Counts written here before they moved are stale: nothing reads or purges this table on SQLite any more.
    statements: [`DELETE FROM rate_limit_hits`],
  },
];
