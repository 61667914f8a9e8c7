/**
 * Upgrading a database made by an earlier version: later migrations apply on start, and the known-identifiers
 * index is filled from the reports, mentions and feedback already there (identifierFacts consults it first).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import { PostgresStore } from '../../src/store/postgres.js';
import { MIGRATIONS } from '../../src/store/schema.js';
import { openSqliteStore, SQLITE_FILE } from '../../src/store/sqlite.js';
import { pgSkipReason, startPostgres } from '../helpers/postgres.js';

test('a version-1 database is migrated and keeps answering identifier facts', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fanzha-mig-'));
  try {
    const db = new Database(join(dir, SQLITE_FILE));
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)');
    const v1 = MIGRATIONS.find((m) => m.version === 1)!;
    for (const s of v1.statements) db.exec(s);
    db.prepare('INSERT INTO schema_migrations VALUES (1, ?, ?)').run(v1.name, Date.now());
    db.prepare(
      `INSERT INTO reports (id, kind, subject_key, subject_value, subject_hash, category, consent, reporter, directory_match, status, created_at)
        VALUES ('r_1', 'phone', 'phone:13800138000', '13800138000', 'H_SUBJECT', 'phishing', 0, 'k_a', 0, 'pending', ?)`,
    ).run(Date.now());
    db.prepare(`INSERT INTO report_mentions VALUES ('r_1', 'H_MENTION')`).run();
    db.prepare(`INSERT INTO feedback (id, target, kind, identifier_hash, reporter, created_at) VALUES ('f_1', 'lookup', 'false_alarm', 'H_FEEDBACK', 'k_b', 1)`).run();
    db.close();

    const store = openSqliteStore(dir);
    try {
      const facts = await store.identifierFacts(['H_SUBJECT', 'H_MENTION', 'H_FEEDBACK', 'H_NONE']);
      assert.equal(facts.get('H_SUBJECT')?.reports, 1);
      assert.equal(facts.get('H_MENTION')?.mentions, 1);
      assert.equal(facts.get('H_FEEDBACK')?.falseAlarms, 1);
      assert.equal(facts.has('H_NONE'), false);
      assert.deepEqual(await store.addRateHits([{ windowStart: 0, bucket: 'x', hits: 1 }]), [{ windowStart: 0, bucket: 'x', hits: 1 }]);
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('migration 4 (SQLite only) is recorded on PostgreSQL without running: the shared rate counts stay', { skip: pgSkipReason() ?? false }, async () => {
  const cluster = await startPostgres();
  try {
    const url = await cluster.createDatabase('mig4');
    const first = await PostgresStore.open(url);
    await first.addRateHits([{ windowStart: 1000, bucket: 'live', hits: 3 }]);
    await first.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const versions = async (): Promise<number[]> => (await client.query('SELECT version FROM schema_migrations ORDER BY version')).rows.map((r: { version: number }) => Number(r.version));
      assert.deepEqual(await versions(), MIGRATIONS.map((m) => m.version));
      // As a database from before migration 4, with live counts in the table.
      await client.query('DELETE FROM schema_migrations WHERE version = 4');
      const again = await PostgresStore.open(url);
      await again.close();
      assert.deepEqual(await versions(), MIGRATIONS.map((m) => m.version));
      assert.equal(Number((await client.query(`SELECT hits FROM rate_limit_hits WHERE bucket = 'live'`)).rows[0]?.hits), 3);
    } finally {
      await client.end();
    }
  } finally {
    cluster.stop();
  }
});
